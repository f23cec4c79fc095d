package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.TeamMember;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.log.Role;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A team's members (role, safety number, vault count): invite, change role, remove, leave. */
final class MembersPane {

    @FXML private ListView<TeamMember> memberList;
    @FXML private ChoiceBox<Role> roleChoice;
    @FXML private Button changeRoleButton;
    @FXML private Button inviteButton;
    @FXML private Button removeButton;
    @FXML private Button leaveButton;
    @FXML private Label membersStatus;

    private final TeamsScope scope;
    private final Runnable teamsChanged;
    private final Parent view;
    private TeamRow team;

    MembersPane(TeamsScope scope, Runnable teamsChanged) {
        this.scope = scope;
        this.teamsChanged = teamsChanged;
        this.view = Views.load(this, "members.fxml");
    }

    @FXML
    private void initialize() {
        memberList.setCellFactory(list -> new MemberCell());
        roleChoice.getItems().setAll(Role.values());
        roleChoice.setConverter(Labels.roles());
        memberList
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, b) -> roleChoice.setValue(b == null ? null : b.role()));
        changeRoleButton.setOnAction(e -> changeRole());
        inviteButton.setOnAction(
                e -> new InviteDialog(scope, view.getScene().getWindow(), team, this::load).show());
        removeButton.setOnAction(e -> remove());
        leaveButton.setOnAction(e -> leave());
    }

    Parent view() {
        return view;
    }

    void show(TeamRow row) {
        team = row;
        boolean admin = row.administers();
        inviteButton.setDisable(!admin);
        changeRoleButton.setDisable(!admin);
        removeButton.setDisable(!admin);
        load();
    }

    private void load() {
        TeamRow showing = team;
        scope.run(
                () -> scope.account().teams().members(showing.teamId()),
                members -> {
                    if (showing == team) {
                        memberList.getItems().setAll(members);
                    }
                },
                membersStatus,
                "Could not read the members");
    }

    private TeamMember selected() {
        TeamMember m = memberList.getSelectionModel().getSelectedItem();
        if (m == null) {
            membersStatus.setText("Select a member first.");
        }
        return m;
    }

    private void changeRole() {
        TeamMember m = selected();
        Role role = roleChoice.getValue();
        if (m == null || role == null || role == m.role()) {
            return;
        }
        scope.run(
                () -> {
                    scope.account().teams().changeRole(team.teamId(), m.accountId(), role);
                    return null;
                },
                done -> teamsChanged.run(),
                membersStatus,
                "Could not change the role");
    }

    private void remove() {
        TeamMember m = selected();
        if (m == null) {
            return;
        }
        String teamId = team.teamId();
        scope.run(
                () ->
                        RemovalSummary.of(
                                scope.account(),
                                scope.account().teams().remove(teamId, m.accountId()),
                                m.email()),
                summary -> {
                    new RemovalReportDialog(scope, view.getScene().getWindow(), summary).show();
                    teamsChanged.run();
                },
                membersStatus,
                "Could not remove " + m.email());
    }

    private void leave() {
        scope.run(
                () -> {
                    scope.account().teams().leave(team.teamId());
                    return null;
                },
                done -> teamsChanged.run(),
                membersStatus,
                "Could not leave the team");
    }

    /** Email, role, vault count, then the safety number in a second line. */
    private static final class MemberCell extends ListCell<TeamMember> {
        @Override
        protected void updateItem(TeamMember m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setText(null);
                setAccessibleText(null);
                return;
            }
            String line =
                    m.email()
                            + " · "
                            + Labels.role(m.role())
                            + " · "
                            + m.vaults().size()
                            + (m.vaults().size() == 1 ? " vault" : " vaults");
            setText(line + "\n" + m.fingerprintDigits());
            setAccessibleText(line);
        }
    }
}
