package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.RecoveryAccountMaterial;
import dev.strongroom.model.wire.RecoveryVaultWraps;
import dev.strongroom.model.wire.VaultKeyWrap;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.ConflictException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Exactly what a released request's scope opens: a vault's wraps to recipient {@code recovery},
 * every live vault's for the team scope, or one member's enrolled account key. Nothing else.
 */
final class ScopeWraps {

    static final String RECOVERY_RECIPIENT = "recovery";

    private ScopeWraps() {}

    static List<RecoveryVaultWraps> vaults(Tx tx, RequestStore.Request r) throws SQLException {
        boolean oneVault = RecoveryScope.VAULT.equals(r.scope().kind());
        String live = "SELECT id FROM vaults WHERE team_id = ? AND deleted_at IS NULL";
        List<String> ids =
                oneVault
                        ? tx.query(
                                live + " AND id = ?",
                                rs -> rs.getString(1),
                                r.teamId(),
                                r.scope().target())
                        : tx.query(
                                live + " ORDER BY created_at, id",
                                rs -> rs.getString(1),
                                r.teamId());
        if (oneVault && ids.isEmpty()) {
            throw new ConflictException(ErrorCode.CONFLICT, "the vault no longer exists");
        }
        List<RecoveryVaultWraps> out = new ArrayList<>();
        for (String id : ids) {
            List<VaultKeyWrap> wraps =
                    tx.query(
                            "SELECT key_version, wrap FROM vault_key_wraps WHERE vault_id = ? AND"
                                    + " recipient_id = ? ORDER BY key_version",
                            rs -> new VaultKeyWrap(rs.getInt(1), rs.getBytes(2)),
                            id,
                            RECOVERY_RECIPIENT);
            if (!wraps.isEmpty()) {
                out.add(new RecoveryVaultWraps(UUID.fromString(id), wraps));
            }
        }
        return out;
    }

    /** The enrolled account key and private-key blob for an account scope; null otherwise. */
    static RecoveryAccountMaterial account(Tx tx, RequestStore.Request r) throws SQLException {
        if (!RecoveryScope.ACCOUNT.equals(r.scope().kind())) {
            return null;
        }
        String accountId = r.scope().target();
        byte[] wrapped =
                PolicyStore.wrappedAccountKey(tx, r.teamId(), r.policyVersion(), accountId)
                        .orElseThrow(
                                () ->
                                        new ConflictException(
                                                ErrorCode.CONFLICT,
                                                "the account is no longer enrolled"));
        byte[] privateKeys =
                tx.queryOne(
                                "SELECT encrypted_private_keys FROM accounts WHERE id = ?",
                                rs -> rs.getBytes(1),
                                accountId)
                        .orElseThrow(
                                () ->
                                        new ConflictException(
                                                ErrorCode.CONFLICT, "the account was deleted"));
        return new RecoveryAccountMaterial(
                UUID.fromString(accountId), r.policyVersion(), wrapped, privateKeys);
    }
}
