package dev.strongroom.server.recovery;

import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryOldWraps;
import dev.strongroom.model.recovery.RecoveryOldWrapsBody;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import dev.strongroom.server.vaults.VaultStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Older vault key versions wrapped to the recovery key (key versions from before the policy; the
 * log covers the current one and every later one). The signed announcement is checked with the
 * shared {@code RecoveryVerifier} (an owner or admin, the current policy, versions below the
 * vault's current one) and must name exactly the uploaded wraps; the wraps join the vault's other
 * {@code recovery} wraps, which a released request hands out. Members list the announcements and
 * verify them themselves.
 */
final class RecoveryOldWrapsApi {

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    RecoveryOldWrapsApi(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    void register(Routes routes) {
        routes.put(
                        "/api/v1/teams/{teamId}/recovery/vaults/{vaultId}/old-wraps",
                        Access.AUTHENTICATED,
                        RecoveryChecks.audited(audit, "recovery.old_wraps", this::upload))
                .get(
                        "/api/v1/teams/{teamId}/recovery/old-wraps",
                        Access.AUTHENTICATED,
                        this::listing);
    }

    private void upload(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID vaultId = call.pathId("vaultId");
        RecoveryOldWraps.Upload r = call.body(RecoveryOldWraps.Upload.class);
        if (r.announcement() == null || r.wraps() == null) {
            throw new BadRequestException("an announcement and its wraps are needed");
        }
        long now = System.currentTimeMillis();
        call.ok(
                db.write(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RecoveryChecks.member(s, p.id());
                            RecoveryOldWrapsBody body =
                                    RecoveryChecks.verified(
                                            () ->
                                                    RecoveryVerifier.verifyOldWraps(
                                                            r.announcement(), s));
                            if (!body.authorId().equals(p.id().toString())
                                    || !body.vaultId().equals(vaultId.toString())) {
                                throw new BadRequestException(
                                        "the announcement must be the caller's, for this vault");
                            }
                            requireExactly(body, r.wraps());
                            for (KeyWrapUpload w : r.wraps()) {
                                VaultStore.putWrap(
                                        tx,
                                        vaultId,
                                        w.keyVersion(),
                                        ScopeWraps.RECOVERY_RECIPIENT,
                                        ScopeWraps.RECOVERY_RECIPIENT,
                                        w.wrap(),
                                        now);
                            }
                            tx.update(
                                    "DELETE FROM recovery_old_wraps WHERE team_id = ? AND"
                                            + " vault_id = ?",
                                    teamId,
                                    vaultId.toString());
                            tx.update(
                                    "INSERT INTO recovery_old_wraps (team_id, vault_id,"
                                            + " policy_version, body, signature, created_at)"
                                            + " VALUES (?, ?, ?, ?, ?, ?)",
                                    teamId,
                                    vaultId.toString(),
                                    body.policyVersion(),
                                    Base64Url.decode(r.announcement().body()),
                                    Base64Url.decode(r.announcement().signature()),
                                    now);
                            tx.audit(
                                    AuditEvent.of("recovery.old_wraps", call.actor())
                                            .team(teamId.toString())
                                            .target("vault", vaultId.toString())
                                            .detail("versions=" + body.wraps().size())
                                            .build());
                            return r.announcement();
                        }));
    }

    /** One wrap per announced version, each hashing to the digest that was signed. */
    private static void requireExactly(RecoveryOldWrapsBody body, List<KeyWrapUpload> wraps) {
        Map<Integer, String> digests = new HashMap<>();
        body.wraps().forEach(d -> digests.put(d.keyVersion(), d.digest()));
        if (wraps.size() != digests.size()) {
            throw new BadRequestException("one wrap for each announced key version");
        }
        for (KeyWrapUpload w : wraps) {
            String digest = w == null ? null : digests.remove(w.keyVersion());
            if (digest == null || !ScopeWraps.RECOVERY_RECIPIENT.equals(w.recipientId())) {
                throw new BadRequestException("one wrap to recovery for each announced version");
            }
            Check.blob(w.wrap(), "wrap", 1, RecoveryChecks.MAX_SEALED);
            RecoveryChecks.requireDigest(w.wrap(), digest, "a wrap");
        }
    }

    private void listing(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        call.ok(
                db.read(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RecoveryChecks.member(s, p.id());
                            int version = RecoveryChecks.policy(s).policyVersion();
                            List<SignedRecoveryMessage> out =
                                    tx.query(
                                            "SELECT body, signature FROM recovery_old_wraps WHERE"
                                                    + " team_id = ? AND policy_version = ? ORDER"
                                                    + " BY vault_id",
                                            rs ->
                                                    new SignedRecoveryMessage(
                                                            Base64Url.encode(rs.getBytes(1)),
                                                            Base64Url.encode(rs.getBytes(2))),
                                            teamId,
                                            version);
                            return new RecoveryOldWraps.Listing(out);
                        }));
    }
}
