package dev.strongroom.cli;

import dev.strongroom.client.account.LocalStateException;
import dev.strongroom.client.account.WrongPasswordException;
import dev.strongroom.client.agent.AgentException;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.api.ApiException;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.api.ForbiddenException;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.api.NotFoundException;
import dev.strongroom.client.api.RateLimitedException;
import dev.strongroom.client.api.ServerFaultException;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.api.TlsHandshakeException;
import dev.strongroom.client.cache.CacheException;
import dev.strongroom.client.cache.CacheTamperedException;
import dev.strongroom.client.cache.RollbackRefusedException;
import dev.strongroom.client.cert.PemException;
import dev.strongroom.client.item.ItemFormatException;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.client.session.SessionLockedException;
import dev.strongroom.client.ssh.SshKeyException;
import dev.strongroom.client.totp.TotpException;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.InvalidPassphraseException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import java.io.PrintWriter;

/**
 * Turns any failure into one line on stderr and an exit code: no stack trace, no secret. Unknown
 * exceptions get a generic line, because their messages were not written with secrets in mind. The
 * agent uses the same classification for its error replies, so a failure reads the same whichever
 * process it happened in.
 */
public final class ErrorReporter {

    /** What the CLI prints for a vault command when no agent holds the unlocked keys. */
    public static final String LOCKED = "locked: run strongroom unlock";

    private static final int MAX_MESSAGE = 400;

    private ErrorReporter() {}

    static int report(Throwable failure, PrintWriter err, String serverUrl) {
        Classified c = classify(failure, serverUrl);
        err.println("strongroom: " + c.message());
        err.flush();
        return c.code().code();
    }

    /** An exit code and the one line to print for it. */
    public record Classified(ExitCode code, String message) {
        public Classified {
            message = oneLine(message);
        }
    }

    /**
     * Classifies a failure.
     *
     * @param serverUrl the server the command talked to, for "cannot reach" messages (or null)
     */
    public static Classified classify(Throwable failure, String serverUrl) {
        if (failure instanceof CliException e) {
            return new Classified(e.exitCode(), e.getMessage());
        }
        Classified client = classifyClientCore(failure, serverUrl);
        if (client != null) {
            return client;
        }
        if (failure instanceof InvalidPassphraseException) {
            return new Classified(ExitCode.AUTHENTICATION, "wrong password");
        }
        if (failure instanceof UnsupportedFormatException e) {
            return new Classified(ExitCode.SECURITY_ALERT, "security alert: " + e.getMessage());
        }
        if (failure instanceof AuthenticationFailedException) {
            return new Classified(
                    ExitCode.SECURITY_ALERT,
                    "security alert: data failed authentication and was not used");
        }
        if (failure instanceof CryptoException e) {
            return new Classified(ExitCode.ERROR, e.getMessage());
        }
        if (failure instanceof TotpException
                || failure instanceof SshKeyException
                || failure instanceof PemException
                || failure instanceof ItemValidationException) {
            // client-core writes these messages to name the field and rule, never the value.
            return new Classified(ExitCode.ERROR, failure.getMessage());
        }
        if (failure instanceof OutOfMemoryError) {
            return new Classified(ExitCode.ERROR, "out of memory (is the input far too large?)");
        }
        return new Classified(
                ExitCode.ERROR,
                "unexpected internal error (" + failure.getClass().getSimpleName() + ")");
    }

    /** The account, session and server exceptions of client-core; null for anything else. */
    private static Classified classifyClientCore(Throwable failure, String serverUrl) {
        if (failure instanceof SecurityAlert e) {
            return new Classified(ExitCode.SECURITY_ALERT, "security alert: " + e.getMessage());
        }
        if (failure instanceof WrongPasswordException e) {
            return new Classified(ExitCode.AUTHENTICATION, e.getMessage());
        }
        if (failure instanceof SessionLockedException || failure instanceof AgentException) {
            return new Classified(ExitCode.AUTHENTICATION, LOCKED);
        }
        if (failure instanceof AuthenticationException e) {
            return new Classified(
                    ExitCode.AUTHENTICATION,
                    "the server refused the session ("
                            + e.wireCode()
                            + "): run strongroom lock, then strongroom unlock");
        }
        if (failure instanceof ServerUnreachableException) {
            return new Classified(
                    ExitCode.ERROR,
                    serverUrl == null
                            ? "cannot reach the server"
                            : "cannot reach the server at " + serverUrl);
        }
        if (failure instanceof RateLimitedException e) {
            return new Classified(
                    ExitCode.ERROR,
                    "too many attempts: try again in "
                            + Math.max(1, e.retryAfter().toSeconds())
                            + " s");
        }
        if (failure instanceof NotFoundException e) {
            return new Classified(ExitCode.NOT_FOUND, "not found: " + e.getMessage());
        }
        if (failure instanceof ConflictException e) {
            return new Classified(ExitCode.CONFLICT, "conflict: " + e.getMessage());
        }
        if (failure instanceof dev.strongroom.client.vault.ReadOnlyVaultException e) {
            return new Classified(ExitCode.ERROR, "not allowed: " + e.getMessage());
        }
        if (failure instanceof ForbiddenException e) {
            return new Classified(ExitCode.ERROR, "not allowed: " + e.getMessage());
        }
        if (failure instanceof ServerFaultException e) {
            return new Classified(ExitCode.ERROR, "the server failed: " + e.getMessage());
        }
        if (failure instanceof ApiException e) {
            return new Classified(ExitCode.ERROR, "the server refused: " + e.getMessage());
        }
        if (failure instanceof CacheTamperedException
                || failure instanceof RollbackRefusedException) {
            return new Classified(
                    ExitCode.SECURITY_ALERT,
                    "security alert: the local cache failed its integrity check and was not used ("
                            + failure.getMessage()
                            + ")");
        }
        if (failure instanceof ItemFormatException) {
            return new Classified(ExitCode.USAGE, "not a valid item: " + failure.getMessage());
        }
        if (failure instanceof TlsHandshakeException
                || failure instanceof LocalStateException
                || failure instanceof CacheException) {
            // Both name the server or the file and the kind of problem, nothing more.
            return new Classified(ExitCode.ERROR, failure.getMessage());
        }
        if (failure instanceof MalformedResponseException e) {
            return new Classified(ExitCode.ERROR, "bad reply from the server: " + e.getMessage());
        }
        return null;
    }

    /** One printable line: control characters and line breaks become spaces, long text is cut. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE));
        message.codePoints()
                .limit(MAX_MESSAGE)
                .forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return b.toString().strip();
    }
}
