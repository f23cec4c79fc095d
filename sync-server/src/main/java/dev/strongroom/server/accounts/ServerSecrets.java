package dev.strongroom.server.accounts;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.server.db.Database;

/**
 * Secrets of the server itself, kept in the database so every instance on one database uses the
 * same ones (a prelogin answer must not depend on which instance answered). Created on first use
 * with insert-if-absent, so two instances starting together agree on one value.
 */
public final class ServerSecrets {

    private ServerSecrets() {}

    /** The named 32-byte secret, created if it does not exist yet. */
    public static byte[] load(Database db, String name) {
        return db.write(
                tx -> {
                    tx.update(
                            "INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?)"
                                    + " ON CONFLICT (name) DO NOTHING",
                            name,
                            Randoms.bytes(32),
                            System.currentTimeMillis());
                    return tx.queryOne(
                                    "SELECT secret FROM server_secrets WHERE name = ?",
                                    rs -> rs.getBytes(1),
                                    name)
                            .orElseThrow();
                });
    }
}
