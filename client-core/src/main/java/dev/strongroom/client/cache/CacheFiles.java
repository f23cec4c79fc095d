package dev.strongroom.client.cache;

import dev.strongroom.crypto.common.Randoms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * File-level work: owner-only creation, header sniffing, atomic replace, moving bad files aside.
 */
final class CacheFiles {

    private static final byte[] SQLITE_MAGIC =
            "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** SQLite's header is 100 bytes and its smallest page 512: anything shorter is truncated. */
    private static final int MIN_SQLITE_FILE = 512;

    /** SQLite's companion files, moved together with the database so none is ever orphaned. */
    static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private CacheFiles() {}

    static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /** Creates the directory (and missing parents) as 0700 where POSIX permissions exist. */
    static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && posix(existing)) {
            Files.createDirectories(
                    dir,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Creates an empty file readable only by its owner (0600 where POSIX permissions exist). SQLite
     * gives its -wal and -shm files the database file's mode, so they are owner-only too.
     *
     * @throws FileAlreadyExistsException if it exists
     */
    static void createOwnerOnly(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (posix(dir)) {
            FileAttribute<?> mode =
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, mode);
        } else {
            Files.createFile(file);
        }
    }

    /** Refuses, before SQLite touches it, a file that is empty, too short or not SQLite. */
    static void checkSqliteHeader(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new CacheCorruptException("cache file " + file.getFileName() + " is empty");
        }
        if (size < MIN_SQLITE_FILE) {
            throw new CacheCorruptException("cache file " + file.getFileName() + " is truncated");
        }
        byte[] head = new byte[SQLITE_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length
                    || !Arrays.equals(head, SQLITE_MAGIC)) {
                throw new CacheCorruptException(
                        "cache file " + file.getFileName() + " is not an SQLite database");
            }
        }
    }

    /**
     * Replaces {@code file} with {@code data} atomically: a temporary owner-only file in the same
     * directory is written and fsynced, renamed over the target, then the directory is fsynced. A
     * crash leaves either the old or the new content, never a mix.
     */
    static void writeAtomically(Path file, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp =
                dir.resolve(
                        file.getFileName() + ".tmp-" + HexFormat.of().formatHex(Randoms.bytes(8)));
        createOwnerOnly(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp); // only our own temporary file, and only if the move failed
        }
    }

    /** Makes a rename durable. Not every platform can open a directory; there it is skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; its rename is durable once the file is flushed.
        }
    }

    /**
     * Renames the database and its companion files to {@code <name>.corrupt-<UTC time>} (and {@code
     * -wal}, {@code -shm} after it, so the set can still be opened for inspection). Never deletes
     * anything.
     *
     * @return the new name of the database file
     */
    static Path moveAside(Path file, Instant now) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(now);
        Path aside = file.resolveSibling(base);
        for (int n = 1; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, aside);
        for (String suffix : COMPANIONS) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        return aside;
    }
}
