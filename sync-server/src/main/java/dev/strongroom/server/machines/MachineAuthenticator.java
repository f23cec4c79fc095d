package dev.strongroom.server.machines;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.model.wire.MachineTokens;
import dev.strongroom.server.audit.Actor;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.Authenticator;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.UnauthorizedException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Machine-account credentials, {@code Authorization: Machine <machineId>.<base64url(secret)>}: the
 * secret is hashed (SHA-256) and compared in constant time with the stored hash of that machine.
 * The row is read on every request, so a revocation or secret rotation acts on the very next one,
 * on every instance. Last use is written at most once a minute, so machine reads stay reads.
 */
public final class MachineAuthenticator implements Authenticator {

    static final long TOUCH_INTERVAL_MS = 60_000;
    private static final byte[] NO_HASH = new byte[32];

    private final Database db;
    private final AuditLog audit;

    public MachineAuthenticator(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    private record Row(UUID teamId, byte[] hash, Long expiresAt, Long revokedAt, Long lastUsed) {}

    @Override
    public Principal authenticate(String credentials, String address) {
        UUID id = machineId(credentials);
        byte[] secret = id == null ? null : secret(credentials);
        if (secret == null) {
            refuse(null, null, address, "malformed_token");
            throw new UnauthorizedException("invalid machine token");
        }
        byte[] hash = Sha256.hash(secret);
        Arrays.fill(secret, (byte) 0);
        Row row =
                db.read(
                        tx ->
                                tx.queryOne(
                                                "SELECT team_id, secret_hash, expires_at,"
                                                        + " revoked_at, last_used_at FROM"
                                                        + " machine_accounts WHERE id = ?",
                                                rs ->
                                                        new Row(
                                                                UUID.fromString(rs.getString(1)),
                                                                rs.getBytes(2),
                                                                Tx.nullableLong(rs, "expires_at"),
                                                                Tx.nullableLong(rs, "revoked_at"),
                                                                Tx.nullableLong(
                                                                        rs, "last_used_at")),
                                                id)
                                        .orElse(null));
        boolean matches = ConstantTime.equals(row == null ? NO_HASH : row.hash(), hash);
        if (row == null || !matches) {
            refuse(id, row, address, row == null ? "unknown_machine" : "wrong_secret");
            throw new UnauthorizedException("invalid machine token");
        }
        if (row.revokedAt() != null) {
            refuse(id, row, address, "revoked");
            throw UnauthorizedException.withCode(
                    MachineTokens.TOKEN_REVOKED, "machine account was revoked");
        }
        long now = System.currentTimeMillis();
        if (row.expiresAt() != null && now >= row.expiresAt()) {
            refuse(id, row, address, "expired");
            throw UnauthorizedException.withCode(
                    MachineTokens.TOKEN_EXPIRED, "machine account has expired");
        }
        if (row.lastUsed() == null || now - row.lastUsed() >= TOUCH_INTERVAL_MS) {
            db.write(
                    tx ->
                            tx.update(
                                    "UPDATE machine_accounts SET last_used_at = ? WHERE id = ?"
                                            + " AND (last_used_at IS NULL OR last_used_at < ?)",
                                    now,
                                    id,
                                    now));
        }
        return Principal.machine(id, row.teamId());
    }

    private void refuse(UUID id, Row row, String address, String why) {
        AuditEvent.Builder e =
                AuditEvent.of(
                        "auth.machine_rejected",
                        row == null
                                ? Actor.anonymous(address)
                                : Actor.machine(id.toString(), address));
        if (row != null) {
            e.team(row.teamId().toString()).target("machine", id.toString());
        }
        audit.record(e.failure(why).build());
    }

    private static UUID machineId(String credentials) {
        if (credentials == null || credentials.length() != 36 + 1 + 43) {
            return null;
        }
        String id = credentials.substring(0, 36);
        return credentials.charAt(36) == '.' && Ids.isValid(id) ? Ids.parse(id) : null;
    }

    private static byte[] secret(String credentials) {
        try {
            byte[] raw = Base64Url.decode(credentials.substring(37));
            return raw.length == MachineTokens.SECRET_BYTES ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
