package dev.strongroom.desktop.recovery;

import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.recovery.RecoveryScope;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;

/**
 * The request wizard: what to open (one vault, a member's account for a new password, or the whole
 * team), and why. client-core signs the request with a fresh key that stays on this device; the
 * approvers see the reason.
 */
final class RequestView implements RecoveryView {

    /** One choice of the target list: an id and what the user reads. */
    record Target(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    @FXML private RadioButton scopeVault;
    @FXML private RadioButton scopeAccount;
    @FXML private RadioButton scopeTeam;
    @FXML private ToggleGroup scopeGroup;
    @FXML private ChoiceBox<Target> targetChoice;
    @FXML private TextArea reasonField;
    @FXML private Button requestButton;

    private final RecoveryContext ctx;
    private final Parent view;
    private List<Target> vaults = List.of();
    private List<Target> members = List.of();

    RequestView(RecoveryContext ctx) {
        this.ctx = ctx;
        this.view = Views.load(this, "recovery-request.fxml");
    }

    @FXML
    private void initialize() {
        scopeGroup.selectedToggleProperty().addListener((o, a, b) -> targets());
        requestButton.setOnAction(e -> submit());
    }

    @Override
    public String title() {
        return "Request";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void show(String teamId) {
        if (teamId == null) {
            return;
        }
        ctx.run(
                () -> {
                    List<Target> v = new ArrayList<>();
                    for (String[] pair : ctx.desk().vaults(teamId)) {
                        v.add(new Target(pair[0], pair[1]));
                    }
                    List<Target> m = new ArrayList<>();
                    for (RecoveryDesk.Candidate c : ctx.desk().candidates(teamId)) {
                        m.add(new Target(c.accountId(), c.email()));
                    }
                    return List.of(v, m);
                },
                lists -> {
                    vaults = lists.get(0);
                    members = lists.get(1);
                    targets();
                });
    }

    private void targets() {
        boolean team = scopeTeam.isSelected();
        targetChoice.setDisable(team);
        targetChoice
                .getItems()
                .setAll(team ? List.of() : scopeVault.isSelected() ? vaults : members);
        if (!targetChoice.getItems().isEmpty()) {
            targetChoice.setValue(targetChoice.getItems().get(0));
        }
    }

    private void submit() {
        String team = ctx.teamId();
        RecoveryScope scope;
        try {
            scope =
                    scopeTeam.isSelected()
                            ? new RecoveryScope(RecoveryScope.TEAM, team)
                            : new RecoveryScope(
                                    scopeVault.isSelected()
                                            ? RecoveryScope.VAULT
                                            : RecoveryScope.ACCOUNT,
                                    targetChoice.getValue() == null
                                            ? ""
                                            : targetChoice.getValue().id());
        } catch (IllegalArgumentException e) {
            ctx.say("Choose what to open.");
            return;
        }
        String reason = reasonField.getText().strip();
        if (reason.isEmpty()) {
            ctx.say("Give the approvers a reason.");
            return;
        }
        ctx.say("Sending the request …");
        ctx.run(
                () -> ctx.desk().request(team, scope, reason),
                id -> {
                    reasonField.clear();
                    ctx.say("Request sent. The approvers see it in their inbox.");
                    ctx.changed();
                });
    }
}
