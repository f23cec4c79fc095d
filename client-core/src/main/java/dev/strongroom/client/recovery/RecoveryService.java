package dev.strongroom.client.recovery;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryPolicyView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Break-glass recovery for one unlocked account, policy side: setting (and re-splitting) the policy
 * over verified approvers, wrapping every vault to the recovery key, enrolling for
 * forgotten-password recovery, status, paper-share export and the offline kit. The request side
 * (request, approve, deny, veto, combine, re-key) is {@link RecoveryRequests} over {@link
 * BreakGlass}.
 */
public final class RecoveryService {

    private final SyncEngine engine;
    private final VaultService vaults;
    private final TeamService teams;
    private final RecoveryApi api;
    private final String me;

    public RecoveryService(VaultService vaults, SyncEngine engine, TeamService teams) {
        this.engine = engine;
        this.vaults = vaults;
        this.teams = teams;
        this.api = new RecoveryApi(engine.session());
        this.me = engine.session().accountId().toString();
    }

    RecoveryApi api() {
        return api;
    }

    /** The team's log as this device verified it (after a pull). */
    public RecoveryLog log(String teamId) {
        engine.pull();
        if (engine.team(teamId).isEmpty()) {
            throw new RecoveryException("no such team: " + teamId);
        }
        return RecoveryLog.verify(engine.cache().logEntries(teamId));
    }

    /**
     * Creates a recovery key, seals one share to each approver's key as this device verified it,
     * appends the signed policy with the sealed shares, and wraps every vault to the new key. Also
     * the re-split: a new policy version with a new key, so old shares open nothing it covers.
     *
     * @param approverIds members whose keys this device verified (fingerprint or invite code)
     * @throws dev.strongroom.client.team.UnverifiedKeyException if an approver's key is not
     *     verified on this device
     */
    public int setup(
            String teamId, List<String> approverIds, int threshold, int delayHours, boolean veto) {
        engine.pull();
        List<PublicBundle> approvers = new ArrayList<>();
        for (String id : approverIds) {
            approvers.add(teams.verifiedMember(teamId, id));
        }
        TeamState state = engine.team(teamId).orElseThrow();
        PolicyDraft draft =
                RecoverySetup.draft(
                        state, engine.session().identity(), approvers, threshold, delayHours, veto);
        SignedLogEntry entry = PolicyEntries.sign(engine, teamId, draft);
        api.setPolicy(teamId, entry, draft.sealedShares());
        RecoveryGrants.grantAll(engine, teamId);
        OldKeyWraps.wrapAll(engine, api, teamId);
        return draft.action().policyVersion();
    }

    public RecoveryStatus status(String teamId) {
        RecoveryLog log = log(teamId);
        LogAction.SetRecoveryPolicy p = log.policy();
        RecoveryPolicyView view = api.policy(teamId);
        log.withOldWraps(api.oldWraps(teamId));
        List<String> notCovered = new ArrayList<>();
        log.state()
                .vaults()
                .forEach(
                        (id, v) -> {
                            if (!covered(log, id, v.keyVersion())) {
                                notCovered.add(id);
                            }
                        });
        return new RecoveryStatus(
                teamId,
                p.policyVersion(),
                p.approverIds().stream().map(id -> email(log, id)).toList(),
                p.threshold(),
                p.delayHours(),
                p.ownerVeto(),
                view.policyVersion() == p.policyVersion() && view.sharesStored(),
                view.enrolledAccountIds().stream().map(id -> email(log, id)).toList(),
                notCovered,
                view.reenrolmentDueAccountIds().stream().map(id -> email(log, id)).toList(),
                RecoveryUses.of(log, api.requests(teamId, null)));
    }

    /** Enrols this account for forgotten-password recovery under the current policy. */
    public void enrol(String teamId) {
        RecoveryLog log = log(teamId);
        api.enrol(
                teamId, log.policy().policyVersion(), AccountRecovery.enrol(log, engine.session()));
    }

    /** This approver's share as SLIP-39 words to print (the caller wipes the array). */
    public char[] exportShare(String teamId) {
        RecoveryLog log = log(teamId);
        if (!log.policy().approverIds().contains(me)) {
            throw new RecoveryException("this account holds no share of the recovery key");
        }
        return PaperShares.export(
                log, me, engine.session().identity(), api.ownShare(teamId).sealedShare());
    }

    /**
     * The anchor of the team log's head as this device verified it (see {@link KitAnchor}): a kit
     * exported now opens against it, and a kit's printed anchor can be compared with it to tell
     * whether the log moved on since that kit (then export a new one).
     */
    public KitAnchor logHeadAnchor(String teamId) {
        return KitAnchor.of(log(teamId).state());
    }

    /** A written kit: how many vaults it holds and the anchor it opens against. */
    public record KitExport(int vaults, KitAnchor anchor) {}

    /**
     * Writes the offline kit: every vault of the team this device holds, sealed to the recovery key
     * and signed; the anchor is the head of the very log the kit carries.
     */
    public KitExport exportKit(String teamId, Path file) {
        RecoveryLog log = log(teamId);
        List<RecoveryKit.KitVault> kitVaults =
                KitVaults.gather(engine, vaults, teamId, log.recoveryPublicKey());
        RecoveryKit.Exported kit =
                RecoveryKit.export(log, me, engine.session().identity(), kitVaults);
        try {
            Files.write(file, kit.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new KitExport(kitVaults.size(), kit.anchor());
    }

    /** Every key version of the vault has a wrap to the current recovery key. */
    private static boolean covered(RecoveryLog log, String vaultId, int current) {
        if (!log.state().vaults().get(vaultId).grants().containsKey(RecoveryGrants.GRANTEE)) {
            return false;
        }
        int policy = log.policy().policyVersion();
        for (int v = 1; v <= current; v++) {
            if (log.wrap(vaultId, v).filter(w -> w.policyVersion() == policy).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static String email(RecoveryLog log, String id) {
        return log.everMember(id).map(PublicBundle::email).orElse(id);
    }

    static String digest(byte[] b) {
        return Base64Url.encode(Sha256.hash(b));
    }
}
