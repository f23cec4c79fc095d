package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.RecoveryStatus;
import dev.strongroom.desktop.common.Views;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

/**
 * The recovery setup wizard: approvers among the members whose keys this device verified, the
 * threshold M, the delay before release and the owners' veto. Saving (also a re-split) is one
 * client-core call that seals a share to each approver and wraps every vault to the new key.
 */
final class SetupView implements RecoveryView {

    @FXML private Label policyLabel;
    @FXML private VBox approverBoxes;
    @FXML private Spinner<Integer> thresholdSpinner;
    @FXML private Spinner<Integer> delaySpinner;
    @FXML private CheckBox vetoCheck;
    @FXML private Button setupButton;

    private final RecoveryContext ctx;
    private final Parent view;

    /** The shown team's key was used: saving re-keys (rotation and a new split). */
    private boolean rekeyDue;

    SetupView(RecoveryContext ctx) {
        this.ctx = ctx;
        this.view = Views.load(this, "recovery-setup.fxml");
    }

    @FXML
    private void initialize() {
        setupButton.setOnAction(e -> save());
    }

    @Override
    public String title() {
        return "Setup";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void show(String teamId) {
        if (teamId == null) {
            policyLabel.setText("Create or join a team first.");
            return;
        }
        ctx.run(
                () -> new Object[] {ctx.desk().status(teamId), ctx.desk().candidates(teamId)},
                r -> fill(statusOf(r[0]), candidatesOf(r[1])));
    }

    @SuppressWarnings("unchecked")
    private static Optional<RecoveryStatus> statusOf(Object o) {
        return (Optional<RecoveryStatus>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<RecoveryDesk.Candidate> candidatesOf(Object o) {
        return (List<RecoveryDesk.Candidate>) o;
    }

    private void fill(Optional<RecoveryStatus> status, List<RecoveryDesk.Candidate> candidates) {
        rekeyDue = UsedKeyNotice.of(status).isPresent();
        policyLabel.setText(
                status.map(PolicyText::describe).orElse("This team has no recovery policy yet.")
                        + (rekeyDue
                                ? ". The key was used: re-key it with the approvers below."
                                : ""));
        setupButton.setText(rekeyDue ? "Re-key now" : "Save policy");
        setupButton.setAccessibleText(
                rekeyDue
                        ? "Rotate the opened vault keys and split a new recovery key"
                        : "Split a new recovery key over the chosen approvers");
        approverBoxes.getChildren().clear();
        for (RecoveryDesk.Candidate c : candidates) {
            CheckBox box = new CheckBox(c.email() + (c.verified() ? "" : "  (key not verified)"));
            box.setId("approver-" + c.email().replaceAll("[^A-Za-z0-9]", "-"));
            box.setUserData(c.accountId());
            box.setDisable(!c.verified());
            box.setSelected(
                    c.verified()
                            && status.map(s -> s.approverEmails().contains(c.email()))
                                    .orElse(false));
            box.setAccessibleText("Approver " + c.email());
            approverBoxes.getChildren().add(box);
        }
        status.ifPresent(
                s -> {
                    thresholdSpinner.getValueFactory().setValue(s.threshold());
                    delaySpinner.getValueFactory().setValue(s.delayHours());
                    vetoCheck.setSelected(s.ownerVeto());
                });
    }

    private void save() {
        List<String> ids =
                approverBoxes.getChildren().stream()
                        .map(n -> (CheckBox) n)
                        .filter(CheckBox::isSelected)
                        .map(b -> (String) b.getUserData())
                        .toList();
        int m = thresholdSpinner.getValue();
        if (ids.isEmpty() || m < 1 || m > ids.size()) {
            ctx.say(
                    "Choose at least "
                            + Math.max(1, m)
                            + " verified approver(s) for a threshold of "
                            + m
                            + ".");
            return;
        }
        String team = ctx.teamId();
        int delay = delaySpinner.getValue();
        boolean veto = vetoCheck.isSelected();
        if (rekeyDue) {
            rekey(team, ids, m);
            return;
        }
        ctx.say("Splitting a new recovery key …");
        ctx.run(
                () -> ctx.desk().setup(team, ids, m, delay, veto),
                version -> {
                    ctx.say("Recovery policy version " + version + " is set.");
                    show(team);
                });
    }

    private void rekey(String team, List<String> ids, int m) {
        ctx.say("Rotating the opened vault keys and splitting a new recovery key …");
        ctx.run(
                () -> ctx.desk().rekey(team, ids, m),
                report -> {
                    ctx.say(PolicyText.rekeyed(report));
                    ctx.changed();
                    show(team);
                });
    }
}
