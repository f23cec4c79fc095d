package dev.strongroom.desktop.sync;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * The sync state in full: online or offline, every edit waiting in the outbox (item, vault, when it
 * was made) and every conflict, each with "Resolve…" opening the side-by-side dialog.
 */
final class ChangesDialog {

    @FXML private Label syncState;
    @FXML private ListView<String> queuedList;
    @FXML private ListView<SyncDesk.Named> conflictList;
    @FXML private Button resolveButton;
    @FXML private Button changesClose;

    private final AppContext context;
    private final SyncDesk desk;
    private final Runnable resolved;
    private final Stage stage = new Stage();

    ChangesDialog(AppContext context, SyncDesk desk, Runnable resolved) {
        this.context = context;
        this.desk = desk;
        this.resolved = resolved;
        Scene scene = new Scene(Views.load(this, "changes.fxml"));
        context.prepare(scene);
        stage.setTitle("Sync");
        stage.setScene(scene);
        stage.initOwner(context.stage());
    }

    @FXML
    private void initialize() {
        conflictList.setCellFactory(
                l ->
                        new javafx.scene.control.ListCell<>() {
                            @Override
                            protected void updateItem(SyncDesk.Named c, boolean empty) {
                                super.updateItem(c, empty);
                                String t = empty || c == null ? null : c.item() + " · " + c.vault();
                                setText(t);
                                setAccessibleText(t);
                            }
                        });
        resolveButton
                .disableProperty()
                .bind(conflictList.getSelectionModel().selectedItemProperty().isNull());
        resolveButton.setOnAction(
                e ->
                        new ConflictDialog(
                                        context,
                                        desk,
                                        conflictList
                                                .getSelectionModel()
                                                .getSelectedItem()
                                                .conflictId(),
                                        () -> {
                                            refresh();
                                            resolved.run();
                                        })
                                .show());
        changesClose.setOnAction(e -> stage.hide());
    }

    void show() {
        stage.show();
        stage.toFront();
        refresh();
    }

    private void refresh() {
        context.background()
                .run(
                        desk::snapshot,
                        s -> {
                            syncState.setText(
                                    (s.offline()
                                                    ? "Offline: edits are kept on this computer and sent when the server is back."
                                                    : "Online.")
                                            + " "
                                            + s.queued().size()
                                            + " change(s) waiting, "
                                            + s.conflicts().size()
                                            + " conflict(s).");
                            queuedList
                                    .getItems()
                                    .setAll(
                                            s.queued().stream()
                                                    .map(
                                                            q ->
                                                                    q.item()
                                                                            + " · "
                                                                            + q.vault()
                                                                            + " · "
                                                                            + VersionRows.WHEN
                                                                                    .format(
                                                                                            q
                                                                                                    .queuedAt()))
                                                    .toList());
                            conflictList.getItems().setAll(s.conflicts());
                            if (!s.conflicts().isEmpty()) {
                                conflictList.getSelectionModel().select(0);
                            }
                        },
                        f -> syncState.setText("Could not read the sync state: " + f.getMessage()));
    }
}
