package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.adversary.LeakSearch.Leak;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.TeamNameCheck;
import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.server.StrongroomServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-knowledge evidence: three accounts, a team with two shared vaults and a personal vault,
 * items of every type whose every free-text part is a random canary, edits by two writers, a
 * reader, a member removal, a rename, a move and a delete, all through the recording proxy. Then
 * the server's database files (main file, WAL and shared memory, read raw while it still runs), its
 * log output at TRACE and every recorded request and response are searched for each canary, each
 * password and every key the clients derived or generated, in raw, hex and base64 forms. None may
 * appear; a planted copy proves the search finds them when they do.
 */
class ZeroKnowledgeCanaryTest {

    @TempDir Path dir;

    @Test
    void noCanaryPasswordOrKeyReachesTheServer() throws Exception {
        Canaries canaries = new Canaries();
        LeakSearch search = new LeakSearch();
        List<AutoCloseable> devices = new ArrayList<>();
        try (LogCapture logs = new LogCapture();
                StrongroomServer server = TestServers.start(dir.resolve("server"));
                MaliciousServer proxy =
                        new MaliciousServer(TestServers.endpoint(server)).recording(true)) {
            Scene s = new Scene(proxy, canaries, dir, devices);
            s.play();
            for (Map.Entry<String, String> c : canaries.all.entrySet()) {
                search.text("canary " + c.getKey(), c.getValue());
            }
            s.registerKeys(search);

            List<Leak> leaks = new ArrayList<>();
            List<Path> files = serverFiles(dir.resolve("server"));
            for (Path f : files) {
                leaks.addAll(search.search(f.getFileName().toString(), Files.readAllBytes(f)));
            }
            leaks.addAll(search.search("server log", logs.bytes()));
            for (MaliciousServer.Exchange e : proxy.recorded()) {
                String what = e.request().target();
                byte[] url = (what + "?" + e.request().query()).getBytes(StandardCharsets.UTF_8);
                leaks.addAll(search.search("request line " + what, url));
                leaks.addAll(search.search("request body " + what, e.request().body()));
                leaks.addAll(search.search("response body " + what, e.response().body()));
            }

            // The haystacks are real: the database with its WAL, the server's own log lines and
            // the whole conversation, with every kind of secret among the needles.
            assertThat(files)
                    .extracting(p -> p.getFileName().toString())
                    .contains("strongroom.db", "strongroom.db-wal");
            assertThat(logs.lines()).anyMatch(l -> l.contains("GET /api/v1/vaults/"));
            assertThat(proxy.recorded()).hasSizeGreaterThan(100);
            assertThat(canaries.all).hasSizeGreaterThan(7 * 12);
            // per account 8 (password and 7 keys), 6 vault keys, at least 10 item keys
            assertThat(search.secretCount())
                    .isGreaterThanOrEqualTo(canaries.all.size() + 3 * 8 + 6 + 10);
            assertThat(leaks).isEmpty();

            provesItCanFail(search, canaries, s, files.get(0));
        } finally {
            for (AutoCloseable d : devices) {
                d.close();
            }
        }
    }

