package dev.strongroom.desktop.teams;

import dev.strongroom.desktop.common.Views;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What a removal (of a member or a machine account) did: vault keys rotated, vaults still waiting
 * for a writer to rotate them, and every item the removed principal could decrypt.
 */
final class RemovalReportDialog {

    @FXML private Label reportTitle;
    @FXML private Label rotatedLabel;
    @FXML private Label pendingLabel;
    @FXML private ListView<String> exposureList;
    @FXML private Button closeReportButton;

    private final Stage stage;

    RemovalReportDialog(TeamsScope scope, Window owner, RemovalSummary summary) {
        this.stage = scope.dialog(owner, Views.load(this, "removal-report.fxml"), "Removed");
        reportTitle.setText(summary.who() + " was removed");
        rotatedLabel.setText("Vault keys rotated: " + joined(summary.rotated()));
        pendingLabel.setText(
                summary.pending().isEmpty()
                        ? "No vault waits for a key rotation."
                        : "Still to rotate by someone who can write them: "
                                + joined(summary.pending()));
        exposureList.getItems().setAll(summary.exposed());
        exposureList.setPlaceholder(new Label("They could not read any item."));
        closeReportButton.setOnAction(e -> stage.hide());
    }

    private static String joined(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    void show() {
        stage.show();
    }
}
