package dev.strongroom.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache, its SQLite companions and its pin file are owner-only; so is a directory it makes. */
class FilePermissionsTest {

    @TempDir Path dir;

    @BeforeEach
    void posixOnly() throws Exception {
        assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "file system without POSIX permissions");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void createdFilesAndDirectoryAreOwnerOnly() throws Exception {
        Path profileDir = dir.resolve("profiles").resolve("acc-7f1c@vault.example.org");
        Path file = profileDir.resolve("cache.db");
        CacheFixture fx = new CacheFixture();
        try (LocalCache cache = CacheFixture.open(file)) {
            cache.apply(fx.base(2).build()); // writes a WAL and the pin file
            assertThat(mode(profileDir)).isEqualTo("rwx------");
            assertThat(mode(profileDir.getParent())).isEqualTo("rwx------");
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(PinStore.pathFor(file))).isEqualTo("rw-------");
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = profileDir.resolve("cache.db" + suffix);
                assertThat(companion).exists();
                assertThat(mode(companion)).isEqualTo("rw-------");
            }
        }
        // closing checkpoints the WAL; no temporary or companion file is left behind
        try (Stream<Path> left = Files.list(profileDir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cache.db", "cache.db.pins");
        }
    }

    @Test
    void rebuiltCacheIsOwnerOnlyToo() throws Exception {
        Path file = dir.resolve("cache.db");
        Files.write(file, new byte[4096]);
        try (CacheKey key = CacheFixture.key();
                LocalCache cache = LocalCache.rebuild(file, key, CacheFixture.PROFILE)) {
            assertThat(cache.file()).isEqualTo(file);
            assertThat(mode(file)).isEqualTo("rw-------");
        }
    }
}
