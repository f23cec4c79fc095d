package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.TeamMember;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.log.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/**
 * A team's vaults and who holds each: create a vault, share it with a member (read or read and
 * write), unshare (which rotates the key when this account can write the vault), rotate its key.
 */
final class VaultsPane {

    /** Who holds a vault, with which permission. */
    record Holder(String principalId, String label, Permission permission) {
        @Override
        public String toString() {
            return label + " · " + Labels.permission(permission);
        }
    }

    @FXML private ListView<VaultInfo> vaultList;
    @FXML private TextField newVaultName;
    @FXML private Button createVaultButton;
    @FXML private ListView<Holder> holderList;
    @FXML private ComboBox<TeamMember> shareMember;
    @FXML private ChoiceBox<Permission> sharePermission;
    @FXML private Button shareButton;
    @FXML private Button unshareButton;
    @FXML private Button rotateKeyButton;
    @FXML private Label vaultsStatus;

    private final TeamsScope scope;
    private final Runnable teamsChanged;
    private final Parent view;
    private TeamRow team;

    VaultsPane(TeamsScope scope, Runnable teamsChanged) {
        this.scope = scope;
        this.teamsChanged = teamsChanged;
        this.view = Views.load(this, "vaults.fxml");
    }

    @FXML
    private void initialize() {
        vaultList.setCellFactory(list -> new VaultCell());
        sharePermission.getItems().setAll(Permission.values());
        sharePermission.setConverter(Labels.permissions());
        sharePermission.setValue(Permission.READ);
        shareMember.setConverter(
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(TeamMember m) {
                        return m == null ? "" : m.email();
                    }

                    @Override
                    public TeamMember fromString(String s) {
                        return null;
                    }
                });
        vaultList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> holders());
        createVaultButton.setOnAction(e -> createVault());
        newVaultName.setOnAction(e -> createVault());
        shareButton.setOnAction(e -> share());
        unshareButton.setOnAction(e -> unshare());
        rotateKeyButton.setOnAction(e -> rotate());
    }

    Parent view() {
        return view;
    }

    void show(TeamRow row) {
        team = row;
        load(null);
    }

    private void load(String selectVault) {
        TeamRow showing = team;
        scope.run(
                () ->
                        new Object[] {
                            scope.account().vaults().listVaults().stream()
                                    .filter(v -> showing.teamId().equals(v.teamId()))
                                    .toList(),
                            scope.account().teams().members(showing.teamId())
                        },
                loaded -> {
                    if (showing != team) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    List<VaultInfo> vaults = (List<VaultInfo>) loaded[0];
                    @SuppressWarnings("unchecked")
                    List<TeamMember> members = (List<TeamMember>) loaded[1];
                    shareMember.getItems().setAll(members);
                    vaultList.getItems().setAll(vaults);
                    for (VaultInfo v : vaults) {
                        if (v.vaultId().equals(selectVault)) {
                            vaultList.getSelectionModel().select(v);
                        }
                    }
                },
                vaultsStatus,
                "Could not read the team's vaults");
    }

    private VaultInfo vault() {
        VaultInfo v = vaultList.getSelectionModel().getSelectedItem();
        if (v == null) {
            vaultsStatus.setText("Select a vault first.");
        }
        return v;
    }

    private void holders() {
        VaultInfo v = vaultList.getSelectionModel().getSelectedItem();
        holderList.getItems().clear();
        if (v == null) {
            return;
        }
        List<TeamMember> members = List.copyOf(shareMember.getItems());
        scope.run(
                () -> scope.account().teams().vaultMembers(v.vaultId()),
                grants -> holderList.getItems().setAll(named(grants, members)),
                vaultsStatus,
                "Could not read who holds the vault");
    }

    private static List<Holder> named(Map<String, Permission> grants, List<TeamMember> members) {
        List<Holder> out = new ArrayList<>();
        grants.forEach(
                (id, p) -> {
                    String label =
                            members.stream()
                                    .filter(m -> m.accountId().equals(id))
                                    .map(TeamMember::email)
                                    .findFirst()
                                    .orElse("machine account " + id);
                    out.add(new Holder(id, label, p));
                });
        return out;
    }

    private void createVault() {
        String name = newVaultName.getText().strip();
        if (name.isEmpty()) {
            vaultsStatus.setText("Type a name for the new vault.");
            return;
        }
        scope.run(
                () -> {
                    String id = scope.account().vaults().createVault(team.teamId(), name).vaultId();
                    // sharing reads the vault from the synced team state
                    scope.account().sync();
                    return id;
                },
                id -> {
                    newVaultName.clear();
                    afterChange(id);
                },
                vaultsStatus,
                "Could not create the vault");
    }

    private void share() {
        VaultInfo v = vault();
        TeamMember m = shareMember.getValue();
        Permission p = sharePermission.getValue();
        if (v == null || p == null) {
            return;
        }
        if (m == null) {
            vaultsStatus.setText("Choose the member to share with.");
            return;
        }
        scope.run(
                () -> {
                    scope.account().teams().grant(v.vaultId(), m.accountId(), p);
                    scope.account().sync();
                    return null;
                },
                done -> afterChange(v.vaultId()),
                vaultsStatus,
                "Could not share " + v.name() + " with " + m.email());
    }

    private void unshare() {
        VaultInfo v = vault();
        Holder h = holderList.getSelectionModel().getSelectedItem();
        if (v == null) {
            return;
        }
        if (h == null) {
            vaultsStatus.setText("Select whom to unshare the vault from.");
            return;
        }
        scope.run(
                () -> scope.account().teams().revoke(v.vaultId(), h.principalId()),
                rotated -> {
                    afterChange(v.vaultId());
                    vaultsStatus.setText(
                            rotated
                                    ? "Unshared; the vault key was rotated."
                                    : "Unshared. A member who can write the vault must rotate its"
                                            + " key.");
                },
                vaultsStatus,
                "Could not unshare");
    }

    private void rotate() {
        VaultInfo v = vault();
        if (v == null) {
            return;
        }
        scope.run(
                () -> scope.account().teams().rotateVaultKey(v.vaultId()),
                version -> {
                    afterChange(v.vaultId());
                    vaultsStatus.setText(
                            "The key of " + v.name() + " is now version " + version + ".");
                },
                vaultsStatus,
                "Could not rotate the key");
    }

    private void afterChange(String vaultId) {
        load(vaultId);
        teamsChanged.run();
    }

    /** Vault name, key version and this account's permission. */
    private static final class VaultCell extends javafx.scene.control.ListCell<VaultInfo> {
        @Override
        protected void updateItem(VaultInfo v, boolean empty) {
            super.updateItem(v, empty);
            String text =
                    empty || v == null
                            ? null
                            : v.name() + " · key v" + v.keyVersion() + " · you: " + v.permission();
            setText(text);
            setAccessibleText(text);
        }
    }
}
