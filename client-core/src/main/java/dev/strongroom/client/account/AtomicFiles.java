package dev.strongroom.client.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Small files written so that a reader sees the old content or the new, never a torn mix, and the
 * new content survives a crash once the call returns: write a temporary file (0600) in the same
 * directory, fsync it, rename it over the target, fsync the directory. Directories are created
 * 0700.
 */
final class AtomicFiles {

    private static final boolean POSIX =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {}

    static void write(Path file, byte[] data) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            createPrivateDirectories(dir);
            tmp =
                    POSIX
                            ? Files.createTempFile(
                                    dir,
                                    "." + target.getFileName(),
                                    ".tmp",
                                    PosixFilePermissions.asFileAttribute(
                                            PosixFilePermissions.fromString("rw-------")))
                            : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(
                        tmp,
                        target,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new LocalStateException(
                        "cannot replace " + target + " atomically on this file system", e);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new LocalStateException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; a stray temporary file is harmless
                }
            }
        }
    }

    /** The file's bytes, empty when it does not exist; refused when larger than {@code max}. */
    static Optional<byte[]> read(Path file, long max) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            if (Files.size(file) > max) {
                throw new LocalStateException(file + " is larger than " + max + " bytes");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LocalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        FileAttribute<?>[] attrs =
                POSIX
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rwx------"))
                        }
                        : new FileAttribute<?>[0];
        try {
            Files.createDirectory(dir, attrs);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename itself is still atomic.
        }
    }
}
