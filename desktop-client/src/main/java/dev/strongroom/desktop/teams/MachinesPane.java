package dev.strongroom.desktop.teams;

import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.machine.MachineInfo;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.log.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * A team's machine accounts (owners and admins): list them, create one for chosen vaults with an
 * optional expiry (its token is shown once), revoke one (with its exposure report), and replace a
 * token's secret given the current token.
 */
final class MachinesPane {

    @FXML private ListView<MachineInfo> machineList;
    @FXML private TextField machineName;
    @FXML private VBox grantRows;
    @FXML private DatePicker expiryDate;
    @FXML private Button createMachineButton;
    @FXML private Button revokeMachineButton;
    @FXML private SecretField currentToken;
    @FXML private Button rotateTokenButton;
    @FXML private Label machinesStatus;

    private final TeamsScope scope;
    private final Parent view;
    private TeamRow team;

    MachinesPane(TeamsScope scope) {
        this.scope = scope;
        this.view = Views.load(this, "machines.fxml");
    }

    @FXML
    private void initialize() {
        machineList.setCellFactory(list -> new MachineCell());
        createMachineButton.setOnAction(e -> create());
        revokeMachineButton.setOnAction(e -> revoke());
        rotateTokenButton.setOnAction(e -> rotateToken());
    }

    Parent view() {
        return view;
    }

    void show(TeamRow row) {
        team = row;
        view.setDisable(!row.administers());
        machineList.getItems().clear();
        grantRows.getChildren().clear();
        machinesStatus.setText(
                row.administers() ? "" : "Only team owners and admins manage machine accounts.");
        if (row.administers()) {
            load();
        }
    }

    private void load() {
        TeamRow showing = team;
        scope.run(
                () ->
                        new Object[] {
                            scope.account().machines().list(showing.teamId()),
                            scope.account().vaults().listVaults().stream()
                                    .filter(v -> showing.teamId().equals(v.teamId()))
                                    .toList()
                        },
                loaded -> {
                    if (showing != team) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    var machines = (java.util.List<MachineInfo>) loaded[0];
                    @SuppressWarnings("unchecked")
                    var vaults = (java.util.List<dev.strongroom.client.vault.VaultInfo>) loaded[1];
                    machineList.getItems().setAll(machines);
                    grantRows.getChildren().setAll(vaults.stream().map(GrantRow::new).toList());
                },
                machinesStatus,
                "Could not list the machine accounts");
    }

    private void create() {
        String name = machineName.getText().strip();
        Map<String, Permission> grants = new LinkedHashMap<>();
        grantRows.getChildren().stream()
                .map(GrantRow.class::cast)
                .filter(GrantRow::included)
                .forEach(r -> grants.put(r.vaultId(), r.permission()));
        LocalDate day = expiryDate.getValue();
        Instant expires =
                day == null
                        ? null
                        : day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        String teamId = team.teamId();
        scope.run(
                () -> scope.account().machines().create(teamId, name, grants, expires),
                token -> {
                    new MachineTokenDialog(scope, view.getScene().getWindow(), name, token).show();
                    machineName.clear();
                    expiryDate.setValue(null);
                    load();
                },
                machinesStatus,
                "Could not create the machine account");
    }

    private void revoke() {
        MachineInfo m = machineList.getSelectionModel().getSelectedItem();
        if (m == null) {
            machinesStatus.setText("Select a machine account first.");
            return;
        }
        String teamId = team.teamId();
        scope.run(
                () ->
                        RemovalSummary.of(
                                scope.account(),
                                scope.account().machines().revoke(teamId, m.machineId()),
                                "Machine account " + m.name()),
                summary -> {
                    new RemovalReportDialog(scope, view.getScene().getWindow(), summary).show();
                    load();
                },
                machinesStatus,
                "Could not revoke " + m.name());
    }

    /** The current token holds the machine's keys, which the new token must carry too. */
    private void rotateToken() {
        char[] typed = currentToken.copyChars();
        currentToken.wipe();
        String teamId = team.teamId();
        scope.run(
                () -> {
                    try (MachineToken current = MachineToken.parse(typed)) {
                        return scope.account().machines().rotateToken(teamId, current);
                    } finally {
                        java.util.Arrays.fill(typed, '\0');
                    }
                },
                token -> {
                    String name = "machine " + token.machineId();
                    new MachineTokenDialog(scope, view.getScene().getWindow(), name, token).show();
                    load();
                },
                machinesStatus,
                "Could not replace the token");
    }

    /** Name, status, vault count and expiry. */
    private static final class MachineCell extends javafx.scene.control.ListCell<MachineInfo> {
        @Override
        protected void updateItem(MachineInfo m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setText(null);
                setAccessibleText(null);
                return;
            }
            String text =
                    m.name()
                            + " · "
                            + m.status(System.currentTimeMillis()).name().toLowerCase()
                            + " · "
                            + m.grants().size()
                            + (m.grants().size() == 1 ? " vault" : " vaults")
                            + (m.expiresAt() == null
                                    ? ""
                                    : " · expires " + Instant.ofEpochMilli(m.expiresAt()));
            setText(text);
            setAccessibleText(text);
        }
    }
}
