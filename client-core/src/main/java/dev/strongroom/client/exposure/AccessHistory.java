package dev.strongroom.client.exposure;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.log.UnverifiedLogEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who held which vault key versions, and who lost access when, replayed from a team's verified
 * membership log: a create_vault gives its author version 1, a grant gives the grantee the current
 * version, a rotation gives each named grantee the new one; a removal, a departure or a revoke ends
 * access. Re-verifies the log from genesis and checks it ends at the pinned head.
 */
final class AccessHistory {

    /**
     * A principal's access to a vault that ended: key versions held, and the entry that ended it.
     */
    record Loss(
            String principalId, String email, String vaultId, long atSeq, Set<Integer> versions) {}

    private final Map<String, Set<Integer>> held = new HashMap<>();
    private final Map<String, PublicBundle> bundles = new HashMap<>();
    private final Map<String, Loss> losses = new HashMap<>();
    private final TeamState current;

    AccessHistory(List<SignedLogEntry> entries, byte[] pinnedHead) {
        try {
            TeamState state = TeamLogVerifier.verifyFromGenesis(List.of(entries.get(0)));
            apply(null, state, entries.get(0));
            for (SignedLogEntry e : entries.subList(1, entries.size())) {
                TeamState next = TeamLogVerifier.extend(state, List.of(e));
                apply(state, next, e);
                state = next;
            }
            if (!ConstantTime.equals(state.headHash(), pinnedHead)) {
                throw new SecurityAlert(
                        SecurityAlertCode.TAMPERED_DATA, "cached log does not match its pin");
            }
            current = state;
        } catch (LogVerificationException | IndexOutOfBoundsException e) {
            throw new SecurityAlert(SecurityAlertCode.TAMPERED_DATA, "cached log does not verify");
        }
    }

    private void apply(TeamState before, TeamState after, SignedLogEntry e) {
        after.members().forEach((id, m) -> bundles.put(id, m.bundle()));
        after.machines().forEach((id, m) -> bundles.put(id, m.bundle()));
        var body = UnverifiedLogEntry.decode(e).allegedBody(); // verified just now
        LogAction a = body.action();
        if (a instanceof LogAction.CreateVault v) {
            versions(body.authorId(), v.vaultId()).add(1);
        } else if (a instanceof LogAction.GrantVault g) {
            versions(g.granteeId(), g.vaultId()).add(after.vaults().get(g.vaultId()).keyVersion());
        } else if (a instanceof LogAction.RotateVaultKey r) {
            r.wrapDigests().keySet().forEach(p -> versions(p, r.vaultId()).add(r.newKeyVersion()));
        } else if (a instanceof LogAction.RevokeVault r) {
            lose(before, r.granteeId(), r.vaultId(), body.seq());
        } else if (a instanceof LogAction.RemoveMember r) {
            loseAll(before, r.memberId(), body.seq());
        } else if (a instanceof LogAction.RemoveMachine r) {
            loseAll(before, r.machineId(), body.seq());
        }
    }

    private void loseAll(TeamState before, String principal, long seq) {
        before.vaults()
                .forEach(
                        (vaultId, v) -> {
                            if (v.grants().containsKey(principal)) {
                                lose(before, principal, vaultId, seq);
                            }
                        });
    }

    private void lose(TeamState before, String principal, String vaultId, long seq) {
        TeamState.Member m = before.members().get(principal);
        TeamState.Machine machine = before.machines().get(principal);
        String email =
                m != null
                        ? m.bundle().email()
                        : machine != null ? machine.bundle().email() : principal;
        losses.put(
                key(principal, vaultId),
                new Loss(principal, email, vaultId, seq, Set.copyOf(versions(principal, vaultId))));
    }

    private Set<Integer> versions(String principal, String vaultId) {
        return held.computeIfAbsent(key(principal, vaultId), k -> new TreeSet<>());
    }

    /** The bundle the verified log recorded for a member or machine, at any point. */
    Optional<PublicBundle> bundle(String principalId) {
        return Optional.ofNullable(bundles.get(principalId));
    }

    /** Losses of principals that do not hold the vault again now, in vaults that still exist. */
    List<Loss> standingLosses() {
        return losses.values().stream()
                .filter(l -> current.vaults().containsKey(l.vaultId()))
                .filter(l -> current.permission(l.vaultId(), l.principalId()).isEmpty())
                .toList();
    }

    private static String key(String principal, String vaultId) {
        return principal + "|" + vaultId;
    }
}
