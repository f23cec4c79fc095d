package dev.strongroom.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite settings the cache relies on, on a fresh and on a reopened file. */
class ConnectionSettingsTest {

    @TempDir Path dir;

    @Test
    void walFullSyncForeignKeysBusyTimeoutAndUntrustedSchema() {
        Path file = dir.resolve("cache.db");
        CacheFixture.open(file).close();
        for (int round = 0; round < 2; round++) { // created, then reopened
            try (LocalCache cache = CacheFixture.open(file)) {
                assertThat(cache.pragma("journal_mode")).isEqualTo("wal");
                assertThat(cache.pragma("synchronous")).isEqualTo("2"); // FULL
                assertThat(cache.pragma("foreign_keys")).isEqualTo("1");
                assertThat(cache.pragma("busy_timeout")).isEqualTo("5000");
                assertThat(cache.pragma("trusted_schema")).isEqualTo("0");
                assertThat(cache.pragma("application_id"))
                        .isEqualTo(Integer.toString(Schema.APPLICATION_ID));
                assertThat(cache.pragma("user_version")).isEqualTo("1");
            }
        }
    }

    @Test
    void corruptionFoundAfterOpenIsTypedAsCorrupt() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheFixture fx = new CacheFixture();
        try (LocalCache cache = CacheFixture.open(file)) {
            CacheBatch.Builder b = fx.base(2);
            for (int i = 0; i < 60; i++) {
                b.item(fx.item("item-" + i, 1, "x".repeat(2000)));
            }
            cache.apply(b.build());
        }
        int pageSize;
        try (Connection c = CacheFixture.jdbc(file)) {
            var rs = c.createStatement().executeQuery("PRAGMA page_size");
            rs.next();
            pageSize = rs.getInt(1);
        }
        try (LocalCache cache = CacheFixture.open(file)) {
            // another process scribbles over the item table's pages while the cache is open
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                byte[] junk = new byte[pageSize];
                java.util.Arrays.fill(junk, (byte) 0x5a);
                for (long page = 8; page * pageSize < raf.length(); page++) {
                    raf.seek(page * pageSize);
                    raf.write(junk);
                }
            }
            assertThatThrownBy(() -> cache.items(CacheFixture.VAULT))
                    .isInstanceOf(CacheCorruptException.class);
        }
    }
}
