package dev.strongroom.client.cache;

import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.model.vault.VaultHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the pinned trust state. Every row carries an HMAC under the cache key over
 * {@link PinMacs}; a row that does not verify is never returned, it raises {@link
 * CacheTamperedException}.
 */
final class TrustRows {

    private final Connection conn;
    private final CacheKey key;
    private final CacheProfile profile;

    TrustRows(Connection conn, CacheKey key, CacheProfile profile) {
        this.conn = conn;
        this.key = key;
        this.profile = profile;
    }

    Optional<KdfParams> kdf() throws SQLException {
        String sql = "SELECT algorithm, memory_kib, iterations, parallelism, mac FROM kdf_pin";
        try (PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            KdfFields f = new KdfFields(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
            check(PinMacs.kdf(profile, f), rs.getBytes(5), "the KDF pin");
            return Optional.of(f.toParams());
        }
    }

    void writeKdf(KdfParams params) throws SQLException {
        KdfFields f = KdfFields.of(params);
        String sql =
                "INSERT OR REPLACE INTO kdf_pin (id, algorithm, memory_kib, iterations,"
                        + " parallelism, mac) VALUES (1, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, f.algorithm());
            ps.setInt(2, f.memoryKiB());
            ps.setInt(3, f.iterations());
            ps.setInt(4, f.parallelism());
            ps.setBytes(5, key.mac(PinMacs.kdf(profile, f)));
            ps.executeUpdate();
        }
    }

    Optional<TeamPin> team(String teamId) throws SQLException {
        List<TeamPin> pins = teams("WHERE team_id = ?", teamId);
        return pins.isEmpty() ? Optional.empty() : Optional.of(pins.get(0));
    }

    List<TeamPin> teams() throws SQLException {
        return teams("", null);
    }

    private List<TeamPin> teams(String where, String teamId) throws SQLException {
        String sql =
                "SELECT team_id, genesis_hash, last_seq, head_hash, mac FROM team "
                        + where
                        + " ORDER BY team_id";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (teamId != null) {
                ps.setString(1, teamId);
            }
            List<TeamPin> pins = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TeamPin pin = teamPin(rs);
                    check(PinMacs.team(profile, pin), rs.getBytes(5), "the pin of a team");
                    pins.add(pin);
                }
            }
            return pins;
        }
    }

    private static TeamPin teamPin(ResultSet rs) throws SQLException {
        try {
            return new TeamPin(rs.getString(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CacheTamperedException("cache: the pin of a team is malformed");
        }
    }

    void writeTeam(TeamPin pin) throws SQLException {
        String sql =
                "INSERT OR REPLACE INTO team (team_id, genesis_hash, last_seq, head_hash, mac)"
                        + " VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, pin.teamId());
            ps.setBytes(2, pin.genesisHash());
            ps.setLong(3, pin.lastSeq());
            ps.setBytes(4, pin.headHash());
            ps.setBytes(5, key.mac(PinMacs.team(profile, pin)));
            ps.executeUpdate();
        }
    }

    Optional<VaultHeadPin> vaultHead(String vaultId) throws SQLException {
        List<VaultHeadPin> pins = vaultHeads("WHERE h.vault_id = ?", vaultId);
        return pins.isEmpty() ? Optional.empty() : Optional.of(pins.get(0));
    }

    List<VaultHeadPin> vaultHeads() throws SQLException {
        return vaultHeads("", null);
    }

    private List<VaultHeadPin> vaultHeads(String where, String vaultId) throws SQLException {
        String sql =
                "SELECT v.team_id, h.vault_id, h.counter, h.key_version, h.items_digest,"
                        + " h.item_count, h.author_id, h.log_seq, h.signature, h.mac"
                        + " FROM vault_head h JOIN vault v ON v.vault_id = h.vault_id "
                        + where
                        + " ORDER BY h.vault_id";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (vaultId != null) {
                ps.setString(1, vaultId);
            }
            List<VaultHeadPin> pins = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VaultHeadPin pin = headPin(rs);
                    check(PinMacs.vaultHead(profile, pin), rs.getBytes(10), "the head of a vault");
                    pins.add(pin);
                }
            }
            return pins;
        }
    }

    private static VaultHeadPin headPin(ResultSet rs) throws SQLException {
        try {
            VaultHead head =
                    new VaultHead(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getInt(4),
                            rs.getBytes(5),
                            rs.getInt(6),
                            rs.getString(7),
                            rs.getLong(8));
            return new VaultHeadPin(head, rs.getBytes(9));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CacheTamperedException("cache: the head of a vault is malformed");
        }
    }

    void writeVaultHead(VaultHeadPin pin) throws SQLException {
        VaultHead h = pin.head();
        String sql =
                "INSERT OR REPLACE INTO vault_head (vault_id, counter, key_version,"
                        + " items_digest, item_count, author_id, log_seq, signature, mac)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, h.vaultId());
            ps.setLong(2, h.counter());
            ps.setInt(3, h.keyVersion());
            ps.setBytes(4, h.itemsDigest());
            ps.setInt(5, h.itemCount());
            ps.setString(6, h.authorId());
            ps.setLong(7, h.logSeq());
            ps.setBytes(8, pin.signature());
            ps.setBytes(9, key.mac(PinMacs.vaultHead(profile, pin)));
            ps.executeUpdate();
        }
    }

    /** Verifies the meta row's MAC (the first thing checked with the key at open). */
    void checkMeta(int formatVersion, long createdAt, byte[] mac) {
        check(PinMacs.meta(profile, formatVersion, createdAt), mac, "the meta row");
    }

    byte[] metaMac(int formatVersion, long createdAt) {
        return key.mac(PinMacs.meta(profile, formatVersion, createdAt));
    }

    private void check(byte[] data, byte[] mac, String what) {
        if (!key.verify(data, mac)) {
            throw new CacheTamperedException(
                    "cache: "
                            + what
                            + " does not verify under the cache key (edited outside Strongroom,"
                            + " or opened with the wrong key)");
        }
    }
}
