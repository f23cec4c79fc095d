package dev.strongroom.desktop.items;

import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.Views;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * An item's revisions, newest first (name and date only; the decrypted revisions are wiped once
 * listed). "Restore" writes the chosen revision's content as a new revision, so nothing is lost.
 */
public final class HistoryDialog {

    /** One revision as listed. */
    record Revision(long number, Instant modified, boolean deleted, String name, boolean latest) {
        @Override
        public String toString() {
            String what = deleted ? "deleted" : name;
            return "Revision "
                    + number
                    + " · "
                    + DetailController.WHEN.format(modified)
                    + " · "
                    + what
                    + (latest ? " (current)" : "");
        }
    }

    @FXML private Label titleLabel;
    @FXML private ListView<Revision> revisions;
    @FXML private Button restoreButton;
    @FXML private Button closeButton;
    @FXML private Label messageLabel;

    private final AppContext context;
    private final Stage stage = new Stage();

    public HistoryDialog(
            AppContext context,
            VaultService vaults,
            ItemSummary item,
            BiConsumer<String, String> restored) {
        this.context = context;
        Scene scene = new Scene(Views.load(this, "history.fxml"));
        context.prepare(scene);
        titleLabel.setText("History of " + item.name());
        stage.setTitle(titleLabel.getText());
        stage.setScene(scene);
        stage.initOwner(context.stage());
        stage.initModality(Modality.WINDOW_MODAL);
        restoreButton
                .disableProperty()
                .bind(
                        javafx.beans.binding.Bindings.createBooleanBinding(
                                () -> {
                                    Revision r = revisions.getSelectionModel().getSelectedItem();
                                    return r == null || r.latest() || r.deleted();
                                },
                                revisions.getSelectionModel().selectedItemProperty()));
        closeButton.setOnAction(e -> stage.hide());
        restoreButton.setOnAction(
                e -> {
                    Revision r = revisions.getSelectionModel().getSelectedItem();
                    messageLabel.setText("Restoring revision " + r.number() + " …");
                    context.background()
                            .run(
                                    () -> {
                                        vaults.restore(item.vaultId(), item.itemId(), r.number());
                                        return r;
                                    },
                                    done -> {
                                        stage.hide();
                                        restored.accept(item.vaultId(), item.itemId());
                                    },
                                    failure ->
                                            messageLabel.setText(
                                                    "Not restored: " + failure.getMessage()));
                });
        context.background()
                .run(
                        () -> list(vaults, item),
                        revisions.getItems()::setAll,
                        failure ->
                                messageLabel.setText(
                                        "Could not read the history: " + failure.getMessage()));
    }

    private static List<Revision> list(VaultService vaults, ItemSummary item) {
        List<ItemView> views = vaults.history(item.vaultId(), item.itemId());
        List<Revision> out = new ArrayList<>();
        long latest = views.stream().mapToLong(ItemView::revision).max().orElse(-1);
        for (ItemView v : views) {
            try {
                boolean deleted = v.deleted() || v.content() == null;
                out.add(
                        new Revision(
                                v.revision(),
                                deleted ? Instant.EPOCH : v.content().modified(),
                                deleted,
                                deleted ? "" : v.content().name(),
                                v.revision() == latest));
            } finally {
                v.close();
            }
        }
        Collections.reverse(out);
        return out;
    }

    public void show() {
        stage.show();
    }
}
