package dev.strongroom.desktop.teams;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.common.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The Teams window: the account's teams (and the ones it was added to but has not joined), creating
 * a team, joining one after comparing the adder's fingerprint, and for the selected team its
 * members, vaults and machine accounts in tabs.
 */
public final class TeamsWindow {

    @FXML private ListView<TeamRow> teamList;
    @FXML private TextField newTeamName;
    @FXML private Button createTeamButton;
    @FXML private Button joinButton;
    @FXML private Button refreshButton;
    @FXML private Button closeTeamsButton;
    @FXML private TabPane tabs;
    @FXML private Tab membersTab;
    @FXML private Tab vaultsTab;
    @FXML private Tab machinesTab;
    @FXML private Label teamStatus;

    private final TeamsScope scope;
    private final Stage stage = new Stage();
    private final MembersPane members;
    private final VaultsPane vaults;
    private final MachinesPane machines;

    public TeamsWindow(AppContext context, OpenAccount account, Runnable changed) {
        this.scope = new TeamsScope(context, account, changed);
        this.members = new MembersPane(scope, this::reload);
        this.vaults = new VaultsPane(scope, this::reload);
        this.machines = new MachinesPane(scope);
        Scene scene = new Scene(Views.load(this, "teams.fxml"));
        context.prepare(scene);
        stage.setScene(scene);
        stage.setTitle("Teams");
        stage.initOwner(context.stage());
    }

    @FXML
    private void initialize() {
        membersTab.setContent(members.view());
        vaultsTab.setContent(vaults.view());
        machinesTab.setContent(machines.view());
        teamList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> select(b));
        createTeamButton.setOnAction(e -> createTeam());
        newTeamName.setOnAction(e -> createTeam());
        joinButton.setOnAction(e -> join());
        refreshButton.setOnAction(e -> reload());
        closeTeamsButton.setOnAction(e -> stage.hide());
        joinButton.setDisable(true);
        tabs.setDisable(true);
    }

    public void show() {
        stage.show();
        reload();
    }

    /** Pulls, then lists the teams; keeps the selection. */
    private void reload() {
        String keep = selectedId();
        scope.run(
                () -> {
                    scope.account().sync();
                    List<TeamRow> rows = new ArrayList<>();
                    scope.account().teams().teams().forEach(t -> rows.add(TeamRow.of(t)));
                    scope.account().teams().unjoinedTeams().forEach(t -> rows.add(TeamRow.of(t)));
                    return rows;
                },
                rows -> {
                    teamList.getItems().setAll(rows);
                    for (TeamRow r : rows) {
                        if (r.teamId().equals(keep)) {
                            teamList.getSelectionModel().select(r);
                        }
                    }
                    if (teamList.getSelectionModel().isEmpty() && !rows.isEmpty()) {
                        teamList.getSelectionModel().select(0);
                    }
                    scope.changed().run();
                },
                teamStatus,
                "Could not list the teams");
    }

    private String selectedId() {
        TeamRow r = teamList.getSelectionModel().getSelectedItem();
        return r == null ? null : r.teamId();
    }

    private void select(TeamRow row) {
        joinButton.setDisable(row == null || row.joined());
        tabs.setDisable(row == null || !row.joined());
        if (row != null && row.joined()) {
            members.show(row);
            vaults.show(row);
            machines.show(row);
        }
    }

    private void createTeam() {
        String name = newTeamName.getText().strip();
        if (name.isEmpty()) {
            teamStatus.setText("Type a name for the new team.");
            return;
        }
        scope.run(
                () -> scope.account().teams().createTeam(name),
                id -> {
                    newTeamName.clear();
                    reload();
                },
                teamStatus,
                "Could not create the team");
    }

    private void join() {
        TeamRow row = teamList.getSelectionModel().getSelectedItem();
        if (row != null && !row.joined()) {
            new JoinDialog(scope, stage, row.unjoined(), this::reload).show();
        }
    }
}
