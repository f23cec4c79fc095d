package dev.strongroom.server.accounts;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.SessionInfo;
import dev.strongroom.server.audit.Actor;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.Authenticator;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.UnauthorizedException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Session tokens: 32 random bytes (base64url, 43 characters) handed to the client once; the server
 * keeps only their SHA-256, so a database leak yields no usable token. A session dies when revoked,
 * when unused for the idle period, or at its absolute expiry. Last use is written only once it has
 * moved by a minute (or a quarter of a shorter idle period), so authenticated reads stay reads; a
 * session may therefore expire up to that much before its idle period after its true last use.
 *
 * <p>Nothing about a session is cached in the process: every request reads its row, so a revocation
 * or logout (on any instance) ends it on the very next request. That read is one auto-commit
 * statement, one round trip on PostgreSQL.
 */
public final class Sessions implements Authenticator {

    static final int TOKEN_BYTES = 32;
    static final long TOUCH_INTERVAL_MS = 60_000;

    private final Database db;
    private final AuditLog audit;
    private final Duration idle;
    private final Duration lifetime;

    public Sessions(Database db, AuditLog audit, Duration idle, Duration lifetime) {
        this.db = db;
        this.audit = audit;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** A new session's token (shown once) and its description. */
    record Created(String token, SessionInfo info) {}

    /** Creates a session inside the caller's transaction (the login's). */
    Created create(Tx tx, UUID accountId, String deviceName, long now) throws SQLException {
        byte[] raw = Randoms.bytes(TOKEN_BYTES);
        String token = Base64Url.encode(raw);
        UUID id = UUID.randomUUID();
        long absolute = now + lifetime.toMillis();
        tx.update(
                "INSERT INTO sessions (id, account_id, token_hash, device_name, created_at,"
                        + " last_used_at, idle_timeout_ms, absolute_expires_at) VALUES (?, ?, ?, ?,"
                        + " ?, ?, ?, ?)",
                id,
                accountId,
                Sha256.hash(raw),
                deviceName,
                now,
                now,
                idle.toMillis(),
                absolute);
        return new Created(
                token,
                new SessionInfo(
                        id,
                        deviceName,
                        now,
                        now,
                        Math.min(absolute, now + idle.toMillis()),
                        absolute,
                        true));
    }

    private record Row(
            UUID id, UUID accountId, long lastUsed, long idleMs, long absolute, Long revokedAt) {}

    @Override
    public Principal authenticate(String token, String address) {
        byte[] raw = decodeToken(token);
        if (raw == null) {
            refuse(null, address, "malformed_token");
            throw new UnauthorizedException("invalid session token");
        }
        byte[] hash = Sha256.hash(raw);
        long now = System.currentTimeMillis();
        Row row =
                db.readStatement(
                        tx ->
                                tx.queryOne(
                                                "SELECT id, account_id, last_used_at,"
                                                        + " idle_timeout_ms, absolute_expires_at,"
                                                        + " revoked_at FROM sessions WHERE"
                                                        + " token_hash = ?",
                                                rs ->
                                                        new Row(
                                                                UUID.fromString(rs.getString(1)),
                                                                UUID.fromString(rs.getString(2)),
                                                                rs.getLong(3),
                                                                rs.getLong(4),
                                                                rs.getLong(5),
                                                                Tx.nullableLong(rs, "revoked_at")),
                                                hash)
                                        .orElse(null));
        if (row == null) {
            refuse(null, address, "unknown_token");
            throw new UnauthorizedException("invalid session token");
        }
        if (row.revokedAt() != null) {
            refuse(row, address, "revoked");
            throw new UnauthorizedException(ErrorCode.SESSION_EXPIRED, "session was revoked");
        }
        if (now >= row.absolute() || now >= row.lastUsed() + row.idleMs()) {
            refuse(row, address, "expired");
            throw new UnauthorizedException(ErrorCode.SESSION_EXPIRED, "session has expired");
        }
        if (now - row.lastUsed() >= touchInterval(row.idleMs())) {
            db.write(
                    tx ->
                            tx.update(
                                    "UPDATE sessions SET last_used_at = ? WHERE id = ? AND"
                                            + " last_used_at < ?",
                                    now,
                                    row.id(),
                                    now));
        }
        return Principal.account(row.accountId(), row.id());
    }

    /** How far last use must have moved before it is written: a minute, less for short idle. */
    static long touchInterval(long idleMs) {
        return Math.min(TOUCH_INTERVAL_MS, idleMs / 4);
    }

    private void refuse(Row row, String address, String why) {
        AuditEvent.Builder e =
                AuditEvent.of(
                        "auth.session_rejected",
                        row == null
                                ? Actor.anonymous(address)
                                : Actor.account(row.accountId().toString(), address));
        if (row != null) {
            e.target("session", row.id().toString());
        }
        audit.record(e.failure(why).build());
    }

    private static byte[] decodeToken(String token) {
        if (token == null || token.length() != 43) {
            return null;
        }
        try {
            byte[] raw = Base64Url.decode(token);
            return raw.length == TOKEN_BYTES ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The account's live sessions, newest first. */
    List<SessionInfo> list(UUID accountId, UUID current) {
        long now = System.currentTimeMillis();
        return db.read(
                tx ->
                        tx.query(
                                "SELECT id, device_name, created_at, last_used_at, idle_timeout_ms,"
                                        + " absolute_expires_at FROM sessions WHERE account_id = ?"
                                        + " AND revoked_at IS NULL AND absolute_expires_at > ?"
                                        + " AND last_used_at + idle_timeout_ms > ? ORDER BY"
                                        + " created_at DESC, id",
                                rs -> {
                                    UUID id = UUID.fromString(rs.getString(1));
                                    long absolute = rs.getLong(6);
                                    long idleEnd = rs.getLong(4) + rs.getLong(5);
                                    return new SessionInfo(
                                            id,
                                            rs.getString(2),
                                            rs.getLong(3),
                                            rs.getLong(4),
                                            Math.min(absolute, idleEnd),
                                            absolute,
                                            id.equals(current));
                                },
                                accountId,
                                now,
                                now));
    }

    /** Revokes one of the account's sessions; false when it has no such live session. */
    static boolean revoke(Tx tx, UUID accountId, UUID sessionId, long now) throws SQLException {
        return tx.update(
                        "UPDATE sessions SET revoked_at = ? WHERE id = ? AND account_id = ? AND"
                                + " revoked_at IS NULL",
                        now,
                        sessionId,
                        accountId)
                == 1;
    }

    /** Revokes every other session of the account; returns how many. */
    static int revokeOthers(Tx tx, UUID accountId, UUID keep, long now) throws SQLException {
        return tx.update(
                "UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND id <> ? AND"
                        + " revoked_at IS NULL",
                now,
                accountId,
                keep);
    }
}
