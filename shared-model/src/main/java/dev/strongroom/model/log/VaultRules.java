package dev.strongroom.model.log;

import java.util.Map;

/** Creating vaults, granting and revoking access, and rotating vault keys. */
final class VaultRules {

    private VaultRules() {}

    static void create(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.CreateVault v) {
        ActionRules.requireAdmin(author, body);
        if (v.vaultId() == null
                || state.vaults.containsKey(v.vaultId())
                || state.deletedVaults.contains(v.vaultId())) {
            ActionRules.deny(body, "the vault id is missing or taken");
        }
        ActionRules.requireDigest(body, v.authorWrapDigest());
        TeamState.Vault vault = new TeamState.Vault();
        vault.grants.put(
                body.authorId(), new TeamState.Grant(Permission.WRITE, v.authorWrapDigest()));
        state.vaults.put(v.vaultId(), vault);
    }

    static void grant(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.GrantVault g) {
        ActionRules.requireAdmin(author, body);
        TeamState.Vault vault = existing(state, body, g.vaultId());
        boolean knownGrantee =
                state.members.containsKey(g.granteeId())
                        || state.machines.containsKey(g.granteeId())
                        || (ActionRules.RECOVERY_GRANTEE.equals(g.granteeId())
                                && state.recovery != null);
        if (!knownGrantee || g.permission() == null) {
            ActionRules.deny(body, "the grantee is not in the team");
        }
        ActionRules.requireDigest(body, g.wrapDigest());
        vault.grants.put(g.granteeId(), new TeamState.Grant(g.permission(), g.wrapDigest()));
    }

    static void revoke(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.RevokeVault r) {
        ActionRules.requireAdmin(author, body);
        TeamState.Vault vault = existing(state, body, r.vaultId());
        if (vault.grants.remove(r.granteeId()) == null) {
            ActionRules.deny(body, "the grantee holds no grant on this vault");
        }
        vault.rotationDue = true;
    }

    static void delete(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.DeleteVault d) {
        ActionRules.requireAdmin(author, body);
        existing(state, body, d.vaultId());
        state.vaults.remove(d.vaultId());
        state.deletedVaults.add(d.vaultId());
    }

    /**
     * A rotation must hand the new key to exactly the current grantees: the server cannot slip a
     * recipient in, and the author cannot silently leave one out.
     */
    static void rotate(
            TeamState state,
            TeamState.Member author,
            LogEntryBody body,
            LogAction.RotateVaultKey r) {
        TeamState.Vault vault = existing(state, body, r.vaultId());
        boolean writer =
                vault.grants.containsKey(body.authorId())
                        && vault.grants.get(body.authorId()).permission() == Permission.WRITE;
        if (author.role() == Role.MEMBER && !writer) {
            ActionRules.deny(body, "only admins and writers of the vault may rotate its key");
        }
        if (r.newKeyVersion() != vault.keyVersion + 1) {
            ActionRules.deny(body, "the new key version must follow " + vault.keyVersion);
        }
        Map<String, String> digests = r.wrapDigests();
        if (digests == null || !digests.keySet().equals(state.grantees(r.vaultId()))) {
            ActionRules.deny(body, "a rotation must cover exactly the current grantees");
        }
        digests.values().forEach(d -> ActionRules.requireDigest(body, d));
        digests.forEach(
                (grantee, digest) ->
                        vault.grants.put(
                                grantee,
                                new TeamState.Grant(
                                        vault.grants.get(grantee).permission(), digest)));
        vault.keyVersion = r.newKeyVersion();
        vault.rotationDue = false;
    }

    static void dropGrantsOf(TeamState state, String granteeId) {
        for (TeamState.Vault vault : state.vaults.values()) {
            if (vault.grants.remove(granteeId) != null) {
                vault.rotationDue = true;
            }
        }
    }

    private static TeamState.Vault existing(TeamState state, LogEntryBody body, String vaultId) {
        TeamState.Vault vault = vaultId == null ? null : state.vaults.get(vaultId);
        if (vault == null) {
            ActionRules.deny(body, "no such vault");
        }
        return vault;
    }
}
