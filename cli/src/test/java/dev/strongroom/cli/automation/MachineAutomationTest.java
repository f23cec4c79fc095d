package dev.strongroom.cli.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ForbiddenException;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SyncApi;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The headless CLI end to end: a real sync server in this JVM, a team admin through client-core who
 * creates a machine account, and "CI job" processes of the real CLI that hold only the token (in
 * the environment or a file), an empty config directory and the server URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineAutomationTest {

    static final String DB_URL = "postgres://ci:pw@db:5432/app";
    static final String API_TOKEN = "tok\"en $HOME\\back é`x";
    static final String WEB_SECRET = "w3b-s3cret";
    static final String DEPLOY_KEY = "dk-0123456789abcdef";

    Path dir;
    StrongroomServer server;
    AdminDevice admin;
    String url;
    String teamId;
    String ciVault;
    String prodVault;
    String token;
    Path emptyConfig;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        dir = tmp;
        server = StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0));
        url = "http://127.0.0.1:" + server.port();
        admin = new AdminDevice(ServerEndpoint.of(url, null), dir.resolve("admin"));
        teamId = admin.vaults.createTeam("Platform");
        ciVault = admin.vaults.createVault(teamId, "ci").vaultId();
        prodVault = admin.vaults.createVault(teamId, "prod").vaultId();
        admin.vaults.createVault(teamId, "ops only");
        admin.vaults.add(
                ciVault,
                AdminDevice.envSet(
                        "app-env", null, "DATABASE_URL", DB_URL, "API_TOKEN", API_TOKEN));
        admin.vaults.add(
                ciVault, AdminDevice.envSet("web-env", "services/web", "WEB_SECRET", WEB_SECRET));
        admin.vaults.add(ciVault, AdminDevice.apiKey("deploy key", DEPLOY_KEY));
        token =
                machineToken(
                        "ci-runner",
                        Map.of(ciVault, Permission.READ, prodVault, Permission.WRITE),
                        null);
        emptyConfig = Files.createDirectories(dir.resolve("job-config"));
    }

    @AfterAll
    void tearDown() {
        admin.close();
        server.close();
    }

    String machineToken(String name, Map<String, Permission> grants, Instant expiry) {
        try (MachineToken t = admin.machines.create(teamId, name, grants, expiry)) {
            return new String(t.toChars());
        }
    }

    CliProcess.Result jobWith(String tokenText, String... args) throws Exception {
        return CliProcess.run(AdminDevice.env(tokenText, url, emptyConfig), new byte[0], args);
    }

    CliProcess.Result job(String... args) throws Exception {
        return jobWith(token, args);
    }

    static CliProcess.Result ok(CliProcess.Result r) {
        assertThat(r.exitCode()).as("stdout: %s%nstderr: %s", r.stdout(), r.stderr()).isZero();
        return r;
    }

    static void oneLineError(CliProcess.Result r, int code, String contains) {
        assertThat(r.exitCode())
                .as("stdout: %s%nstderr: %s", r.stdout(), r.stderr())
                .isEqualTo(code);
        assertThat(r.stderr().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("strongroom: ").contains(contains);
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void readsByNameAndIdFromTheEnvironmentOrATokenFile() throws Exception {
        assertThat(ok(job("read", "sr://Platform/ci/deploy%20key/key")).stdout())
                .isEqualTo(DEPLOY_KEY + "\n");
        assertThat(
                        ok(job(
                                        "read",
                                        "-n",
                                        "sr://" + teamId + "/" + ciVault + "/app-env/API_TOKEN"))
                                .stdout())
                .isEqualTo(API_TOKEN);
        JsonNode json =
                new ObjectMapper()
                        .readTree(
                                ok(job("read", "--json", "sr://Platform/ci/app-env/DATABASE_URL"))
                                        .stdout());
        assertThat(json.get("value").asText()).isEqualTo(DB_URL);

        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token + "\n");
        Map<String, String> env =
                Map.of(
                        "STRONGROOM_SERVER_URL",
                        url,
                        "STRONGROOM_CONFIG_DIR",
                        emptyConfig.toString());
        CliProcess.Result fromFile =
                CliProcess.run(
                        env,
                        new byte[0],
                        "read",
                        "--token-file",
                        tokenFile.toString(),
                        "sr://Platform/ci/web-env/WEB_SECRET");
        assertThat(ok(fromFile).stdout()).isEqualTo(WEB_SECRET + "\n");
        oneLineError(
                CliProcess.run(env, new byte[0], "read", "sr://Platform/ci/web-env/WEB_SECRET"),
                3,
                "no machine token");
        try (var files = Files.list(emptyConfig)) {
            assertThat(files).as("the job wrote nothing to its config dir").isEmpty();
        }
    }

    @Test
    void runsAChildWithInjectedVariablesAndItsExitCode() throws Exception {
        Path envFile = dir.resolve("job.env");
        Files.writeString(
                envFile,
                "# CI variables\nDB=sr://Platform/ci/app-env/DATABASE_URL\nexport MODE=plain\n");
        assertThat(
                        ok(job(
                                        "run",
                                        "--env-file",
                                        envFile.toString(),
                                        "--",
                                        "sh",
                                        "-c",
                                        "printf '%s|%s' \"$DB\" \"$MODE\""))
                                .stdout())
                .isEqualTo(DB_URL + "|plain");
        assertThat(job("run", "--vault", "ci", "--", "sh", "-c", "exit 7").exitCode()).isEqualTo(7);
        assertThat(
                        ok(job(
                                        "run",
                                        "--vault",
                                        "ci",
                                        "--",
                                        "sh",
                                        "-c",
                                        "printf %s \"$WEB_SECRET\"; printf %s \"${STRONGROOM_TOKEN:-none}\""))
                                .stdout())
                .as("vault variables in, the token not passed on")
                .isEqualTo(WEB_SECRET + "none");
        CliProcess.Result masked =
                ok(
                        job(
                                "run",
                                "--vault",
                                "ci",
                                "--mask",
                                "--",
                                "sh",
                                "-c",
                                "echo \"db=$DATABASE_URL\"; echo \"web=$WEB_SECRET\" >&2"));
        assertThat(masked.stdout()).isEqualTo("db=*****\n");
        assertThat(masked.stderr()).isEqualTo("web=*****\n");
    }

    @Test
    void forwardsSigtermToTheChildAndPassesItsExitCodeOn() throws Exception {
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                dev.strongroom.cli.Main.class.getName(),
                                "run",
                                "--vault",
                                "ci",
                                "--",
                                "sh",
                                "-c",
                                "trap 'echo got-term; exit 42' TERM; echo ready;"
                                        + " while :; do sleep 0.1; done"));
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().putAll(AdminDevice.env(token, url, emptyConfig));
        Process p = b.start();
        var lines =
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<ProcessHandle> children = List.of();
        try {
            assertThat(lines.readLine()).isEqualTo("ready");
            children = p.descendants().toList();
            p.toHandle().destroy(); // SIGTERM to the CLI, as a CI runner cancelling the job sends
            assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("the child's exit code").isEqualTo(42);
            assertThat(lines.readLine()).isEqualTo("got-term");
        } finally {
            children.forEach(ProcessHandle::destroyForcibly); // never leave the shell behind
            p.destroyForcibly();
        }
    }

    @Test
    void injectsATemplateAtomicallyWithMode0600() throws Exception {
        Path template = dir.resolve("app.conf.tmpl");
        Files.writeString(
                template,
                "url = {{ sr://Platform/ci/app-env/DATABASE_URL }}\n"
                        + "helm = {{ .Values.keep }}\nkey={{sr://Platform/ci/deploy%20key/key}}\n");
        Path out = dir.resolve("app.conf");
        ok(job("inject", "-i", template.toString(), "-o", out.toString()));
        assertThat(Files.readString(out))
                .isEqualTo(
                        "url = "
                                + DB_URL
                                + "\nhelm = {{ .Values.keep }}\nkey="
                                + DEPLOY_KEY
                                + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
    }

    @Test
    void exportsEachFormatByteForByte() throws Exception {
        String dotenv =
                "DATABASE_URL=\"postgres://ci:pw@db:5432/app\"\n"
                        + "API_TOKEN=\"tok\\\"en \\$HOME\\\\back é\\`x\"\n"
                        + "WEB_SECRET=\"w3b-s3cret\"\n";
        assertThat(ok(job("export", "--vault", "ci", "--format", "dotenv")).stdout())
                .isEqualTo(dotenv);
        String json =
                "{\n  \"DATABASE_URL\": \"postgres://ci:pw@db:5432/app\",\n"
                        + "  \"API_TOKEN\": \"tok\\\"en $HOME\\\\back é`x\",\n"
                        + "  \"WEB_SECRET\": \"w3b-s3cret\"\n}\n";
        assertThat(ok(job("export", "--vault", "ci", "--format", "json")).stdout()).isEqualTo(json);
        String web =
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\n  namespace: ci\n"
                        + "type: Opaque\ndata:\n  WEB_SECRET: dzNiLXMzY3JldA==\n";
        assertThat(
                        ok(job(
                                        "export",
                                        "--vault",
                                        ciVault,
                                        "--folder",
                                        "services/web",
                                        "--format",
                                        "k8s-secret",
                                        "--name",
                                        "web",
                                        "--namespace",
                                        "ci"))
                                .stdout())
                .isEqualTo(web);

        Path manifest = dir.resolve("secret.yaml");
        ok(
                job(
                        "export",
                        "--vault",
                        "ci",
                        "--format",
                        "k8s-secret",
                        "--name",
                        "app",
                        "-o",
                        manifest.toString()));
        Map<String, Object> doc = new Yaml().load(Files.readString(manifest));
        assertThat(doc).containsEntry("kind", "Secret").containsEntry("type", "Opaque");
        @SuppressWarnings("unchecked")
        Map<String, String> data = (Map<String, String>) doc.get("data");
        Map<String, String> decoded = new HashMap<>();
        data.forEach(
                (k, v) ->
                        decoded.put(
                                k,
                                new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        assertThat(decoded)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "DATABASE_URL",
                                DB_URL,
                                "API_TOKEN",
                                API_TOKEN,
                                "WEB_SECRET",
                                WEB_SECRET));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)))
                .isEqualTo("rw-------");
    }

    @Test
    void writesOnlyWhereGranted() throws Exception {
        char[] chars = token.toCharArray();
        try (MachineToken t = MachineToken.parse(chars);
                IdentityKeys identity = t.identity()) {
            byte[] secret = t.secret();
            SyncApi api =
                    new SyncApi(
                            ApiTransport.connect(ServerEndpoint.of(url, null)),
                            BearerToken.machine(t.machineId(), secret));
            String machineId = t.machineId().toString();
            byte[] plain = AdminDevice.apiKey("machine-made", "mm-42").toBytes();
            for (String vault : List.of(ciVault, prodVault)) {
                String itemId = UUID.randomUUID().toString();
                QueuedWrite w =
                        QueuedWrite.seal(
                                identity,
                                machineId,
                                teamId,
                                admin.engine.currentVaultKey(vault),
                                vault,
                                itemId,
                                1,
                                plain,
                                admin.engine.logSeq(teamId));
                CreateItemRequest request =
                        new CreateItemRequest(
                                UUID.fromString(itemId),
                                w.keyVersion(),
                                w.itemKeyWrap(),
                                w.content(),
                                w.signature(),
                                w.logSeq());
                if (vault.equals(ciVault)) {
                    assertThatThrownBy(() -> api.createItem(vault, request))
                            .isInstanceOf(ForbiddenException.class);
                } else {
                    assertThat(api.createItem(vault, request).revision()).isEqualTo(1);
                }
            }
            admin.engine.sealEmptyVault(teamId, prodVault); // the admin seals a head over it
        }
        assertThat(ok(job("read", "sr://Platform/prod/machine-made/key")).stdout())
                .isEqualTo("mm-42\n");
    }

    @Test
    void revokedExpiredAndDamagedTokensFailWithExitCode3() throws Exception {
        String doomed = machineToken("doomed", Map.of(ciVault, Permission.READ), null);
        ok(jobWith(doomed, "read", "sr://Platform/ci/web-env/WEB_SECRET"));
        try (MachineToken t = MachineToken.parse(doomed.toCharArray())) {
            admin.machines.revoke(teamId, t.machineId().toString());
        }
        oneLineError(jobWith(doomed, "read", "sr://Platform/ci/web-env/WEB_SECRET"), 3, "revoked");

        Instant expiry = Instant.now().plusSeconds(6);
        String brief = machineToken("brief", Map.of(ciVault, Permission.READ), expiry);
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis() + 500));
        oneLineError(jobWith(brief, "read", "sr://Platform/ci/web-env/WEB_SECRET"), 3, "expired");

        String first = null;
        for (int at : new int[] {5, 20, 40, 70, 110, 150, token.length() - 1}) {
            char c = token.charAt(at);
            String flipped =
                    token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
            CliProcess.Result r = jobWith(flipped, "read", "sr://Platform/ci/web-env/WEB_SECRET");
            oneLineError(r, 3, "machine token");
            assertThat(r.stdout()).isEmpty();
            if (first == null) {
                first = r.stderr();
            }
            assertThat(r.stderr()).as("the same line whichever part was damaged").isEqualTo(first);
        }
        assertThat(first).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("check");
    }

    @Test
    void badInputIsOneClearLineAndNothingIsWritten() throws Exception {
        oneLineError(job("read", "sr://Platform/ci/nope/key"), 4, "no such item");
        oneLineError(job("read", "sr://Platform/ci/deploy%20key/pin"), 4, "no field 'pin'");
        oneLineError(job("read", "sr://Elsewhere/ci/app-env/X"), 4, "not this machine's team");
        oneLineError(job("read", "sr://Platform/ci/deploy key"), 2, "3");
        oneLineError(job("read", "sr://Platform/ci/app-env/%zz"), 2, "two hex digits");
        oneLineError(job("read", "https://Platform/ci/a/b"), 2, "sr://");
        oneLineError(job("read", "sr://Platform/ops%20only/x/y"), 4, "is granted to this machine");
        oneLineError(
                job("read", "sr://Platform/no-such-vault/x/y"), 4, "is granted to this machine");
        oneLineError(
                job("export", "--vault", "ops only", "--format", "json"),
                4,
                "is granted to this machine");
        oneLineError(
                job("export", "--vault", "ci", "--folder", "nope", "--format", "json"),
                4,
                "folder");
        oneLineError(
                job("export", "--vault", "ci", "--format", "yaml"), 2, "unknown export format");
        oneLineError(
                job("export", "--vault", "ci", "--format", "k8s-secret", "--name", "Bad_Name"),
                2,
                "Kubernetes Secret name");

        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path out = outDir.resolve("kept.conf");
        Files.writeString(out, "old\n");
        Path unbalanced = dir.resolve("unbalanced.tmpl");
        Files.writeString(unbalanced, "ok\na = {{ sr://Platform/ci/app-env/DATABASE_URL\n");
        oneLineError(
                job("inject", "-i", unbalanced.toString(), "-o", out.toString()),
                2,
                "line 2, column 5");
        Path missing = dir.resolve("missing.tmpl");
        Files.writeString(
                missing,
                "a={{ sr://Platform/ci/app-env/DATABASE_URL }}\nb={{ sr://Platform/ci/app-env/NOPE }}\n");
        oneLineError(job("inject", "-i", missing.toString(), "-o", out.toString()), 4, "NOPE");
        assertThat(Files.readString(out)).isEqualTo("old\n");
        try (var files = Files.list(outDir)) {
            assertThat(files).containsExactly(out);
        }

        Path marker = dir.resolve("child-ran");
        Path badEnv = dir.resolve("bad.env");
        Files.writeString(
                badEnv, "DB=sr://Platform/ci/app-env/DATABASE_URL\nnot a variable line\n");
        oneLineError(
                job("run", "--env-file", badEnv.toString(), "--", "touch", marker.toString()),
                2,
                "env file line 2");
        Path hiddenEnv = dir.resolve("hidden.env");
        Files.writeString(hiddenEnv, "X=sr://Platform/ops%20only/item/field\n");
        oneLineError(
                job("run", "--env-file", hiddenEnv.toString(), "--", "touch", marker.toString()),
                4,
                "is granted to this machine");
        assertThat(marker).as("the command never ran").doesNotExist();
        oneLineError(job("run", "--", "true"), 2, "--env-file");
    }
}
