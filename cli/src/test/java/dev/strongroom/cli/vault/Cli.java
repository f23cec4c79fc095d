package dev.strongroom.cli.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.cli.account.Device;
import java.nio.file.Path;
import java.util.UUID;

/** Helpers for the vault and item end-to-end tests: devices logged in, JSON, error checks. */
final class Cli {

    static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {}

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /**
     * A device with a profile for {@code url}, logged in as {@code email} (registered if asked).
     */
    static Device device(Path root, String name, String url, String email, boolean register)
            throws Exception {
        Device d = new Device(root, name);
        ok(d.run("server", "add", "local", url));
        if (register) {
            ok(d.register(email, PASSWORD));
        }
        ok(d.login(email, PASSWORD, "--device", name));
        return d;
    }

    static CliProcess.Result ok(CliProcess.Result r) {
        assertThat(r.exitCode()).as("stdout: %s%nstderr: %s", r.stdout(), r.stderr()).isZero();
        return r;
    }

    static JsonNode json(CliProcess.Result r) throws Exception {
        ok(r);
        return JSON.readTree(r.stdout());
    }

    /** The documented exit code and exactly one plain line on stderr, no stack trace. */
    static void oneLineError(CliProcess.Result r, int exitCode) {
        assertThat(r.exitCode())
                .as("stdout: %s%nstderr: %s", r.stdout(), r.stderr())
                .isEqualTo(exitCode);
        assertThat(r.stderr().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr())
                .startsWith("strongroom: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
