package dev.strongroom.server.recovery;

import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.RecoveryAccountResetRequest;
import dev.strongroom.model.wire.RecoveryAccountResetResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.accounts.AccountApi;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.io.IOException;
import java.util.UUID;

/**
 * Forgotten-password recovery, the last step of a released account-scope request: the requester's
 * client, holding the recovered account key, sets the member's new credentials and signs them with
 * the member's own identity key. The server checks that signature against the member's registered
 * bundle (so only someone who really recovered the account key can do this), replaces the
 * credentials, revokes every session of the member and closes the request.
 */
final class AccountReset {

    private final Database db;
    private final TeamApi teams;

    AccountReset(Database db, TeamApi teams) {
        this.db = db;
        this.teams = teams;
    }

    void register(Routes routes, AuditLog audit) {
        routes.post(
                "/api/v1/teams/{teamId}/recovery/requests/{requestId}/account-reset",
                Access.AUTHENTICATED,
                RecoveryChecks.audited(audit, "recovery.account_reset", this::reset));
    }

    private void reset(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID requestId = call.pathId("requestId");
        RecoveryAccountResetRequest r = call.body(RecoveryAccountResetRequest.class);
        AccountApi.checkCredentials(r.kdf(), r.srpSalt(), r.srpVerifier(), r.wrappedAccountKey());
        Check.exactly(r.signature(), "signature", Ed25519.SIGNATURE_LENGTH);
        long now = System.currentTimeMillis();
        call.ok(
                db.write(
                        tx -> {
                            RequestStore.Request req =
                                    RecoveryReleaseApi.releasable(
                                            tx,
                                            teams.stateInTx(tx, teamId),
                                            teamId,
                                            requestId,
                                            p,
                                            now);
                            if (!RecoveryScope.ACCOUNT.equals(req.scope().kind())) {
                                throw new BadRequestException(
                                        "only an account-scope request resets an account");
                            }
                            UUID member = UUID.fromString(req.scope().target());
                            requireMemberSignature(tx, member, r, teamId, requestId);
                            int revoked = replaceCredentials(tx, member, r, now);
                            RequestStore.setStatus(tx, requestId, RecoveryRequestView.CLOSED, now);
                            tx.audit(
                                    AuditEvent.of("recovery.account_reset", call.actor())
                                            .team(teamId.toString())
                                            .target("account", member.toString())
                                            .detail(
                                                    "request="
                                                            + requestId
                                                            + " revoked_sessions="
                                                            + revoked)
                                            .build());
                            return new RecoveryAccountResetResponse(member, revoked);
                        }));
    }

    private static void requireMemberSignature(
            Tx tx, UUID member, RecoveryAccountResetRequest r, UUID teamId, UUID requestId)
            throws java.sql.SQLException {
        byte[] stored =
                tx.queryOne(
                                "SELECT public_bundle FROM accounts WHERE id = ?",
                                rs -> rs.getBytes(1),
                                member)
                        .orElseThrow(
                                () ->
                                        new ConflictException(
                                                dev.strongroom.model.api.ErrorCode.CONFLICT,
                                                "the account was deleted"));
        PublicBundleJson bundle;
        try {
            bundle = WireJson.mapper().readValue(stored, PublicBundleJson.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored bundle unreadable", e);
        }
        Ed25519PublicKey key = new Ed25519PublicKey(Base64Url.decode(bundle.signingKey()));
        if (!Ed25519.isValid(key, r.message(teamId, requestId, member), r.signature())) {
            throw new BadRequestException("the reset is not signed with the member's identity key");
        }
    }

    private static int replaceCredentials(
            Tx tx, UUID member, RecoveryAccountResetRequest r, long now)
            throws java.sql.SQLException {
        KdfParams kdf = r.kdf();
        tx.update(
                "UPDATE accounts SET kdf_algorithm = ?, kdf_memory_kib = ?, kdf_iterations = ?,"
                        + " kdf_parallelism = ?, kdf_salt = ?, srp_salt = ?, srp_verifier = ?,"
                        + " wrapped_account_key = ?, updated_at = ? WHERE id = ?",
                kdf.algorithm(),
                Tx.orNull(kdf.memoryKib(), Tx.Null.INTEGER),
                kdf.iterations(),
                Tx.orNull(kdf.parallelism(), Tx.Null.INTEGER),
                kdf.salt(),
                r.srpSalt(),
                r.srpVerifier(),
                r.wrappedAccountKey(),
                now,
                member);
        tx.update("DELETE FROM srp_challenges WHERE account_id = ?", member);
        return tx.update(
                "UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                now,
                member);
    }
}
