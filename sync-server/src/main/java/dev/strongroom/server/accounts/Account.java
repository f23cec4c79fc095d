package dev.strongroom.server.accounts;

import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.wire.AccountResponse;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.PublicAccountResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** An account row. Everything but id, email and the KDF/SRP parameters is opaque to the server. */
record Account(
        UUID id,
        String email,
        KdfParams kdf,
        byte[] srpSalt,
        byte[] srpVerifier,
        byte[] wrappedAccountKey,
        byte[] encryptedPrivateKeys,
        byte[] publicBundleJson,
        long createdAt) {

    static final String COLUMNS =
            "id, email, kdf_algorithm, kdf_memory_kib, kdf_iterations, kdf_parallelism, kdf_salt,"
                    + " srp_salt, srp_verifier, wrapped_account_key, encrypted_private_keys,"
                    + " public_bundle, created_at";

    static Account map(ResultSet rs) throws SQLException {
        int memory = rs.getInt(4);
        boolean memoryNull = rs.wasNull();
        int parallelism = rs.getInt(6);
        boolean parallelismNull = rs.wasNull();
        KdfParams kdf =
                new KdfParams(
                        rs.getString(3),
                        memoryNull ? null : memory,
                        rs.getInt(5),
                        parallelismNull ? null : parallelism,
                        rs.getBytes(7));
        return new Account(
                UUID.fromString(rs.getString(1)),
                rs.getString(2),
                kdf,
                rs.getBytes(8),
                rs.getBytes(9),
                rs.getBytes(10),
                rs.getBytes(11),
                rs.getBytes(12),
                rs.getLong(13));
    }

    static Optional<Account> byEmail(Tx tx, String email) throws SQLException {
        return tx.queryOne(
                "SELECT " + COLUMNS + " FROM accounts WHERE email = ?", Account::map, email);
    }

    static Optional<Account> byId(Tx tx, UUID id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", Account::map, id);
    }

    PublicBundleJson publicBundle() {
        try {
            return WireJson.mapper().readValue(publicBundleJson, PublicBundleJson.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored public bundle is unreadable", e);
        }
    }

    AccountResponse toResponse() {
        return new AccountResponse(
                id, email, kdf, wrappedAccountKey, encryptedPrivateKeys, publicBundle(), createdAt);
    }

    PublicAccountResponse toPublic() {
        return new PublicAccountResponse(id, email, publicBundle());
    }
}
