package dev.strongroom.cli.automation;

import static dev.strongroom.cli.automation.MachineAutomationTest.ok;
import static dev.strongroom.cli.automation.MachineAutomationTest.oneLineError;
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
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.FieldKind;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SyncApi;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strongroom write} end to end: a real server, an admin through client-core, and CLI
 * processes holding only a machine token. Where the machine may write, the value lands as a
 * revision and a vault head signed by the machine, which the admin's client verifies on its next
 * pull; where it may only read, the CLI refuses before sending, and the server refuses the same
 * write sent by hand (403).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineWriteCommandTest {

    Path dir;
    StrongroomServer server;
    AdminDevice admin;
    String url;
    String teamId;
    String ciVault;
    String prodVault;
    String prodEnv;
    String ciEnv;
    String token;
    String machineId;
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
        ciEnv = admin.vaults.add(ciVault, AdminDevice.envSet("app-env", null, "DB", "ci-db"));
        prodEnv =
                admin.vaults.add(
                        prodVault, AdminDevice.envSet("deploy-env", null, "ROTATED", "old"));
        admin.vaults.add(prodVault, AdminDevice.apiKey("prod key", "pk-1"));
        try (ItemContent withField =
                ItemContent.builder(
                                new EnvironmentSet(java.util.List.of()),
                                "hooks",
                                AdminDevice.CREATED)
                        .fields(
                                java.util.List.of(
                                        new CustomField(
                                                FieldKind.HIDDEN,
                                                "webhook",
                                                SecretText.copyOf("wh-1".toCharArray()))))
                        .build()) {
            admin.vaults.add(prodVault, withField);
        }
        try (MachineToken t =
                admin.machines.create(
                        teamId,
                        "ci-writer",
                        Map.of(ciVault, Permission.READ, prodVault, Permission.WRITE),
                        null)) {
            token = new String(t.toChars());
            machineId = t.machineId().toString();
        }
        emptyConfig = Files.createDirectories(dir.resolve("job-config"));
    }

    @AfterAll
    void tearDown() {
        admin.close();
        server.close();
    }

    CliProcess.Result job(String stdin, String... args) throws Exception {
        return CliProcess.run(
                AdminDevice.env(token, url, emptyConfig),
                stdin.getBytes(StandardCharsets.UTF_8),
                args);
    }

    @Test
    void aMachineWithWriteAccessWritesAndOtherClientsVerifyItsSignature() throws Exception {
        CliProcess.Result wrote =
                ok(job("rotated-2\n", "write", "sr://Platform/prod/deploy-env/ROTATED"));
        assertThat(wrote.stdout())
                .isEqualTo("wrote sr://Platform/prod/deploy-env/ROTATED (revision 2)\n");
        assertThat(ok(job("", "read", "sr://Platform/prod/deploy-env/ROTATED")).stdout())
                .isEqualTo("rotated-2\n");

        // a new variable and a custom field, with --json; the vault head moves on each time
        JsonNode added =
                new ObjectMapper()
                        .readTree(
                                ok(job(
                                                "v-new",
                                                "write",
                                                "--json",
                                                "sr://Platform/prod/deploy-env/ADDED"))
                                        .stdout());
        assertThat(added.get("itemId").asText()).isEqualTo(prodEnv);
        assertThat(added.get("revision").asLong()).isEqualTo(3);
        ok(job("wh-2\r\n", "write", "sr://Platform/prod/hooks/webhook"));

        // the admin's client verifies the machine's revisions and heads on its next pull
        admin.engine.pull();
        CachedItem cached = admin.cache.item(prodVault, prodEnv).orElseThrow();
        assertThat(cached.revision().authorId()).isEqualTo(machineId);
        assertThat(admin.cache.vaultHead(prodVault).orElseThrow().head().authorId())
                .isEqualTo(machineId);
        try (ItemView v = admin.vaults.get(prodVault, prodEnv).orElseThrow()) {
            EnvironmentSet env = (EnvironmentSet) v.content().data();
            assertThat(new String(env.get("ROTATED").value().chars())).isEqualTo("rotated-2");
            assertThat(new String(env.get("ADDED").value().chars())).isEqualTo("v-new");
        }
        assertThat(ok(job("", "read", "sr://Platform/prod/hooks/webhook")).stdout())
                .isEqualTo("wh-2\n");
    }

    @Test
    void aReadOnlyGrantIsRefusedByTheClientAndByTheServer() throws Exception {
        oneLineError(job("changed", "write", "sr://Platform/ci/app-env/DB"), 1, "not allowed");
        assertThat(ok(job("", "read", "sr://Platform/ci/app-env/DB")).stdout())
                .isEqualTo("ci-db\n");

        // the same write sent by hand, past the client's check: the server answers 403
        admin.engine.pull();
        CachedItem current = admin.cache.item(ciVault, ciEnv).orElseThrow();
        try (MachineToken t = MachineToken.parse(token.toCharArray());
                IdentityKeys identity = t.identity()) {
            SyncApi api =
                    new SyncApi(
                            ApiTransport.connect(ServerEndpoint.of(url, null)),
                            BearerToken.machine(t.machineId(), t.secret()));
            QueuedWrite w =
                    QueuedWrite.seal(
                            identity,
                            machineId,
                            teamId,
                            admin.engine.currentVaultKey(ciVault),
                            ciVault,
                            ciEnv,
                            current.revision().revision() + 1,
                            AdminDevice.envSet("app-env", null, "DB", "forced").toBytes(),
                            admin.engine.logSeq(teamId));
            UpdateItemRequest request =
                    new UpdateItemRequest(
                            current.revision().revision(),
                            w.keyVersion(),
                            w.itemKeyWrap(),
                            w.content(),
                            false,
                            w.signature(),
                            w.logSeq());
            assertThatThrownBy(() -> api.updateItem(ciVault, ciEnv, request))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThat(ok(job("", "read", "sr://Platform/ci/app-env/DB")).stdout())
                .isEqualTo("ci-db\n");
    }

    @Test
    void badWritesAreOneLineAndChangeNothing() throws Exception {
        oneLineError(job("x", "write", "sr://Platform/prod/prod%20key/key"), 2, "type field");
        oneLineError(job("x", "write", "sr://Platform/prod/prod%20key/nope"), 4, "no field");
        oneLineError(job("x", "write", "sr://Platform/prod/missing/X"), 4, "no such item");
        oneLineError(job("x", "write", "sr://Platform/prod/deploy-env"), 2, "");
        oneLineError(
                CliProcess.run(
                        AdminDevice.env(token, url, emptyConfig),
                        new byte[] {'a', (byte) 0xC3, '('},
                        "write",
                        "sr://Platform/prod/deploy-env/ROTATED"),
                2,
                "not UTF-8");
        byte[] big = new byte[WriteCommand.MAX_VALUE + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        oneLineError(
                CliProcess.run(
                        AdminDevice.env(token, url, emptyConfig),
                        big,
                        "write",
                        "sr://Platform/prod/deploy-env/ROTATED"),
                2,
                "64 KiB");
        assertThat(ok(job("", "read", "sr://Platform/prod/prod%20key/key")).stdout())
                .isEqualTo("pk-1\n");
        oneLineError(job("", "read", "sr://Platform/prod/prod%20key/nope"), 4, "no field");
    }

    @Test
    void withoutAServerUrlTheErrorNamesTheVariable() throws Exception {
        CliProcess.Result r =
                CliProcess.run(
                        Map.of(
                                "STRONGROOM_TOKEN",
                                token,
                                "STRONGROOM_CONFIG_DIR",
                                emptyConfig.toString()),
                        new byte[0],
                        "read",
                        "sr://Platform/prod/deploy-env/ROTATED");
        oneLineError(r, 2, "STRONGROOM_SERVER_URL");
    }

    @Test
    void runWithJsonSummarisesOnStderrAndLeavesStdoutToTheCommand() throws Exception {
        Path envFile = dir.resolve("ci.env");
        Files.writeString(envFile, "APP_DB=sr://Platform/ci/app-env/DB\n");
        CliProcess.Result r =
                ok(
                        job(
                                "",
                                "run",
                                "--json",
                                "--env-file",
                                envFile.toString(),
                                "--",
                                "sh",
                                "-c",
                                "echo \"$APP_DB\""));
        assertThat(r.stdout()).isEqualTo("ci-db\n");
        JsonNode summary = new ObjectMapper().readTree(r.stderr());
        assertThat(summary.get("exitCode").asInt()).isZero();
        assertThat(summary.get("variables").get(0).asText()).isEqualTo("APP_DB");
    }
}
