package dev.strongroom.server.vaults;

import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.NotFoundException;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An item read together with the caller's grant on its vault, in one statement: the access check
 * and the item come from the same snapshot, and on PostgreSQL the read is one round trip.
 *
 * @param teamId the team owning the vault (for the audit record)
 */
record GrantedItem(UUID teamId, VaultStore.Item item) {

    private static final String ITEM_COLUMNS =
            "i.id, i.vault_id, i.revision, i.change_seq, i.key_version, i.item_key_wrap,"
                    + " i.content, i.signature, i.author_id, i.log_seq, i.deleted, i.updated_at";

    /**
     * The item if the principal holds a grant on its live vault. 404 "no such vault" without a
     * grant (exactly like {@link VaultStore#access}), 404 "no such item" when the vault has no such
     * item.
     */
    static GrantedItem read(Tx tx, UUID vaultId, UUID itemId, UUID principal) throws SQLException {
        GrantedItem found =
                tx.queryOne(
                                "SELECT "
                                        + ITEM_COLUMNS
                                        + ", v.team_id FROM vaults v JOIN vault_access a ON"
                                        + " a.vault_id = v.id LEFT JOIN items i ON i.vault_id ="
                                        + " v.id AND i.id = ? WHERE v.id = ? AND a.principal_id"
                                        + " = ? AND v.deleted_at IS NULL",
                                rs ->
                                        new GrantedItem(
                                                UUID.fromString(rs.getString(13)),
                                                rs.getString(1) == null
                                                        ? null
                                                        : VaultStore.mapItem(rs)),
                                itemId,
                                vaultId,
                                principal)
                        .orElseThrow(() -> new NotFoundException("no such vault"));
        if (found.item() == null) {
            throw new NotFoundException("no such item");
        }
        return found;
    }
}
