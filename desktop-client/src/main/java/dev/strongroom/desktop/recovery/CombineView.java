package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.desktop.common.Views;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The combine step, for the requester: once M approvals are in and the delay has passed,
 * client-core opens the re-sealed shares with the request's key kept on this device, checks the
 * combined key against the policy and opens exactly the requested vaults, whose items it lists.
 */
final class CombineView implements RecoveryView {

    @FXML private ListView<PendingRequest> mineList;
    @FXML private Button combineButton;
    @FXML private Label combineResult;

    private final RecoveryContext ctx;
    private final Parent view;

    CombineView(RecoveryContext ctx) {
        this.ctx = ctx;
        this.view = Views.load(this, "recovery-combine.fxml");
    }

    @FXML
    private void initialize() {
        mineList.setCellFactory(
                l ->
                        new ListCell<>() {
                            @Override
                            protected void updateItem(PendingRequest r, boolean empty) {
                                super.updateItem(r, empty);
                                String t =
                                        empty || r == null
                                                ? null
                                                : ScopeText.of(r.scope())
                                                        + " · "
                                                        + r.approvals()
                                                        + "/"
                                                        + r.threshold()
                                                        + " approvals · "
                                                        + r.status();
                                setText(t);
                                setAccessibleText(t);
                            }
                        });
        combineButton.setOnAction(e -> combine());
    }

    @Override
    public String title() {
        return "Combine";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void show(String teamId) {
        if (teamId != null) {
            ctx.run(() -> ctx.desk().mine(teamId), mineList.getItems()::setAll);
        }
    }

    private void combine() {
        PendingRequest r = mineList.getSelectionModel().getSelectedItem();
        if (r == null) {
            ctx.say("Choose one of your requests.");
            return;
        }
        String team = ctx.teamId();
        ctx.say("Combining the shares …");
        ctx.run(
                () -> ctx.desk().combine(team, r.requestId()),
                (List<String> lines) -> {
                    combineResult.setText(String.join("\n", lines));
                    ctx.say(
                            "Opened with the recovery key: the items below were read once, not"
                                    + " added to your vaults. Rotate the keys afterwards.");
                    show(team);
                });
    }
}
