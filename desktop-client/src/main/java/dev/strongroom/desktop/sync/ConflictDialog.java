package dev.strongroom.desktop.sync;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.Views;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * One conflict, both versions side by side (this device's edit and the server's), resolved with
 * client-core: "Keep mine" writes the local version on top of the server's, "Keep theirs" drops the
 * local edit. The decrypted versions are closed as soon as the rows are built.
 */
final class ConflictDialog {

    @FXML private Label conflictTitle;
    @FXML private GridPane versionsGrid;
    @FXML private Button keepMineButton;
    @FXML private Button keepTheirsButton;
    @FXML private Button conflictCancel;
    @FXML private Label conflictMessage;

    private final AppContext context;
    private final SyncDesk desk;
    private final long conflictId;
    private final Runnable resolved;
    private final Stage stage = new Stage();

    ConflictDialog(AppContext context, SyncDesk desk, long conflictId, Runnable resolved) {
        this.context = context;
        this.desk = desk;
        this.conflictId = conflictId;
        this.resolved = resolved;
        Scene scene = new Scene(Views.load(this, "conflict.fxml"));
        context.prepare(scene);
        stage.setTitle("Resolve a conflict");
        stage.setScene(scene);
        stage.initOwner(context.stage());
        stage.initModality(Modality.WINDOW_MODAL);
    }

    @FXML
    private void initialize() {
        keepMineButton.setOnAction(e -> resolve(true));
        keepTheirsButton.setOnAction(e -> resolve(false));
        conflictCancel.setOnAction(e -> stage.hide());
    }

    void show() {
        stage.show();
        context.background()
                .run(
                        () ->
                                desk.conflict(conflictId)
                                        .map(
                                                c -> {
                                                    try {
                                                        return new Object[] {
                                                            SyncDesk.nameOf(c),
                                                            VersionRows.of(c.mine(), c.theirs())
                                                        };
                                                    } finally {
                                                        SyncDesk.close(c);
                                                    }
                                                })
                                        .orElse(null),
                        r -> {
                            if (r == null) {
                                conflictMessage.setText("This conflict was already resolved.");
                                keepMineButton.setDisable(true);
                                keepTheirsButton.setDisable(true);
                            } else {
                                fill((String) r[0], rows(r[1]));
                            }
                        },
                        f ->
                                conflictMessage.setText(
                                        "Could not read the conflict: " + f.getMessage()));
    }

    @SuppressWarnings("unchecked")
    private static List<VersionRows.Row> rows(Object o) {
        return (List<VersionRows.Row>) o;
    }

    private void fill(String name, List<VersionRows.Row> rows) {
        conflictTitle.setText("“" + name + "” was changed here and on the server");
        int r = 1;
        for (VersionRows.Row row : rows) {
            Label field = new Label(row.field());
            Label mine = new Label(row.mine());
            Label theirs = new Label(row.theirs());
            mine.setId("mine-" + row.field());
            theirs.setId("theirs-" + row.field());
            for (Label l : List.of(field, mine, theirs)) {
                l.setWrapText(true);
                if (row.differs()) {
                    l.getStyleClass().add("differs");
                }
            }
            versionsGrid.addRow(r++, field, mine, theirs);
        }
    }

    private void resolve(boolean mine) {
        keepMineButton.setDisable(true);
        keepTheirsButton.setDisable(true);
        conflictMessage.setText("Resolving …");
        context.background()
                .run(
                        () -> {
                            if (mine) {
                                desk.keepMine(conflictId);
                            } else {
                                desk.keepTheirs(conflictId);
                            }
                            return Boolean.TRUE;
                        },
                        done -> {
                            stage.hide();
                            resolved.run();
                        },
                        f -> conflictMessage.setText("Could not resolve: " + f.getMessage()));
    }
}
