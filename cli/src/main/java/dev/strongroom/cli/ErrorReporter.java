package dev.strongroom.cli;

import dev.strongroom.client.agent.AgentException;
import dev.strongroom.client.cert.PemException;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.client.ssh.SshKeyException;
import dev.strongroom.client.totp.TotpException;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.InvalidPassphraseException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import java.io.PrintWriter;

/**
 * Turns any failure into one line on stderr and an exit code: no stack trace, no secret. Unknown
 * exceptions get a generic line, because their messages were not written with secrets in mind.
 */
final class ErrorReporter {

    private ErrorReporter() {}

    static int report(Throwable failure, PrintWriter err) {
        Classified c = classify(failure);
        err.println("strongroom: " + c.message());
        err.flush();
        return c.code().code();
    }

    record Classified(ExitCode code, String message) {}

    static Classified classify(Throwable failure) {
        if (failure instanceof CliException e) {
            return new Classified(e.exitCode(), e.getMessage());
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
        if (failure instanceof AgentException e) {
            return new Classified(ExitCode.AUTHENTICATION, e.getMessage());
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
}
