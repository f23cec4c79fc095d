package dev.strongroom.desktop.teams;

import dev.strongroom.client.sync.UnjoinedTeam;
import dev.strongroom.client.team.KeyFingerprint;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Joining a team someone added this account to: shows the safety number of the member who signed
 * the addition (from the team's verified log), to compare with that person. "They match" pins their
 * key and joins; the team is synced on the next pull. Anything else leaves the team unjoined.
 */
final class JoinDialog {

    @FXML private Label joinTitle;
    @FXML private Label joinExplain;
    @FXML private Label adderDigits;
    @FXML private Label adderWords;
    @FXML private Button joinMatchButton;
    @FXML private Button joinCancelButton;
    @FXML private Label joinStatus;

    private final TeamsScope scope;
    private final UnjoinedTeam team;
    private final Runnable joined;
    private final Stage stage;

    JoinDialog(TeamsScope scope, Window owner, UnjoinedTeam team, Runnable joined) {
        this.scope = scope;
        this.team = team;
        this.joined = joined;
        this.stage = scope.dialog(owner, Views.load(this, "join.fxml"), "Join " + team.name());
        String adder = team.addedBy().email();
        joinTitle.setText("Join " + team.name() + "?");
        joinExplain.setText(
                adder
                        + " added you to this team. Ask "
                        + adder
                        + " to read their safety number to you (or compare screens): it must be"
                        + " exactly this one. If it differs, someone else added you: do not join.");
        joinMatchButton.setOnAction(e -> join());
        joinCancelButton.setOnAction(e -> stage.hide());
    }

    void show() {
        stage.show();
        String adder = team.addedBy().email();
        scope.run(
                () -> scope.account().teams().fingerprint(adder),
                fp -> showAdder(fp),
                joinStatus,
                "Could not read the safety number of " + adder);
    }

    /**
     * The number shown is the one of the key in the team's log; if the directory presents another
     * key for that email, say so instead of offering to join.
     */
    private void showAdder(KeyFingerprint directory) {
        String inLog = team.addedBy().fingerprint().digits();
        KeyFingerprint fp =
                new KeyFingerprint(
                        team.addedBy().email(),
                        team.addedBy().accountId(),
                        inLog,
                        team.addedBy().fingerprint().words(),
                        directory.verified());
        Fingerprints.show(fp, adderDigits, adderWords);
        boolean same = directory.digits().equals(inLog);
        joinMatchButton.setDisable(!same);
        if (!same) {
            joinStatus.setText(
                    "The server now presents another key for "
                            + fp.email()
                            + " than the one that added you. Do not join.");
        }
    }

    private void join() {
        String adder = team.addedBy().email();
        String digits = team.addedBy().fingerprint().digits();
        scope.run(
                () -> {
                    TeamService teams = scope.account().teams();
                    teams.verify(adder, digits);
                    teams.join(team.teamId());
                    return null;
                },
                done -> {
                    stage.hide();
                    joined.run();
                },
                joinStatus,
                "Could not join");
    }
}