    /** Plants secrets in copies of the haystacks; the same search must find every one. */
    private void provesItCanFail(LeakSearch search, Canaries canaries, Scene s, Path db)
            throws Exception {
        Map.Entry<String, String> canary = canaries.all.entrySet().iterator().next();
        Path copy = dir.resolve("planted.db");
        Files.copy(db, copy);
        Files.write(
                copy,
                canary.getValue().getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(search.search("planted", Files.readAllBytes(copy)))
                .extracting(Leak::secret)
                .contains("canary " + canary.getKey());

        byte[] key = s.aliceVaultKey;
        for (int align = 0; align < 3; align++) {
            byte[] blob = new byte[align + 6 + key.length + 5];
            System.arraycopy(key, 0, blob, align + 6, key.length);
            String body =
                    "{\"wrap\":\""
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(blob)
                            + "\"}";
            assertThat(search.search("planted body", body.getBytes(StandardCharsets.UTF_8)))
                    .as("alignment " + align)
                    .extracting(Leak::secret)
                    .contains(s.aliceVaultKeyLabel);
        }
        String hex = "x=" + HexFormat.of().withUpperCase().formatHex(key) + ";";
        assertThat(search.search("planted log", hex.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    private static List<Path> serverFiles(Path serverDir) throws Exception {
        try (Stream<Path> all = Files.walk(serverDir)) {
            return all.filter(Files::isRegularFile)
                    .sorted((a, b) -> a.getFileName().toString().equals("strongroom.db") ? -1 : 1)
                    .toList();
        }
    }

    /**
     * A team's name travels only sealed to each member inside the signed log entries (log format
     * 2): neither the genesis, nor an added member's entry, nor a rename, nor the team listing
     * carries it.
     */
    @Test
    void aTeamsNameDoesNotReachTheServer() throws Exception {
        Canaries canaries = new Canaries();
        String name = canaries.next("team name");
        String renamed = canaries.next("team name after a rename");
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                MaliciousServer proxy =
                        new MaliciousServer(TestServers.endpoint(server)).recording(true)) {
            char[] pw = canaries.next("password").toCharArray();
            char[] pw2 = canaries.next("password").toCharArray();
            String email = World.email("team-namer");
            String email2 = World.email("team-member");
            new AccountService(KdfPinStore.inMemory())
                    .register(ServerApi.connect(proxy.endpoint()), email, pw.clone(), World.KDF);
            new AccountService(KdfPinStore.inMemory())
                    .register(ServerApi.connect(proxy.endpoint()), email2, pw2.clone(), World.KDF);
            try (Device d = new Device(proxy.endpoint(), email, pw, dir.resolve("d"));
                    Device m = new Device(proxy.endpoint(), email2, pw2, dir.resolve("m"));
                    TeamService teams = new TeamService(d.vaults, d.engine, dir.resolve("ds"))) {
                String teamId = d.vaults.createTeam(name);
                TeamLog.addMember(d, teamId, m.session.publicBundle(), Role.MEMBER);
                TeamState before = d.engine.team(teamId).orElseThrow();
                m.engine.joins().join(teamId, before.genesisHash(), "joined");
                m.engine.pull();
                assertThat(
                                TeamNameCheck.read(
                                        m.engine.team(teamId).orElseThrow(),
                                        m.id(),
                                        m.session.identity()))
                        .isEqualTo(name);
                teams.rename(teamId, renamed);
                m.engine.pull();
                assertThat(teams.teams()).extracting(TeamInfo::name).contains(renamed);
                assertThat(
                                TeamNameCheck.read(
                                        m.engine.team(teamId).orElseThrow(),
                                        m.id(),
                                        m.session.identity()))
                        .isEqualTo(renamed);
            }
            LeakSearch search = new LeakSearch().text("team name", name).text("renamed", renamed);
            List<Leak> leaks = new ArrayList<>();
            for (MaliciousServer.Exchange e : proxy.recorded()) {
                leaks.addAll(search.search("request " + e.request().target(), e.request().body()));
                leaks.addAll(
                        search.search("response " + e.request().target(), e.response().body()));
            }
            for (Path f : serverFiles(dir.resolve("server"))) {
                leaks.addAll(search.search(f.getFileName().toString(), Files.readAllBytes(f)));
            }
            assertThat(proxy.recorded()).anyMatch(e -> e.request().target().endsWith("/log"));
            assertThat(leaks).isEmpty();
        }
    }

    /** The scenario, and the keys its devices hold afterwards. */
    private static final class Scene {
        final MaliciousServer proxy;
        final Canaries canaries;
        final Path dir;
        final List<AutoCloseable> devices;
        final List<Device> everyone = new ArrayList<>();
        final List<char[]> passwords = new ArrayList<>();
        byte[] aliceVaultKey;
        String aliceVaultKeyLabel;

        Scene(MaliciousServer proxy, Canaries canaries, Path dir, List<AutoCloseable> devices) {
            this.proxy = proxy;
            this.canaries = canaries;
            this.dir = dir;
            this.devices = devices;
        }

        Device account(String who) {
            String email = World.email(who);
            char[] pw = canaries.next(who + " master password").toCharArray();
            new AccountService(KdfPinStore.inMemory())
                    .register(ServerApi.connect(proxy.endpoint()), email, pw.clone(), World.KDF);
            Device d = new Device(proxy.endpoint(), email, pw, dir.resolve(who));
            devices.add(d);
            everyone.add(d);
            passwords.add(pw);
            return d;
        }

        void play() {
            Device alice = account("alice");
            Device bob = account("bob");
            Device carol = account("carol");
            String personal =
                    alice.vaults
                            .createPersonalVault(canaries.next("personal vault name"))
                            .vaultId();
            String team = alice.vaults.createTeam("Acme");
            String shared =
                    alice.vaults.createVault(team, canaries.next("shared vault name")).vaultId();
            String ops = alice.vaults.createVault(team, canaries.next("ops vault name")).vaultId();
            TeamLog.addMember(alice, team, bob.session.publicBundle(), Role.MEMBER);
            TeamLog.addMember(alice, team, carol.session.publicBundle(), Role.MEMBER);
            TeamLog.grant(alice, team, shared, bob.session.publicBundle(), Permission.WRITE);
            TeamLog.grant(alice, team, ops, bob.session.publicBundle(), Permission.WRITE);
            TeamLog.grant(alice, team, shared, carol.session.publicBundle(), Permission.READ);
            bob.join(team, alice.session.email(), alice.session.publicBundle());
            carol.join(team, alice.session.email(), alice.session.publicBundle());

            List<String> ids = new ArrayList<>();
            for (ItemContent c : canaries.everyType()) {
                ids.add(alice.vaults.add(shared, c));
            }
            alice.vaults.add(personal, canaries.item(ItemType.LOGIN));
            bob.engine.pull();
            bob.vaults.add(ops, canaries.item(ItemType.API_KEY));
            rename(bob, shared, ids.get(0), canaries.next("renamed by bob"));
            carol.engine.pull();

            TeamLog.append(alice, team, new LogAction.RemoveMember(carol.id()), List.of());
            rename(alice, shared, ids.get(1), canaries.next("renamed after removal"));
            alice.vaults.rename(ops, canaries.next("ops vault new name"));
            alice.vaults.move(shared, ids.get(2), ops);
            alice.vaults.delete(shared, ids.get(3));
            alice.vaults.sync();
            bob.engine.pull();
        }

        static void rename(Device d, String vault, String id, String name) {
            try (ItemView v = d.vaults.get(vault, id).orElseThrow()) {
                ItemContent c = v.content();
                d.vaults.edit(
                        vault,
                        id,
                        c.toBuilder().name(name).modified(c.modified().plusSeconds(1)).build());
            }
        }

        void registerKeys(LeakSearch search) {
            for (int i = 0; i < everyone.size(); i++) {
                Device d = everyone.get(i);
                JsonNode account = loginAnswer(d.session.email()).get("account");
                ClientKeys.register(search, d, passwords.get(i), account);
            }
            Device alice = everyone.get(0);
            String vault = alice.cache.vaults().get(0).vaultId();
            aliceVaultKey = alice.engine.vaultKey(vault, 1).copyBytes();
            aliceVaultKeyLabel = ClientKeys.vaultKeyLabel(alice, vault, 1);
        }

        JsonNode loginAnswer(String email) {
            for (MaliciousServer.Exchange e : proxy.recorded("POST", "/api/v1/login/finish")) {
                JsonNode r = e.response().json();
                if (r.path("account").path("email").asText().equals(email)) {
                    return r;
                }
            }
            throw new IllegalStateException("no login recorded for " + email);
        }
    }
}
