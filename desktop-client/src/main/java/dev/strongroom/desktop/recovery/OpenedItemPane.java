package dev.strongroom.desktop.recovery;

import dev.strongroom.client.item.Login;
import dev.strongroom.client.totp.TotpKey;
import dev.strongroom.desktop.clipboard.ClipboardGuard;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.desktop.items.FieldRow;
import dev.strongroom.desktop.items.TotpTicker;
import dev.strongroom.desktop.items.TypeNames;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The item chosen among those a combine opened: its fields as the main detail pane shows them
 * ({@link FieldRow}: secrets masked, Reveal, Copy through the clipboard guard) and a login's live
 * one-time code ({@link TotpTicker}, with Copy), read-only, since the item is not this account's to
 * edit. It shows, never owns, the content: {@link OpenedItems} wipes it, and {@link #clear()} drops
 * the rows (and any revealed text) before that.
 */
final class OpenedItemPane {

    @FXML private Label openedPlaceholder;
    @FXML private VBox openedBody;
    @FXML private Label openedName;
    @FXML private Label openedMeta;
    @FXML private GridPane openedFields;
    @FXML private Label openedNotes;
    @FXML private HBox openedTotp;
    @FXML private Label openedTotpCode;
    @FXML private Label openedTotpSeconds;
    @FXML private ProgressBar openedTotpProgress;
    @FXML private Button openedTotpCopy;

    private final ClipboardGuard clipboard;
    private final Parent view;

    /** The login's live one-time code (it owns a copy of the TOTP key and wipes it on stop). */
    private TotpTicker ticker;

    OpenedItemPane(ClipboardGuard clipboard) {
        this.clipboard = clipboard;
        this.view = Views.load(this, "recovery-opened-item.fxml");
        openedTotpCopy.setOnAction(
                e -> {
                    if (ticker != null) {
                        clipboard.copy(ticker.currentCode());
                    }
                });
        clear();
    }

    Parent view() {
        return view;
    }

    /** Shows {@code item} (null: the placeholder). */
    void show(OpenedItem item) {
        clear();
        if (item == null) {
            return;
        }
        var c = item.content();
        openedName.setText(c.name());
        openedMeta.setText(
                TypeNames.of(c.type())
                        + " · "
                        + item.vaultName()
                        + (c.folder() == null ? "" : " · " + c.folder()));
        FieldRow.all(openedFields, c, clipboard);
        TotpKey key = c.data() instanceof Login login ? login.totpKey() : null;
        showTotp(key != null);
        if (key != null) {
            ticker = new TotpTicker(key, openedTotpCode, openedTotpSeconds, openedTotpProgress);
            ticker.start();
        }
        openedNotes.setText(c.notes() == null ? "" : c.notes());
        openedNotes.setVisible(c.notes() != null);
        openedNotes.setManaged(c.notes() != null);
        openedPlaceholder.setVisible(false);
        openedBody.setVisible(true);
    }

    /** Empties the pane: the rows go, and with them any revealed value's text. */
    void clear() {
        if (ticker != null) {
            ticker.stop();
            ticker = null;
        }
        showTotp(false);
        openedTotpCode.setText("");
        openedFields.getChildren().clear();
        openedName.setText("");
        openedMeta.setText("");
        openedNotes.setText("");
        openedBody.setVisible(false);
        openedPlaceholder.setVisible(true);
    }

    private void showTotp(boolean shown) {
        openedTotp.setVisible(shown);
        openedTotp.setManaged(shown);
    }
}
