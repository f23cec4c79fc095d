package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.TEAM;
import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.kdf.Argon2idParams;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken cache files are refused before anything is read from them, and a rebuild
 * keeps the broken file aside (never deleted) while the pin file carries the genesis hashes and the
 * KDF pin over to the fresh cache.
 */
class CorruptFileTest {

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();

    private Path seeded() {
        Path file = dir.resolve("cache.db");
        try (LocalCache cache = CacheFixture.open(file)) {
            cache.pinKdf(new Argon2idParams(65536, 3, 4));
            CacheBatch.Builder b = fx.base(2);
            for (int i = 0; i < 80; i++) {
                b.item(fx.item("item-" + i, 1, "content ".repeat(128) + i));
            }
            cache.apply(b.build());
        }
        return file;
    }

    private static void assertCorrupt(Path file) {
        assertThatThrownBy(() -> CacheFixture.open(file)).isInstanceOf(CacheCorruptException.class);
    }

    @Test
    void zeroLengthFileIsCorruptAndLeftUntouched() throws IOException {
        Path file = dir.resolve("cache.db");
        Files.createFile(file);
        assertCorrupt(file);
        assertThat(Files.size(file)).isZero();
        assertThat(Files.exists(dir.resolve("cache.db-wal"))).isFalse();
    }

    @Test
    void garbageFileIsCorrupt() throws IOException {
        Path file = dir.resolve("cache.db");
        byte[] junk = new byte[8192];
        new Random(1).nextBytes(junk);
        Files.write(file, junk);
        assertCorrupt(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
    }

    @Test
    void garbageBehindAnSqliteHeaderIsCorrupt() throws IOException {
        Path file = dir.resolve("cache.db");
        byte[] junk = new byte[8192];
        new Random(2).nextBytes(junk);
        System.arraycopy("SQLite format 3\0".getBytes(), 0, junk, 0, 16);
        Files.write(file, junk);
        assertCorrupt(file);
    }

    @Test
    void truncatedToHalfIsCorrupt() throws IOException {
        Path file = seeded();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertCorrupt(file);
    }

    @Test
    void truncatedInsideTheHeaderIsCorrupt() throws IOException {
        Path file = seeded();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(300);
        }
        assertCorrupt(file);
    }

    @Test
    void scribbledBTreePageIsCorrupt() throws Exception {
        Path file = seeded();
        int pageSize;
        try (Connection c = CacheFixture.jdbc(file)) {
            var rs = c.createStatement().executeQuery("PRAGMA page_size");
            rs.next();
            pageSize = rs.getInt(1);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] ff = new byte[64];
            Arrays.fill(ff, (byte) 0xff);
            for (long page = 2; page * pageSize < raf.length(); page += 3) {
                raf.seek(page * pageSize);
                raf.write(ff);
            }
        }
        assertCorrupt(file);
    }

    @Test
    void foreignSqliteDatabaseIsCorrupt() throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection c = CacheFixture.jdbc(file)) {
            c.createStatement().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        }
        assertCorrupt(file);
    }

    @Test
    void newerFormatVersionIsRefusedWithoutFallback() throws Exception {
        Path file = seeded();
        try (Connection c = CacheFixture.jdbc(file)) {
            c.createStatement().execute("PRAGMA user_version = 2");
        }
        assertThatThrownBy(() -> CacheFixture.open(file))
                .isInstanceOfSatisfying(
                        UnsupportedCacheFormatException.class,
                        e -> {
                            assertThat(e.detected()).isEqualTo(2);
                            assertThat(e.supported()).isEqualTo(1);
                        });
    }

    @Test
    void alteredSchemaIsCorrupt() throws Exception {
        Path file = seeded();
        try (Connection c = CacheFixture.jdbc(file)) {
            c.createStatement().execute("DROP TRIGGER item_no_rollback");
        }
        assertCorrupt(file);
    }

    @Test
    void missingMetaRowIsCorrupt() throws Exception {
        Path file = seeded();
        try (Connection c = CacheFixture.jdbc(file)) {
            c.createStatement().execute("DELETE FROM meta");
        }
        assertCorrupt(file);
    }

    @Test
    void cacheOfAnotherProfileIsCorrupt() {
        Path file = seeded();
        try (CacheKey key = CacheFixture.key()) {
            CacheProfile other = new CacheProfile("acc-7f1c", "https://other.example.org");
            assertThatThrownBy(() -> LocalCache.open(file, key, other))
                    .isInstanceOf(CacheCorruptException.class);
        }
    }

    @Test
    void rebuildKeepsTheBadFileAsideAndThePinsAlive() throws Exception {
        Path file = seeded();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        Files.write(dir.resolve("cache.db-wal"), new byte[] {1, 2, 3}); // a stale companion
        byte[] bad = Files.readAllBytes(file);
        assertCorrupt(file);

        try (CacheKey key = CacheFixture.key();
                LocalCache fresh = LocalCache.rebuild(file, key, CacheFixture.PROFILE)) {
            assertThat(fresh.items(VAULT)).isEmpty();
            assertThat(fresh.teamPin(TEAM)).isEmpty();
            assertThat(fresh.pinnedGenesis(TEAM)).isPresent();
            assertThat(fresh.kdfPin()).contains(new Argon2idParams(65536, 3, 4));
        }
        List<Path> aside;
        try (Stream<Path> files = Files.list(dir)) {
            aside =
                    files.filter(p -> p.getFileName().toString().contains(".corrupt-"))
                            .sorted()
                            .toList();
        }
        // the database and every companion SQLite made or found (-wal, maybe -shm) move together
        assertThat(aside.get(0).getFileName().toString())
                .matches("cache\\.db\\.corrupt-\\d{8}T\\d{9}Z");
        assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(bad);
        Path wal = aside.get(0).resolveSibling(aside.get(0).getFileName() + "-wal");
        assertThat(aside)
                .contains(wal)
                .allMatch(p -> p.toString().startsWith(aside.get(0).toString()));
        assertThat(Files.readAllBytes(wal)).containsExactly(1, 2, 3);
        try (LocalCache reopened = CacheFixture.open(file)) {
            assertThat(reopened.kdfPin()).isPresent();
        }
    }

    @Test
    void rebuildingTwiceKeepsBothBadFiles() throws Exception {
        Path file = dir.resolve("cache.db");
        for (int i = 0; i < 2; i++) {
            Files.write(file, ("junk " + i).repeat(200).getBytes());
            try (CacheKey key = CacheFixture.key()) {
                LocalCache.rebuild(file, key, CacheFixture.PROFILE).close();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-")))
                    .hasSize(2);
        }
    }
}
