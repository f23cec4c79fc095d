package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.KeyFingerprint;
import dev.strongroom.client.team.PendingInvite;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.log.Role;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Invites someone by email in one of two ways. Fingerprints: this account's safety number and the
 * one the server presents for the invitee, side by side in digits and words; the two people read
 * them to each other, and only "They match" pins the key and adds the member. Or a one-time invite
 * code handed over in person: it is shown here once and wiped when the dialog closes; "Add accepted
 * invites" then adds whoever accepted it with a valid proof.
 */
final class InviteDialog {

    @FXML private TextField emailField;
    @FXML private ChoiceBox<Role> inviteRole;
    @FXML private Button compareButton;
    @FXML private Label myDigits;
    @FXML private Label myWords;
    @FXML private Label theirTitle;
    @FXML private Label theirDigits;
    @FXML private Label theirWords;
    @FXML private Button matchButton;
    @FXML private Button mismatchButton;
    @FXML private Button codeButton;
    @FXML private TextField codeField;
    @FXML private Button completeButton;
    @FXML private Button closeInviteButton;
    @FXML private Label inviteStatus;

    private final TeamsScope scope;
    private final TeamRow team;
    private final Runnable added;
    private final Stage stage;
    private KeyFingerprint compared;
    private PendingInvite pending;

    InviteDialog(TeamsScope scope, Window owner, TeamRow team, Runnable added) {
        this.scope = scope;
        this.team = team;
        this.added = added;
        this.stage =
                scope.dialog(owner, Views.load(this, "invite.fxml"), "Invite to " + team.name());
        stage.setOnHidden(e -> wipeCode());
    }

    @FXML
    private void initialize() {
        inviteRole.getItems().setAll(Role.values());
        inviteRole.setConverter(Labels.roles());
        inviteRole.setValue(Role.MEMBER);
        emailField.textProperty().addListener((o, a, b) -> forget());
        compareButton.setOnAction(e -> compare());
        emailField.setOnAction(e -> compare());
        matchButton.setOnAction(e -> match());
        mismatchButton.setOnAction(e -> mismatch());
        codeButton.setOnAction(e -> inviteByCode());
        completeButton.setOnAction(e -> complete());
        closeInviteButton.setOnAction(e -> stage.hide());
        forget();
    }

    void show() {
        stage.show();
        scope.run(
                () -> scope.account().teams().myFingerprint(),
                mine -> Fingerprints.show(mine, myDigits, myWords),
                inviteStatus,
                "Could not read your safety number");
    }

    private String email() {
        return emailField.getText().strip();
    }

    private void compare() {
        String email = email();
        if (email.isEmpty()) {
            inviteStatus.setText("Type the email of the person to invite.");
            return;
        }
        scope.run(
                () -> scope.account().teams().fingerprint(email),
                fp -> {
                    compared = fp;
                    theirTitle.setText(fp.email() + " (as the server presents the key)");
                    Fingerprints.show(fp, theirDigits, theirWords);
                    matchButton.setDisable(false);
                    mismatchButton.setDisable(false);
                    inviteStatus.setText(
                            "Read both safety numbers to each other. They must match on both"
                                    + " screens, digit for digit.");
                },
                inviteStatus,
                "Could not find " + email);
    }

    /** The person confirmed the numbers match: pin exactly that key, then add the member. */
    private void match() {
        KeyFingerprint fp = compared;
        Role role = inviteRole.getValue();
        if (fp == null) {
            return;
        }
        scope.run(
                () -> {
                    TeamService teams = scope.account().teams();
                    teams.verify(fp.email(), fp.digits());
                    return teams.addMember(team.teamId(), fp.email(), role);
                },
                id -> {
                    added.run();
                    stage.hide();
                },
                inviteStatus,
                "Could not add " + fp.email());
    }

    private void mismatch() {
        forget();
        inviteStatus.setText(
                "Nothing was added. Different numbers mean the key is not theirs: do not invite"
                        + " them until you find out why (or use an invite code in person).");
    }

    private void forget() {
        compared = null;
        matchButton.setDisable(true);
        mismatchButton.setDisable(true);
        theirTitle.setText("Their safety number");
        Fingerprints.clear(theirDigits, theirWords);
    }

    private void inviteByCode() {
        String email = email();
        Role role = inviteRole.getValue();
        if (email.isEmpty()) {
            inviteStatus.setText("Type the email of the person to invite.");
            return;
        }
        scope.run(
                () -> scope.account().teams().invite(team.teamId(), email, role),
                invite -> {
                    wipeCode();
                    pending = invite;
                    codeField.setText(new String(invite.code()));
                    inviteStatus.setText(
                            "Give this code to "
                                    + email
                                    + " in person or by phone, never by email. It is shown only"
                                    + " now. Once they accepted, press \"Add accepted invites\".");
                },
                inviteStatus,
                "Could not create the invite");
    }

    private void complete() {
        scope.run(
                () -> scope.account().teams().completeInvites(team.teamId()),
                (List<String> ids) -> {
                    inviteStatus.setText(
                            ids.isEmpty()
                                    ? "Nobody has accepted an invite yet."
                                    : "Added "
                                            + ids.size()
                                            + (ids.size() == 1 ? " member." : " members."));
                    if (!ids.isEmpty()) {
                        added.run();
                    }
                },
                inviteStatus,
                "Could not add accepted invites");
    }

    private void wipeCode() {
        codeField.clear();
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }
}
