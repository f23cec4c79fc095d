package dev.strongroom.cli.account;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.SecretInput;
import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;

/**
 * Reads master passwords as char[]: without echo on a terminal, or as lines of standard input with
 * {@code --password-stdin}. Never prompts without a terminal. The caller wipes what it gets.
 */
final class Passwords {

    /** New master passwords shorter than this are refused. */
    static final int MIN_NEW_LENGTH = 8;

    private Passwords() {}

    /** An existing password (login, unlock). */
    static char[] existing(boolean stdin, String prompt) {
        char[] password = stdin ? SecretInput.readLine(System.in) : SecretInput.prompt(prompt);
        return checked(password, false);
    }

    /** A new password: typed twice on a terminal, one line on stdin. */
    static char[] chosen(boolean stdin, String prompt) {
        if (stdin) {
            return checked(SecretInput.readLine(System.in), true);
        }
        char[] first = checked(SecretInput.prompt(prompt), true);
        char[] again = SecretInput.prompt("Repeat it");
        try {
            if (!Arrays.equals(first, again)) {
                Bytes.wipe(first);
                throw new CliException(ExitCode.USAGE, "the two passwords do not match");
            }
            return first;
        } finally {
            Bytes.wipe(again);
        }
    }

    /** The current and a new password: two lines on stdin, or three prompts. */
    static char[][] change(boolean stdin) {
        if (stdin) {
            char[][] lines = SecretInput.readLines(System.in, 2);
            try {
                checked(lines[0], false);
                checked(lines[1], true);
                return lines;
            } catch (RuntimeException e) {
                Bytes.wipe(lines[0]);
                Bytes.wipe(lines[1]);
                throw e;
            }
        }
        char[] current = checked(SecretInput.prompt("Current master password"), false);
        try {
            return new char[][] {current, chosen(false, "New master password")};
        } catch (RuntimeException e) {
            Bytes.wipe(current);
            throw e;
        }
    }

    /**
     * Refuses empty input, control characters, and (for new ones) short passwords; wipes refusals.
     */
    private static char[] checked(char[] password, boolean isNew) {
        String problem = null;
        if (password.length == 0) {
            problem = "no password given (empty line or no input)";
        } else if (hasControlCharacters(password)) {
            problem = "the password contains control characters (binary input?)";
        } else if (isNew && password.length < MIN_NEW_LENGTH) {
            problem = "a new master password needs at least " + MIN_NEW_LENGTH + " characters";
        }
        if (problem != null) {
            Bytes.wipe(password);
            throw new CliException(ExitCode.USAGE, problem);
        }
        return password;
    }

    private static boolean hasControlCharacters(char[] password) {
        for (char c : password) {
            if (Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
