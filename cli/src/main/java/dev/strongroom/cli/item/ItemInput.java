package dev.strongroom.cli.item;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads item values from standard input or files as char[] (never a String): strict UTF-8, no NUL,
 * at most {@link #MAX_BYTES}. Anything else is a usage error (exit 2) with one line naming the
 * source, never the content.
 */
final class ItemInput {

    /** Larger than the largest valid field (a 1 MiB note) with room for multi-byte characters. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private ItemInput() {}

    /** All of stdin. */
    static char[] stdin(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "could not read standard input");
        }
        return decode(bytes, "standard input");
    }

    /** All of a file. */
    static char[] file(Path path) {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge(path.toString());
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.NOT_FOUND, "no such file: " + path);
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read " + path);
        }
        return decode(bytes, path.toString());
    }

    private static CliException tooLarge(String source) {
        return new CliException(
                ExitCode.USAGE, source + " is too large (more than " + (MAX_BYTES >> 20) + " MiB)");
    }

    private static char[] decode(byte[] bytes, String source) {
        try {
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(source);
            }
            for (byte b : bytes) {
                if (b == 0) {
                    throw new CliException(ExitCode.USAGE, source + " contains a NUL byte");
                }
            }
            CharBuffer chars =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes));
            char[] out = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCode.USAGE, source + " is not valid UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Drops one trailing line break (LF or CRLF): what `echo` and editors add to one line. */
    static char[] chompOne(char[] chars) {
        int end = chars.length;
        if (end > 0 && chars[end - 1] == '\n') {
            end--;
            if (end > 0 && chars[end - 1] == '\r') {
                end--;
            }
        }
        if (end == chars.length) {
            return chars;
        }
        char[] out = Arrays.copyOf(chars, end);
        Arrays.fill(chars, '\0');
        return out;
    }
}
