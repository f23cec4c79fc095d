package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.TEAM;
import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.kdf.Argon2idParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pinned trust state edited outside Strongroom (plain JDBC on the closed file, or the pin file's
 * bytes) is detected: opening raises {@link CacheTamperedException}, and so does reading a pin that
 * was edited while the cache was open.
 */
class TamperDetectionTest {

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();
    private Path file;

    @BeforeEach
    void seed() {
        file = dir.resolve("cache.db");
        try (LocalCache cache = CacheFixture.open(file)) {
            cache.pinKdf(new Argon2idParams(65536, 3, 4));
            cache.apply(fx.base(2).vaultHead(fx.head(7, 0)).build());
        }
    }

    /** Flips one bit of one column of the single row of a table, with plain JDBC. */
    private void flipByte(String table, String column) throws SQLException {
        try (Connection c = CacheFixture.jdbc(file)) {
            byte[] value;
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT " + column + " FROM " + table + " LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object raw = rs.getObject(1);
                if (raw instanceof byte[] b) {
                    value = b;
                    value[value.length / 2] ^= 0x01;
                    try (PreparedStatement up =
                            c.prepareStatement("UPDATE " + table + " SET " + column + " = ?")) {
                        up.setBytes(1, value);
                        up.executeUpdate();
                    }
                    return;
                }
            }
            // numbers: nudge by one (a seq, a counter or a KDF cost moved by an attacker)
            try (PreparedStatement up =
                    c.prepareStatement(
                            "UPDATE " + table + " SET " + column + " = " + column + " - 1")) {
                up.executeUpdate();
            }
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "team, genesis_hash",
        "team, last_seq",
        "team, head_hash",
        "team, mac",
        "vault_head, counter",
        "vault_head, items_digest",
        "vault_head, item_count",
        "vault_head, signature",
        "vault_head, mac",
        "kdf_pin, memory_kib",
        "kdf_pin, iterations",
        "kdf_pin, mac",
        "meta, created_at",
        "meta, mac"
    })
    void editedPinIsDetectedAtOpen(String table, String column) throws Exception {
        flipByte(table, column);
        assertThatThrownBy(() -> CacheFixture.open(file))
                .isInstanceOf(CacheTamperedException.class);
    }

    @Test
    void pinRowCopiedToAnotherTeamIsDetected() throws Exception {
        try (Connection c = CacheFixture.jdbc(file)) {
            c.createStatement()
                    .executeUpdate(
                            "INSERT INTO team SELECT 'team-2', genesis_hash, last_seq, head_hash,"
                                    + " mac FROM team WHERE team_id = '"
                                    + TEAM
                                    + "'");
        }
        assertThatThrownBy(() -> CacheFixture.open(file))
                .isInstanceOf(CacheTamperedException.class);
    }

    @Test
    void pinEditedWhileOpenIsDetectedOnRead() throws Exception {
        try (LocalCache cache = CacheFixture.open(file)) {
            flipByte("vault_head", "counter");
            assertThatThrownBy(() -> cache.vaultHead(VAULT))
                    .isInstanceOf(CacheTamperedException.class);
            // and a sync cannot build on the tampered pin either
            assertThatThrownBy(() -> cache.pinVaultHead(fx.head(8, 0)))
                    .isInstanceOf(CacheTamperedException.class);
        }
    }

    @Test
    void wrongKeyIsDetected() {
        try (CacheKey other = CacheFixture.otherKey()) {
            assertThatThrownBy(() -> LocalCache.open(file, other, CacheFixture.PROFILE))
                    .isInstanceOf(CacheTamperedException.class);
        }
    }

    @Test
    void editedPinFileIsDetected() throws Exception {
        Path pins = PinStore.pathFor(file);
        byte[] bytes = Files.readAllBytes(pins);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(pins, bytes);
        assertThatThrownBy(() -> CacheFixture.open(file))
                .isInstanceOf(CacheTamperedException.class);
    }

    @Test
    void truncatedPinFileIsDetected() throws Exception {
        Path pins = PinStore.pathFor(file);
        Files.write(pins, new byte[10]);
        assertThatThrownBy(() -> CacheFixture.open(file))
                .isInstanceOf(CacheTamperedException.class);
    }

    @Test
    void pinFileAndCacheDisagreeingOnGenesisIsDetected() throws Exception {
        byte[] other = new byte[32];
        try (CacheKey key = CacheFixture.key()) {
            new PinStore(CacheFixture.PROFILE, null, Map.of(TEAM, other))
                    .save(PinStore.pathFor(file), key);
        }
        assertThatThrownBy(() -> CacheFixture.open(file))
                .isInstanceOf(CacheTamperedException.class);
    }

    @Test
    void untouchedFileOpens() {
        try (LocalCache cache = CacheFixture.open(file)) {
            assertThat(cache.teamPin(TEAM)).contains(fx.pin(2));
        }
    }
}
