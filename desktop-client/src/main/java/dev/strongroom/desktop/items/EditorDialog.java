package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.Views;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * Creates or edits an item: the common fields (name, folder, tags, notes) plus the type's own form
 * from {@link TypeEditors}. Validation is client-core's: a refused value shows its plain message
 * and nothing is saved. The write (seal, sign, queue, push) runs on the worker.
 */
public final class EditorDialog {

    @FXML private ChoiceBox<VaultInfo> vaultChoice;
    @FXML private Label titleLabel;
    @FXML private TextField nameField;
    @FXML private TextField folderField;
    @FXML private TextField tagsField;
    @FXML private VBox typeHost;
    @FXML private TextArea notesArea;
    @FXML private Label errorLabel;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;

    private final AppContext context;
    private final VaultService vaults;
    private final TypeEditor editor;
    private final ItemContent existing;
    private final String itemId;
    private final BiConsumer<String, String> saved;
    private final Stage stage = new Stage();

    private EditorDialog(
            AppContext context,
            VaultService vaults,
            ItemType type,
            ItemContent existing,
            String itemId,
            BiConsumer<String, String> saved) {
        this.context = context;
        this.vaults = vaults;
        this.editor = TypeEditors.forType(type, context).orElseThrow();
        this.existing = existing;
        this.itemId = itemId;
        this.saved = saved;
        Scene scene = new Scene(Views.load(this, "item-editor.fxml"));
        context.prepare(scene);
        typeHost.getChildren().setAll(editor.view());
        titleLabel.setText((existing == null ? "New " : "Edit ") + TypeNames.of(type));
        stage.setTitle(titleLabel.getText());
        stage.setScene(scene);
        stage.initOwner(context.stage());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setOnHidden(e -> dispose());
        saveButton.setOnAction(e -> save());
        cancelButton.setOnAction(e -> stage.hide());
    }

    /** A new item of {@code type} in one of {@code choices} (preselecting {@code vaultId}). */
    public static EditorDialog create(
            AppContext context,
            VaultService vaults,
            ItemType type,
            List<VaultInfo> choices,
            String vaultId,
            BiConsumer<String, String> saved) {
        EditorDialog d = new EditorDialog(context, vaults, type, null, null, saved);
        d.vaultChoice.getItems().setAll(choices);
        d.vaultChoice.setConverter(VAULT_NAMES);
        VaultInfo pick =
                choices.stream()
                        .filter(v -> v.vaultId().equals(vaultId))
                        .findFirst()
                        .orElse(choices.isEmpty() ? null : choices.get(0));
        d.vaultChoice.setValue(pick);
        return d;
    }

    /** Edits {@code item} (a copy is taken: the caller keeps its view). */
    public static EditorDialog edit(
            AppContext context,
            VaultService vaults,
            ItemView item,
            VaultInfo vault,
            BiConsumer<String, String> saved) {
        ItemContent copy = item.content().copy();
        EditorDialog d = new EditorDialog(context, vaults, copy.type(), copy, item.itemId(), saved);
        d.vaultChoice.getItems().setAll(vault);
        d.vaultChoice.setConverter(VAULT_NAMES);
        d.vaultChoice.setValue(vault);
        d.vaultChoice.setDisable(true);
        d.nameField.setText(copy.name());
        d.folderField.setText(copy.folder() == null ? "" : copy.folder());
        d.tagsField.setText(String.join(", ", copy.tags()));
        d.notesArea.setText(copy.notes() == null ? "" : copy.notes());
        d.editor.load(copy.data());
        return d;
    }

    /** Whether {@code type} has an editor yet. */
    public static boolean canEdit(ItemType type) {
        return TypeEditors.editable().contains(type);
    }

    private static final StringConverter<VaultInfo> VAULT_NAMES =
            new StringConverter<>() {
                @Override
                public String toString(VaultInfo v) {
                    return v == null ? "" : v.name();
                }

                @Override
                public VaultInfo fromString(String s) {
                    return null;
                }
            };

    public void show() {
        stage.show();
        nameField.requestFocus();
    }

    Stage stage() {
        return stage;
    }

    private void save() {
        VaultInfo vault = vaultChoice.getValue();
        if (vault == null) {
            errorLabel.setText("Choose a vault.");
            return;
        }
        ItemContent content;
        try {
            content = build(Instant.now());
        } catch (ItemValidationException e) {
            errorLabel.setText(e.getMessage());
            return;
        }
        saveButton.setDisable(true);
        errorLabel.setText("Saving …");
        String vaultId = vault.vaultId();
        context.background()
                .run(
                        () -> {
                            try {
                                if (itemId == null) {
                                    return vaults.add(vaultId, content);
                                }
                                vaults.edit(vaultId, itemId, content);
                                return itemId;
                            } finally {
                                content.close();
                            }
                        },
                        id -> {
                            stage.hide();
                            saved.accept(vaultId, id);
                        },
                        failure -> {
                            saveButton.setDisable(false);
                            errorLabel.setText("Not saved: " + failure.getMessage());
                        });
    }

    private ItemContent build(Instant now) {
        ItemData data = editor.build();
        try {
            List<String> tags =
                    Arrays.stream(tagsField.getText().split(","))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .toList();
            String folder = LoginEditor.blankToNull(folderField.getText());
            String notes = notesArea.getText().isBlank() ? null : notesArea.getText();
            if (existing == null) {
                return ItemContent.builder(data, nameField.getText().strip(), now)
                        .folder(folder)
                        .tags(tags)
                        .notes(notes)
                        .build();
            }
            ItemContent base = existing.copy();
            ItemData replaced = base.data();
            ItemContent next =
                    base.toBuilder()
                            .data(data)
                            .name(nameField.getText().strip())
                            .folder(folder)
                            .tags(tags)
                            .notes(notes)
                            .modified(now.isBefore(base.created()) ? base.created() : now)
                            .build();
            replaced.wipe();
            return next;
        } catch (RuntimeException e) {
            data.wipe();
            throw e;
        }
    }

    private void dispose() {
        editor.wipe();
        if (existing != null) {
            existing.close();
        }
    }
}
