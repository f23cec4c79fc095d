package dev.strongroom.cli.team;

import static dev.strongroom.cli.team.TeamUser.json;
import static dev.strongroom.cli.team.TeamUser.oneLineError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ForbiddenException;
import dev.strongroom.client.api.NotFoundException;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncApi;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's end-to-end scenario across CLI processes: three users, one team, two vaults with
 * different permissions (bob writes Shared and Ops, carol reads Shared). A team nobody accepted is
 * not synced until its member joins; a wrong fingerprint is refused; the reader's write is refused
 * by her client (exit 1) and by the server (403, shown by sending it past the client); after bob's
 * removal he reads nothing written later, and the exposure report lists exactly the items and
 * revisions he could decrypt.
 */
class TeamAccessEndToEndTest {

    @TempDir Path dir;

    @Test
    void permissionsJoiningRemovalAndAnExactExposureReport() throws Exception {
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0))) {
            String url = "http://127.0.0.1:" + server.port();
            TeamUser alice = new TeamUser(dir, "alice", url);
            TeamUser bob = new TeamUser(dir, "bob", url);
            TeamUser carol = new TeamUser(dir, "carol", url);
            try {
                scenario(url, alice, bob, carol);
            } finally {
                for (TeamUser u : List.of(alice, bob, carol)) {
                    u.run("lock");
                }
            }
        }
    }

    private void scenario(String url, TeamUser alice, TeamUser bob, TeamUser carol)
            throws Exception {
        String team = alice.json("team", "create", "Platform").get("teamId").asText();
        String shared =
                alice.json("vault", "create", "Shared", "--team", team).at("/vault/id").asText();
        String ops = alice.json("vault", "create", "Ops", "--team", team).at("/vault/id").asText();

        // bob by fingerprint: a fingerprint that does not match is refused, nothing is added
        String bobDigits = bob.json("team", "fingerprint").get("digits").asText();
        String carolDigits = carol.json("team", "fingerprint").get("digits").asText();
        oneLineError(alice.run("team", "verify", bob.email, carolDigits), 6);
        oneLineError(alice.run("team", "invite", team, bob.email, "--fingerprint"), 1);
        alice.json("team", "verify", bob.email, bobDigits);
        alice.json("team", "invite", team, bob.email, "--fingerprint");

        // bob's client does not sync a team he never joined, and names it
        JsonNode bobTeams = bob.json("team", "list");
        assertThat(bobTeams.get("teams").findValuesAsText("teamId")).doesNotContain(team);
        assertThat(bobTeams.get("unjoined").findValuesAsText("teamId")).containsExactly(team);
        assertThat(bobTeams.at("/unjoined/0/addedBy").asText()).isEqualTo(alice.email);
        oneLineError(bob.run("team", "join", team), 1); // alice's key is not verified yet
        String aliceDigits = alice.json("team", "fingerprint").get("digits").asText();
        bob.json("team", "verify", alice.email, aliceDigits);
        assertThat(bob.json("team", "join", team).get("addedBy").asText()).isEqualTo(alice.email);

        // carol by invite code: accepting is joining
        String code = alice.json("team", "invite", team, carol.email).get("code").asText();
        json(carol.runWithStdin(code + "\n", "team", "accept", "--code-stdin", "--json"));
        assertThat(alice.json("team", "invite", team, "--complete").get("added")).hasSize(1);

        json(alice.run("vault", "share", shared, bob.email, "--permission", "write", "--json"));
        json(alice.run("vault", "share", ops, bob.email, "--permission", "write", "--json"));
        json(alice.run("vault", "share", shared, carol.email, "--permission", "read", "--json"));

        String db = add(alice, shared, "db", "pw-1");
        String deploy = add(alice, ops, "deploy", "pw-d");
        json(
                bob.runWithStdin(
                        "pw-2\n",
                        "item",
                        "edit",
                        db,
                        "--vault",
                        shared,
                        "--password-stdin",
                        "--json"));
        assertThat(get(carol, shared, db)).isEqualTo("pw-2");
        assertThat(bob.json("team", "list").get("unjoined")).isEmpty();

        // carol reads Shared only: her client refuses the write, and so does the server
        CliProcess.Result refused =
                carol.runWithStdin(
                        "x\n",
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        "mine",
                        "--vault",
                        shared,
                        "--password-stdin");
        oneLineError(refused, 1);
        assertThat(refused.stderr()).contains("not allowed");
        oneLineError(carol.run("item", "list", "--vault", ops), 4);
        assertThat(writePastTheClient(url, carol.email, shared))
                .isInstanceOf(ForbiddenException.class);

        // bob could decrypt db at revisions 1 and 2 and deploy at 1: exactly that is reported
        Map<String, List<Long>> exposed = Map.of(db, List.of(1L, 2L), deploy, List.of(1L));
        JsonNode removal = alice.json("team", "remove", team, bob.email);
        List<String> rotated = new ArrayList<>();
        removal.get("rotatedVaults").forEach(v -> rotated.add(v.asText()));
        assertThat(rotated).containsExactlyInAnyOrder(shared, ops);
        assertThat(byItem(removal.get("exposure"), bob.email)).isEqualTo(exposed);
        assertThat(byItem(alice.json("exposure", "list").get("findings"), bob.email))
                .isEqualTo(exposed);

        // written after the removal: a new item and a new revision, under the rotated key
        String later = add(alice, shared, "later", "pw-new");
        json(
                alice.runWithStdin(
                        "pw-3\n",
                        "item",
                        "edit",
                        db,
                        "--vault",
                        shared,
                        "--password-stdin",
                        "--json"));
        oneLineError(bob.run("item", "get", later, "--vault", shared), 4);
        oneLineError(bob.run("item", "get", db, "--vault", shared), 4);
        assertThat(readPastTheClient(url, bob.email, shared)).isNotNull();
        assertThat(get(carol, shared, later)).isEqualTo("pw-new");

        // db changed its secret since: only deploy is still open
        assertThat(byItem(alice.json("exposure", "list").get("findings"), bob.email))
                .isEqualTo(Map.of(deploy, List.of(1L)));
    }

    private static String add(TeamUser u, String vault, String name, String password)
            throws Exception {
        return json(u.runWithStdin(
                        password + "\n",
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        name,
                        "--username",
                        "svc",
                        "--vault",
                        vault,
                        "--password-stdin",
                        "--json"))
                .at("/item/id")
                .asText();
    }

    private static String get(TeamUser u, String vault, String item) throws Exception {
        CliProcess.Result r = u.run("item", "get", item, "--vault", vault, "--field", "password");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    /** Exposure findings of one member: item id to the revisions they could decrypt. */
    private static Map<String, List<Long>> byItem(JsonNode findings, String email) {
        Map<String, List<Long>> out = new TreeMap<>();
        findings.forEach(
                f -> {
                    assertThat(f.get("principalEmail").asText()).isEqualTo(email);
                    List<Long> revisions = new ArrayList<>();
                    f.get("revisions").forEach(r -> revisions.add(r.asLong()));
                    assertThat(out.put(f.get("itemId").asText(), revisions)).isNull();
                });
        return out;
    }

    private static UnlockedSession login(String url, String email) {
        return new AccountService(KdfPinStore.inMemory())
                .login(
                        ServerApi.connect(ServerEndpoint.of(url, null)),
                        email,
                        TeamUser.PASSWORD.toCharArray(),
                        "probe");
    }

    /** The reader's write sent straight to the server, as a modified client would. */
    private static Throwable writePastTheClient(String url, String email, String vault) {
        SecureRandom random = new SecureRandom();
        byte[] wrap = new byte[72];
        byte[] content = new byte[96];
        byte[] signature = new byte[64];
        random.nextBytes(wrap);
        random.nextBytes(content);
        random.nextBytes(signature);
        try (UnlockedSession s = login(url, email)) {
            SyncApi api = new SyncApi(s.server().transport(), s.token());
            return catchThrowable(
                    () ->
                            api.createItem(
                                    vault,
                                    new CreateItemRequest(
                                            UUID.randomUUID(), 1, wrap, content, signature, 1L)));
        }
    }

    /** The removed member asks the server for the vault's changes directly: refused. */
    private static Throwable readPastTheClient(String url, String email, String vault) {
        try (UnlockedSession s = login(url, email)) {
            SyncApi api = new SyncApi(s.server().transport(), s.token());
            Throwable t = catchThrowable(() -> api.changes(vault, 0, 100));
            assertThat(t).isInstanceOfAny(NotFoundException.class, ForbiddenException.class);
            return t;
        }
    }
}
