package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.totp.TotpKey;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.Views;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The right-hand pane: the selected item decrypted (on the worker), its fields with secrets masked
 * and copy buttons, a live TOTP code, notes, dates and the edit, history and delete actions. Holds
 * one decrypted item at a time and wipes it when another is shown or the pane is cleared.
 */
public final class DetailController {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @FXML private Label placeholder;
    @FXML private VBox body;
    @FXML private Label nameLabel;
    @FXML private Label metaLabel;
    @FXML private GridPane fields;
    @FXML private HBox totpBox;
    @FXML private Label totpCode;
    @FXML private Label totpSeconds;
    @FXML private ProgressBar totpProgress;
    @FXML private Button copyTotpButton;
    @FXML private Label notesLabel;
    @FXML private Label datesLabel;
    @FXML private Button editButton;
    @FXML private Button historyButton;
    @FXML private Button deleteButton;

    private final AppContext context;
    private final Parent view;
    private ItemSummary requested;
    private ItemSummary shownSummary;
    private ItemView current;
    private TotpTicker ticker;
    private boolean disposed;

    public DetailController(AppContext context) {
        this.context = context;
        this.view = Views.load(this, "item-detail.fxml");
        clear();
    }

    @FXML
    private void initialize() {
        copyTotpButton.setOnAction(
                e -> {
                    if (ticker != null) {
                        context.clipboard().copy(ticker.currentCode());
                    }
                });
    }

    public Parent view() {
        return view;
    }

    /** Wires the action buttons (the main window owns the dialogs they open). */
    public void setActions(Runnable edit, Runnable history, Runnable delete) {
        editButton.setOnAction(e -> edit.run());
        historyButton.setOnAction(e -> history.run());
        deleteButton.setOnAction(e -> delete.run());
    }

    /** Decrypts and shows {@code summary} (null clears the pane). */
    public void show(ItemSummary summary, VaultService vaults) {
        requested = summary;
        if (summary == null) {
            clear();
            return;
        }
        context.background()
                .run(
                        () -> vaults.get(summary.vaultId(), summary.itemId()).orElse(null),
                        item -> {
                            if (disposed || requested != summary || item == null) {
                                if (item != null) {
                                    item.close(); // a newer selection won
                                }
                                return;
                            }
                            display(summary, item);
                        },
                        failure -> {
                            clear();
                            placeholder.setText(
                                    "Could not open this item: " + failure.getMessage());
                        });
    }

    /** The item on display (owned by this pane: do not close), or null. */
    public ItemView current() {
        return current;
    }

    public ItemSummary shownSummary() {
        return shownSummary;
    }

    /** Wipes the item on display for good: results still in flight are wiped on arrival. */
    public void dispose() {
        disposed = true;
        requested = null;
        clear();
    }

    /** Wipes the item on display and empties the pane. */
    public void clear() {
        if (ticker != null) {
            ticker.stop();
            ticker = null;
        }
        if (current != null) {
            current.close();
            current = null;
        }
        shownSummary = null;
        fields.getChildren().clear();
        body.setVisible(false);
        placeholder.setVisible(true);
        placeholder.setText("Select an item, or press Ctrl+N to create one.");
    }

    private void display(ItemSummary summary, ItemView item) {
        clear();
        current = item;
        shownSummary = summary;
        ItemContent c = item.content();
        placeholder.setVisible(false);
        body.setVisible(true);
        nameLabel.setText(c.name());
        metaLabel.setText(
                TypeNames.of(c.type())
                        + " · "
                        + summary.vaultName()
                        + (c.folder() == null ? "" : " · " + c.folder())
                        + (c.tags().isEmpty() ? "" : " · " + String.join(", ", c.tags()))
                        + (item.pending() ? " · waiting to sync" : ""));
        FieldRow.all(fields, c, cb());
        showTotp(c);
        notesLabel.setText(c.notes() == null ? "" : c.notes());
        notesLabel.setVisible(c.notes() != null);
        notesLabel.setManaged(c.notes() != null);
        StringBuilder dates =
                new StringBuilder("Revision " + item.revision() + " · modified ")
                        .append(WHEN.format(c.modified()));
        if (c.expires() != null) {
            dates.append(" · expires ").append(c.expires());
        }
        if (c.rotation() != null) {
            dates.append(" · rotate every ")
                    .append(c.rotation().everyDays())
                    .append(" days, next ")
                    .append(c.rotation().dueOn());
        }
        datesLabel.setText(dates.toString());
    }

    private void showTotp(ItemContent c) {
        TotpKey key = c.data() instanceof Login login ? login.totpKey() : null;
        totpBox.setVisible(key != null);
        totpBox.setManaged(key != null);
        if (key != null) {
            ticker = new TotpTicker(key, totpCode, totpSeconds, totpProgress);
            ticker.start();
        }
    }

    private dev.strongroom.desktop.clipboard.ClipboardGuard cb() {
        return context.clipboard();
    }

    /** Copies the item's main secret (password, key, note …); false when there is none. */
    public boolean copyPassword() {
        if (current == null) {
            return false;
        }
        for (Map.Entry<String, Object> f : current.content().data().fieldValues().entrySet()) {
            if (!f.getKey().equals("totp") && f.getValue() instanceof SecretText secret) {
                cb().copy(secret);
                return true;
            }
        }
        return false;
    }

    /** Copies the username (login, database user, API key id); false when there is none. */
    public boolean copyUsername() {
        String user = current == null ? null : ItemCatalog.username(current.content());
        if (user == null) {
            return false;
        }
        cb().copy(user);
        return true;
    }
}
