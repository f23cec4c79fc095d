package dev.strongroom.server.accounts;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.crypto.srp.SrpServer;
import dev.strongroom.crypto.srp.SrpServerChallenge;
import dev.strongroom.crypto.srp.SrpServerResult;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.server.audit.Actor;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.TooManyRequestsException;
import dev.strongroom.server.http.UnauthorizedException;
import java.util.UUID;

/**
 * The two SRP-6a steps. Step one stores the server's ephemeral secret b in the database (any
 * instance can finish the login), for two minutes; step two deletes it before verifying, in its own
 * committed transaction, so a challenge is used at most once whatever the outcome and a replayed
 * (A, M1) finds nothing. Unknown emails go through the same steps against a fake verifier and fail
 * at step two exactly like a wrong password.
 */
final class Logins {

    static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;
    static final long CHALLENGE_TTL_MS = 120_000;

    private final Database db;
    private final AuditLog audit;
    private final FakeAccounts fakes;

    Logins(Database db, AuditLog audit, FakeAccounts fakes) {
        this.db = db;
        this.audit = audit;
        this.fakes = fakes;
    }

    LoginStartResponse start(String rawEmail, String address) {
        String email = Check.email(rawEmail);
        long now = System.currentTimeMillis();
        checkNotLocked(email, address, now, false);
        Account account = db.read(tx -> Account.byEmail(tx, email).orElse(null));
        byte[] verifier = account != null ? account.srpVerifier() : fakes.verifier(GROUP, email);
        SrpServerChallenge challenge = SrpServer.challenge(GROUP, verifier);
        UUID loginId = UUID.randomUUID();
        long expires = now + CHALLENGE_TTL_MS;
        try {
            db.write(
                    tx -> {
                        tx.update("DELETE FROM srp_challenges WHERE expires_at < ?", now);
                        return tx.update(
                                "INSERT INTO srp_challenges (id, email, account_id,"
                                        + " server_secret_b, server_public_b, created_at,"
                                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                loginId,
                                email,
                                Tx.orNull(account == null ? null : account.id(), Tx.Null.TEXT),
                                challenge.serverSecretB(),
                                challenge.publicB(),
                                now,
                                expires);
                    });
        } finally {
            Bytes.wipe(challenge.serverSecretB());
        }
        return new LoginStartResponse(loginId, challenge.publicB(), expires);
    }

    /** A verified proof: whose account, and the server's proof M2 for the client. */
    record Verified(Account account, byte[] serverProofM2) {}

    /**
     * Consumes the challenge and checks the proof; counts failures against the email and the
     * address and audits them. {@code requiredAccount} restricts re-authentication to the caller's
     * own account.
     */
    Verified verify(SrpProof proof, String address, UUID requiredAccount, String action) {
        Check.blob(proof.clientPublicA(), "clientPublicA", 1, GROUP.length());
        Check.exactly(proof.clientProofM1(), "clientProofM1", GROUP.hashLength());
        long now = System.currentTimeMillis();
        record Challenge(String email, UUID accountId, byte[] b, long expiresAt) {}
        Challenge c =
                db.write(
                        tx ->
                                tx.queryOne(
                                                "DELETE FROM srp_challenges WHERE id = ? RETURNING"
                                                        + " email, account_id, server_secret_b,"
                                                        + " expires_at",
                                                rs -> {
                                                    String acc = rs.getString(2);
                                                    return new Challenge(
                                                            rs.getString(1),
                                                            acc == null
                                                                    ? null
                                                                    : UUID.fromString(acc),
                                                            rs.getBytes(3),
                                                            rs.getLong(4));
                                                },
                                                proof.loginId())
                                        .orElse(null));
        if (c == null || c.expiresAt() < now) {
            audit.record(
                    AuditEvent.of(action, Actor.anonymous(address))
                            .failure(c == null ? "unknown_or_used_login" : "expired_login")
                            .build());
            throw new UnauthorizedException(
                    ErrorCode.LOGIN_FAILED, "login attempt unknown, used or expired; start again");
        }
        try {
            checkNotLocked(c.email(), address, now, true);
            Account account =
                    c.accountId() == null
                            ? null
                            : db.read(tx -> Account.byId(tx, c.accountId()).orElse(null));
            byte[] verifier =
                    account != null ? account.srpVerifier() : fakes.verifier(GROUP, c.email());
            boolean wrongAccount =
                    requiredAccount != null
                            && (account == null || !account.id().equals(requiredAccount));
            try {
                SrpServerResult result =
                        SrpServer.verify(
                                GROUP,
                                verifier,
                                c.b(),
                                proof.clientPublicA(),
                                proof.clientProofM1());
                Bytes.wipe(result.sessionKey());
                if (account == null || wrongAccount) {
                    throw new AuthenticationFailedException("not this account");
                }
                return new Verified(account, result.serverProofM2());
            } catch (AuthenticationFailedException e) {
                fail(c.email(), account, address, now, action);
                throw new UnauthorizedException(
                        ErrorCode.LOGIN_FAILED, "email or password is wrong");
            }
        } finally {
            Bytes.wipe(c.b());
        }
    }

    private void fail(String email, Account account, String address, long now, String action) {
        db.write(
                tx -> {
                    boolean emailLocked =
                            RateLimiter.recordFailure(tx, RateLimiter.EMAIL, email, now);
                    boolean addressLocked =
                            RateLimiter.recordFailure(tx, RateLimiter.ADDRESS, address, now);
                    AuditEvent.Builder e =
                            AuditEvent.of(action, Actor.anonymous(address)).failure("bad_proof");
                    if (account != null) {
                        e.target("account", account.id().toString());
                    }
                    tx.audit(e.build());
                    if (emailLocked || addressLocked) {
                        AuditEvent.Builder lock =
                                AuditEvent.of("login.lockout", Actor.anonymous(address))
                                        .failure(emailLocked ? "email" : "address");
                        if (account != null) {
                            lock.target("account", account.id().toString());
                        }
                        tx.audit(lock.build());
                    }
                    return null;
                });
    }

    private void checkNotLocked(String email, String address, long now, boolean audited) {
        long wait =
                db.read(
                        tx ->
                                Math.max(
                                        RateLimiter.lockedFor(tx, RateLimiter.EMAIL, email, now),
                                        RateLimiter.lockedFor(
                                                tx, RateLimiter.ADDRESS, address, now)));
        if (wait > 0) {
            if (audited) {
                audit.record(
                        AuditEvent.of("login.rate_limited", Actor.anonymous(address))
                                .denied("locked")
                                .build());
            }
            throw new TooManyRequestsException(
                    "too many failed logins; try again later", (wait + 999) / 1000);
        }
    }

    /** Clears the email's failure counter after a success (inside the success transaction). */
    static void succeeded(Tx tx, String email) throws java.sql.SQLException {
        RateLimiter.recordSuccess(tx, email);
    }
}
