package dev.strongroom.cli.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.cli.account.Device;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.wire.MachineTokens;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine commands end to end: the real CLI as processes with its agent, a real server in this
 * JVM, and the printed tokens used as a CI job would (straight HTTP with the machine credential):
 * the token works at once, a rotated token's old secret and a revoked machine's token fail on the
 * next request, and bad input gets one line and its documented exit code.
 */
class MachineCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path dir;

    private String url;

    @Test
    void createListRotateAndRevokeAMachineAccount() throws Exception {
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0))) {
            url = "http://127.0.0.1:" + server.port();
            Device alice = admin();
            try {
                String team =
                        json(alice.run("team", "create", "Platform", "--json"))
                                .get("teamId")
                                .asText();
                ok(alice.run("vault", "create", "prod", "--team", team));
                ok(alice.run("vault", "create", "staging", "--team", team));
                String expires = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

                CliProcess.Result created =
                        alice.run(
                                "machine",
                                "create",
                                "--team",
                                "Platform",
                                "--name",
                                "ci",
                                "--vault",
                                "prod",
                                "--vault",
                                "staging:write",
                                "--expires",
                                expires);
                ok(created);
                assertThat(created.stdout().lines()).hasSize(1);
                assertThat(created.stdout()).startsWith(MachineToken.PREFIX);
                assertThat(created.stderr().lines()).hasSize(1);
                assertThat(created.stderr())
                        .contains("warning")
                        .contains("only once")
                        .doesNotContain(created.stdout().strip());
                String first = created.stdout().strip();
                assertThat(status(first, "/api/v1/machine")).isEqualTo(200);

                JsonNode listed =
                        json(alice.run("machine", "list", "--team", "Platform", "--json"));
                assertThat(listed.get("machines")).hasSize(1);
                JsonNode m = listed.get("machines").get(0);
                assertThat(m.get("name").asText()).isEqualTo("ci");
                assertThat(m.get("status").asText()).isEqualTo("active");
                assertThat(m.get("expiresAt").asLong())
                        .isEqualTo(
                                LocalDate.parse(expires)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .toEpochMilli());
                List<String> grants = new ArrayList<>();
                m.get("grants")
                        .forEach(
                                g ->
                                        grants.add(
                                                g.get("vault").asText()
                                                        + ":"
                                                        + g.get("permission").asText()));
                assertThat(grants).containsExactlyInAnyOrder("prod:read", "staging:write");
                assertThat(m.toString()).doesNotContain(first);
                String text = ok(alice.run("machine", "list", "--team", "Platform")).stdout();
                assertThat(text).contains("ci").contains("active").contains("prod:read");

                // rotation: the new token works, the old one fails on its next request
                CliProcess.Result rotated =
                        alice.runWithStdin(
                                first + "\n",
                                "machine",
                                "rotate-token",
                                "--team",
                                "Platform",
                                "ci",
                                "--token-stdin");
                ok(rotated);
                String second = rotated.stdout().strip();
                assertThat(second).startsWith(MachineToken.PREFIX).isNotEqualTo(first);
                assertThat(status(first, "/api/v1/vaults")).isEqualTo(401);
                assertThat(status(second, "/api/v1/vaults")).isEqualTo(200);
                Path file = dir.resolve("token.txt");
                Files.writeString(file, second + "\n");
                String flipped =
                        second.substring(0, 20)
                                + (second.charAt(20) == 'A' ? 'B' : 'A')
                                + second.substring(21);
                oneLineError(
                        alice.runWithStdin(
                                flipped + "\n",
                                "machine",
                                "rotate-token",
                                "--team",
                                "Platform",
                                "ci",
                                "--token-stdin"),
                        3);
                oneLineError(
                        alice.runWithStdin(
                                first + "\n",
                                "machine",
                                "rotate-token",
                                "--team",
                                "Platform",
                                "nope",
                                "--token-stdin"),
                        4);
                assertThat(status(second, "/api/v1/vaults")).isEqualTo(200);

                // revocation: keys rotated, the token fails on its next request
                JsonNode revoked =
                        json(alice.run("machine", "revoke", "--team", "Platform", "ci", "--json"));
                assertThat(revoked.get("rotatedVaults")).hasSize(2);
                assertThat(status(second, "/api/v1/vaults")).isEqualTo(401);
                assertThat(
                                json(alice.run("machine", "list", "--team", "Platform", "--json"))
                                        .get("machines")
                                        .get(0)
                                        .get("status")
                                        .asText())
                        .isEqualTo("revoked");
                oneLineError(alice.run("machine", "revoke", "--team", "Platform", "ci"), 5);
                oneLineError(
                        alice.run(
                                "machine",
                                "rotate-token",
                                "--team",
                                "Platform",
                                "ci",
                                "--token-file",
                                file.toString()),
                        5);

                // bad input: one line each, nothing created
                oneLineError(
                        alice.run(
                                "machine",
                                "create",
                                "--team",
                                "Platform",
                                "--name",
                                "x",
                                "--vault",
                                "nope"),
                        4);
                oneLineError(
                        alice.run(
                                "machine", "create", "--team", "Nope", "--name", "x", "--vault",
                                "prod"),
                        4);
                oneLineError(
                        alice.run(
                                "machine",
                                "create",
                                "--team",
                                "Platform",
                                "--name",
                                "x",
                                "--vault",
                                "prod",
                                "--expires",
                                "soon"),
                        2);
                oneLineError(
                        alice.run(
                                "machine",
                                "create",
                                "--team",
                                "Platform",
                                "--name",
                                "x",
                                "--vault",
                                "prod",
                                "--expires",
                                "2001-01-01"),
                        1);
                oneLineError(
                        alice.run("machine", "create", "--team", "Platform", "--name", "x"), 2);
                oneLineError(
                        alice.run(
                                "machine",
                                "revoke",
                                "--team",
                                "Platform",
                                UUID.randomUUID().toString()),
                        4);
                assertThat(
                                json(alice.run("machine", "list", "--team", "Platform", "--json"))
                                        .get("machines"))
                        .hasSize(1);
            } finally {
                alice.run("lock");
            }
        }
    }

    private Device admin() throws Exception {
        Device d = new Device(dir, "alice");
        String email = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ok(d.run("server", "add", "local", url));
        ok(d.register(email, PASSWORD));
        ok(d.login(email, PASSWORD));
        return d;
    }

    /** The HTTP status the server gives a request made with a printed token. */
    private int status(String token, String path) throws Exception {
        try (MachineToken t = MachineToken.parse(token.toCharArray())) {
            byte[] secret = t.secret();
            String header = MachineTokens.header(t.machineId(), secret);
            Bytes.wipe(secret);
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url + path))
                                    .header("Authorization", header)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static CliProcess.Result ok(CliProcess.Result r) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        return r;
    }

    private static JsonNode json(CliProcess.Result r) throws Exception {
        return JSON.readTree(ok(r).stdout());
    }

    private static void oneLineError(CliProcess.Result r, int exitCode) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(exitCode);
        assertThat(r.stderr().lines()).hasSize(1);
        assertThat(r.stderr()).startsWith("strongroom: ").doesNotContain("Exception");
        assertThat(r.stdout()).doesNotContain(MachineToken.PREFIX);
    }
}
