package dev.strongroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.account.LocalStateException;
import dev.strongroom.client.account.WrongPasswordException;
import dev.strongroom.client.agent.AgentException;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.api.NotFoundException;
import dev.strongroom.client.api.RateLimitedException;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.session.SessionLockedException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mapping of client-core's exceptions to exit codes and one-line messages. */
class ErrorReporterTest {

    private static final String URL = "https://vault.example";

    private static ErrorReporter.Classified classify(Throwable t) {
        return ErrorReporter.classify(t, URL);
    }

    @Test
    void mapsAccountAndServerFailures() {
        assertThat(classify(new WrongPasswordException(null)))
                .isEqualTo(
                        new ErrorReporter.Classified(
                                ExitCode.AUTHENTICATION, "email or master password is wrong"));
        assertThat(classify(new AuthenticationException(401, "session_expired", "expired")).code())
                .isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(classify(new SessionLockedException()).message())
                .isEqualTo(ErrorReporter.LOCKED);
        assertThat(classify(new AgentException("x")))
                .isEqualTo(
                        new ErrorReporter.Classified(
                                ExitCode.AUTHENTICATION, ErrorReporter.LOCKED));
        assertThat(classify(new NotFoundException(404, "not_found", "no such vault")).code())
                .isEqualTo(ExitCode.NOT_FOUND);
        assertThat(classify(new ConflictException(409, "conflict", "taken", null)).code())
                .isEqualTo(ExitCode.CONFLICT);
        ErrorReporter.Classified alert =
                classify(new SecurityAlert(SecurityAlertCode.KDF_DOWNGRADE, "offered m=1024"));
        assertThat(alert.code()).isEqualTo(ExitCode.SECURITY_ALERT);
        assertThat(alert.message())
                .startsWith("security alert: " + SecurityAlertCode.KDF_DOWNGRADE.description());
        assertThat(
                        classify(
                                new ServerUnreachableException(
                                        "POST /x: refused", new IOException("refused"))))
                .isEqualTo(
                        new ErrorReporter.Classified(
                                ExitCode.ERROR, "cannot reach the server at " + URL));
        ErrorReporter.Classified limited =
                classify(
                        new RateLimitedException(
                                429, "rate_limited", "slow down", Duration.ofSeconds(8)));
        assertThat(limited.code()).isEqualTo(ExitCode.ERROR);
        assertThat(limited.message()).isEqualTo("too many attempts: try again in 8 s");
        assertThat(classify(new LocalStateException("the KDF pin file /x is corrupt")).message())
                .isEqualTo("the KDF pin file /x is corrupt");
    }

    @Test
    void unknownFailuresNeverShowTheirMessageAndEverythingIsOneLine() {
        ErrorReporter.Classified c = classify(new IllegalStateException("secret hunter2"));
        assertThat(c.code()).isEqualTo(ExitCode.ERROR);
        assertThat(c.message()).doesNotContain("hunter2");
        assertThat(classify(new CliException(ExitCode.USAGE, "two\nlines\r\there")).message())
                .isEqualTo("two lines  here");
        assertThat(ErrorReporter.oneLine("x".repeat(1000))).hasSize(400);
    }
}
