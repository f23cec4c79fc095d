package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.TeamMember;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.model.log.Permission;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.util.StringConverter;

/**
 * Who holds the selected vault, and the actions on it: share with a member (read or read and
 * write), unshare (which rotates the key when this account can write the vault), rotate its key.
 * Every action reports through {@code changed} with the vault's id, so the pane reloads and keeps
 * the vault selected.
 */
final class VaultSharing {

    private final TeamsScope scope;
    private final ListView<Holder> holderList;
    private final ComboBox<TeamMember> shareMember;
    private final ChoiceBox<Permission> sharePermission;
    private final Label status;
    private final Consumer<String> changed;

    VaultSharing(
            TeamsScope scope,
            ListView<Holder> holderList,
            ComboBox<TeamMember> shareMember,
            ChoiceBox<Permission> sharePermission,
            Label status,
            Consumer<String> changed) {
        this.scope = scope;
        this.holderList = holderList;
        this.shareMember = shareMember;
        this.sharePermission = sharePermission;
        this.status = status;
        this.changed = changed;
        sharePermission.getItems().setAll(Permission.values());
        sharePermission.setConverter(Labels.permissions());
        sharePermission.setValue(Permission.READ);
        shareMember.setConverter(new Emails());
    }

    /** The team's members, the choices to share with (and the names of holders). */
    void members(List<TeamMember> members) {
        // a reload after any team change must not drop the member the user already chose
        TeamMember chosen = shareMember.getValue();
        shareMember.getItems().setAll(members);
        shareMember.setValue(
                chosen == null
                        ? null
                        : members.stream()
                                .filter(m -> m.accountId().equals(chosen.accountId()))
                                .findFirst()
                                .orElse(null));
    }

    /** Lists who holds {@code v} (nothing when no vault is selected). */
    void holders(VaultInfo v) {
        holderList.getItems().clear();
        if (v == null) {
            return;
        }
        List<TeamMember> members = List.copyOf(shareMember.getItems());
        scope.run(
                () -> scope.account().teams().vaultMembers(v.vaultId()),
                grants -> holderList.getItems().setAll(Holder.named(grants, members)),
                status,
                "Could not read who holds the vault");
    }

    void share(VaultInfo v) {
        TeamMember m = shareMember.getValue();
        Permission p = sharePermission.getValue();
        if (p == null) {
            return;
        }
        if (m == null) {
            status.setText("Choose the member to share with.");
            return;
        }
        scope.run(
                () -> {
                    scope.account().teams().grant(v.vaultId(), m.accountId(), p);
                    scope.account().sync();
                    return null;
                },
                done -> changed.accept(v.vaultId()),
                status,
                "Could not share " + v.name() + " with " + m.email());
    }

    void unshare(VaultInfo v) {
        Holder h = holderList.getSelectionModel().getSelectedItem();
        if (h == null) {
            status.setText("Select whom to unshare the vault from.");
            return;
        }
        scope.run(
                () -> scope.account().teams().revoke(v.vaultId(), h.principalId()),
                rotated -> {
                    changed.accept(v.vaultId());
                    status.setText(
                            rotated
                                    ? "Unshared; the vault key was rotated."
                                    : "Unshared. A member who can write the vault must rotate its"
                                            + " key.");
                },
                status,
                "Could not unshare");
    }

    void rotate(VaultInfo v) {
        scope.run(
                () -> scope.account().teams().rotateVaultKey(v.vaultId()),
                version -> {
                    changed.accept(v.vaultId());
                    status.setText("The key of " + v.name() + " is now version " + version + ".");
                },
                status,
                "Could not rotate the key");
    }

    /** Members shown by email in the share choice. */
    private static final class Emails extends StringConverter<TeamMember> {
        @Override
        public String toString(TeamMember m) {
            return m == null ? "" : m.email();
        }

        @Override
        public TeamMember fromString(String s) {
            return null;
        }
    }
}
