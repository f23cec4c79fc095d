package dev.strongroom.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads secrets (passwords, TOTP seeds) as char[]: typed without echo on a terminal, or one line
 * from standard input for scripts. It never prompts when there is no terminal, so a script cannot
 * hang waiting for a human.
 */
public final class SecretInput {

    /** Longer lines are refused rather than buffered without bound. */
    static final int MAX_CHARS = 64 * 1024;

    private SecretInput() {}

    public static char[] prompt(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new CliException(
                    ExitCode.USAGE,
                    "no terminal to ask on: pass the secret on stdin with --password-stdin");
        }
        char[] typed = console.readPassword("%s: ", prompt);
        if (typed == null) {
            throw new CliException(ExitCode.USAGE, "no input");
        }
        return typed;
    }

    /** One line from {@code in}, without its line ending; binary junk is refused. */
    public static char[] readLine(InputStream in) {
        Reader reader =
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
        char[] buffer = new char[256];
        int length = 0;
        try {
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (length == MAX_CHARS) {
                    throw new CliException(ExitCode.USAGE, "the input line is too long");
                }
                if (c == 0) {
                    throw new CliException(ExitCode.USAGE, "the input contains a NUL byte");
                }
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_CHARS));
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            Arrays.fill(buffer, '\0');
            throw new CliException(ExitCode.USAGE, "the input is not valid UTF-8 text");
        } catch (IOException e) {
            Arrays.fill(buffer, '\0');
            throw new CliException(ExitCode.ERROR, "could not read standard input");
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }
}
