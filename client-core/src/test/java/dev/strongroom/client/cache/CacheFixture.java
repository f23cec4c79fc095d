package dev.strongroom.client.cache;

import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntries;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.UnverifiedLogEntry;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.vault.VaultHead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds real signed team logs, items and heads for cache tests, plus a raw dump of a cache file so
 * tests can assert that a failed operation changed nothing at all.
 */
final class CacheFixture {

    static final CacheProfile PROFILE = new CacheProfile("acc-7f1c", "https://vault.example.org");
    static final String TEAM = "team-1";
    static final String VAULT = "vault-1";

    final IdentityKeys founder = IdentityKeys.generate();
    final String founderId = "acc-7f1c";
    final List<SignedLogEntry> log = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();

    CacheFixture() {
        PublicBundle bundle =
                founder.publicBundle(founderId, "ada@example.org", 1_700_000_000_000L);
        append(
                new LogAction.CreateTeam(
                        null,
                        PublicBundleJson.of(bundle),
                        dev.strongroom.model.log.TeamNames.seal(
                                TEAM,
                                1,
                                founderId,
                                founder.encryptionPublicKey(),
                                founder,
                                "Platform")));
        append(new LogAction.CreateVault(VAULT, Base64Url.encode(new byte[32])));
        append(new LogAction.ChangeRole(founderId, Role.OWNER));
    }

    static CacheKey key() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 0x42);
        return CacheKey.fromBytes(bytes);
    }

    static CacheKey otherKey() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 0x43);
        return CacheKey.fromBytes(bytes);
    }

    static LocalCache open(Path file) {
        try (CacheKey key = key()) {
            return LocalCache.open(file, key, PROFILE);
        }
    }

    void append(LogAction action) {
        byte[] prev =
                hashes.isEmpty() ? LogEntries.genesisPrevHash() : hashes.get(hashes.size() - 1);
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        TEAM,
                        log.size(),
                        Base64Url.encode(prev),
                        founderId,
                        1_700_000_000_000L + log.size(),
                        action);
        SignedLogEntry entry = SignedLogEntry.sign(body, founder);
        log.add(entry);
        hashes.add(UnverifiedLogEntry.decode(entry).hash());
    }

    /** The pin after verifying entries 0..seq. */
    TeamPin pin(int seq) {
        return new TeamPin(TEAM, hashes.get(0), seq, hashes.get(seq));
    }

    /** A batch that pins the team at {@code seq} and stores entries 0..seq and the vault. */
    CacheBatch.Builder base(int seq) {
        CacheBatch.Builder b = CacheBatch.builder().teamPin(pin(seq));
        for (int i = 0; i <= seq; i++) {
            b.logEntry(log.get(i));
        }
        return b.vault(new CachedVault(VAULT, TEAM, bytes("vault-name-ciphertext")));
    }

    CachedItem item(String itemId, long revision, String content) {
        return item(VAULT, itemId, revision, content, false);
    }

    CachedItem item(String vaultId, String itemId, long revision, String content, boolean deleted) {
        byte[] wrapped = deleted ? new byte[0] : bytes("wrapped-key-" + itemId + "-" + revision);
        byte[] body = deleted ? new byte[0] : bytes(content);
        ItemRevision r =
                ItemRevision.of(
                        TEAM, vaultId, itemId, revision, 1, wrapped, body, deleted, founderId, 2);
        return CachedItem.of(r, wrapped, body, r.sign(founder));
    }

    VaultHeadPin head(long counter, int itemCount) {
        VaultHead head =
                new VaultHead(
                        TEAM,
                        VAULT,
                        counter,
                        1,
                        VaultHead.digestOf(java.util.Map.of()),
                        itemCount,
                        founderId,
                        2);
        return new VaultHeadPin(head, head.sign(founder));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Connection jdbc(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Every row of every table, as text, in a stable order: equal dumps mean equal content. */
    static List<String> dump(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = jdbc(file);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            row.append('|')
                                    .append(
                                            value instanceof byte[] b
                                                    ? HexFormat.of().formatHex(b)
                                                    : String.valueOf(value));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }
}
