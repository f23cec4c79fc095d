package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.TeamMember;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.log.Permission;
import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/**
 * A team's vaults: create one, and for the selected vault who holds it and the sharing actions
 * ({@link VaultSharing}). The selected vault survives reloads of the same team, since every change
 * reloads the whole Teams window.
 */
final class VaultsPane {

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
    private VaultSharing sharing;
    private TeamRow team;

    /** The vault to keep selected across reloads of this team (the last one chosen or changed). */
    private String keep;

    VaultsPane(TeamsScope scope, Runnable teamsChanged) {
        this.scope = scope;
        this.teamsChanged = teamsChanged;
        this.view = Views.load(this, "vaults.fxml");
    }

    @FXML
    private void initialize() {
        sharing =
                new VaultSharing(
                        scope,
                        holderList,
                        shareMember,
                        sharePermission,
                        vaultsStatus,
                        this::afterChange);
        vaultList.setCellFactory(list -> new VaultCell());
        vaultList
                .getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, b) -> {
                            if (b != null) {
                                keep = b.vaultId();
                            }
                            sharing.holders(b);
                        });
        createVaultButton.setOnAction(e -> createVault());
        newVaultName.setOnAction(e -> createVault());
        shareButton.setOnAction(e -> onVault(sharing::share));
        unshareButton.setOnAction(e -> onVault(sharing::unshare));
        rotateKeyButton.setOnAction(e -> onVault(sharing::rotate));
    }

    Parent view() {
        return view;
    }

    /** Shows {@code row}'s vaults; the same team again (a reload) keeps the selected vault. */
    void show(TeamRow row) {
        if (team == null || !team.teamId().equals(row.teamId())) {
            keep = null;
        }
        team = row;
        load(keep);
    }

    private void load(String selectVault) {
        TeamRow showing = team;
        scope.run(
                () ->
                        new Loaded(
                                scope.account().vaults().listVaults().stream()
                                        .filter(v -> showing.teamId().equals(v.teamId()))
                                        .toList(),
                                scope.account().teams().members(showing.teamId())),
                loaded -> {
                    if (showing != team) {
                        return;
                    }
                    sharing.members(loaded.members());
                    vaultList.getItems().setAll(loaded.vaults());
                    loaded.vaults().stream()
                            .filter(v -> v.vaultId().equals(selectVault))
                            .findFirst()
                            .ifPresent(v -> vaultList.getSelectionModel().select(v));
                },
                vaultsStatus,
                "Could not read the team's vaults");
    }

    private record Loaded(List<VaultInfo> vaults, List<TeamMember> members) {}

    private void onVault(Consumer<VaultInfo> action) {
        VaultInfo v = vaultList.getSelectionModel().getSelectedItem();
        if (v == null) {
            vaultsStatus.setText("Select a vault first.");
            return;
        }
        action.accept(v);
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

    private void afterChange(String vaultId) {
        keep = vaultId;
        load(vaultId);
        teamsChanged.run();
    }
}
