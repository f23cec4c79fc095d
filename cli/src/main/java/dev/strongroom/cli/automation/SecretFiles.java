package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.crypto.common.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Reading the small text inputs of the headless commands, and writing their secret output: into a
 * temporary file created owner-only (0600) next to the target, flushed to disk, then renamed over
 * it in one step, so a reader sees the old file or the whole new one, never a part, and the secrets
 * are never readable by others even for a moment.
 */
final class SecretFiles {

    static final int MAX_INPUT = 1 << 20;

    private SecretFiles() {}

    /** A text input of at most 1 MiB. */
    static String readText(Path file, String what) {
        try {
            if (Files.size(file) > MAX_INPUT) {
                throw new CliException(ExitCode.USAGE, what + " " + file + " is larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CliException(ExitCode.USAGE, what + " " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read " + what + " " + file);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically with mode 0600; wipes nothing. */
    static void writeAtomically(Path target, char[] text) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        try {
            Files.createFile(
                    temp,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                while (utf8.hasRemaining()) {
                    ch.write(utf8);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("atomic rename not supported", e);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do: the target was not touched
            }
            throw new CliException(ExitCode.ERROR, "cannot write " + target);
        } finally {
            if (utf8.hasArray()) {
                Bytes.wipe(utf8.array());
            }
        }
    }

    /** Writes {@code text} to an output stream (stdout) as UTF-8. */
    static void write(OutputStream out, char[] text) throws IOException {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        try {
            out.write(utf8.array(), utf8.arrayOffset(), utf8.remaining());
            out.flush();
        } finally {
            Bytes.wipe(utf8.array());
        }
    }
}
