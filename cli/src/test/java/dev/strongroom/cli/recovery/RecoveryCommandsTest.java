package dev.strongroom.cli.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.cli.team.TeamUser;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Break-glass recovery end to end with the real CLI as separate processes and a real server: an
 * owner sets a 2-of-3 policy over verified approvers, a plain member without access requests a
 * vault, one approval leaves it withheld (exit 5), the second opens exactly that vault and its
 * secret (read through the released scope, no grant left behind); every member's status carries a
 * security notice until the re-key, which rotates the vault and lists enrolled members who must
 * enrol again; a requester cannot approve their own request; paper shares are exported as words and
 * the offline kit opens from them with the server stopped, only against the kit anchor printed at
 * export, while too few or mistyped words, another anchor, the genesis-only anchor, or an older kit
 * (exported before the log moved on) against the latest anchor are one-line errors. Plain sync
 * carries the security notice on stderr from the use until the re-key.
 */
class RecoveryCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void requestApproveCombineRekeyAndOpenTheKitOffline() throws Exception {
        TeamUser alice;
        TeamUser bob;
        TeamUser carol;
        TeamUser zed;
        Path kit = dir.resolve("platform.kit");
        Path oldKit = dir.resolve("platform-old.kit");
        String oldAnchor;
        String bobWords;
        String carolWords;
        String anchor;
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0))) {
            String url = "http://127.0.0.1:" + server.port();
            alice = new TeamUser(dir, "alice", url);
            bob = new TeamUser(dir, "bob", url);
            carol = new TeamUser(dir, "carol", url);
            zed = new TeamUser(dir, "zed", url);
            try {
                String team =
                        json(alice.run("team", "create", "Platform", "--json"))
                                .get("teamId")
                                .asText();
                for (TeamUser u : List.of(bob, carol, zed)) {
                    String digits =
                            json(u.run("team", "fingerprint", "--json")).get("digits").asText();
                    ok(alice.run("team", "verify", u.email, digits));
                    ok(alice.run("team", "invite", "Platform", u.email, "--fingerprint"));
                }
                // gap 3: each member checks who added them, then joins, before syncing the team
                String aliceDigits =
                        json(alice.run("team", "fingerprint", "--json")).get("digits").asText();
                for (TeamUser u : List.of(bob, carol, zed)) {
                    ok(u.run("team", "verify", alice.email, aliceDigits));
                    ok(u.run("team", "join", team));
                }
                String prod =
                        json(alice.run("vault", "create", "prod", "--team", team, "--json"))
                                .findValue("id")
                                .asText();
                String item =
                        json(alice.runWithStdin(
                                        "db-secret-1\n",
                                        "item",
                                        "add",
                                        "--type",
                                        "api-key",
                                        "--name",
                                        "db",
                                        "--vault",
                                        prod,
                                        "--secret-stdin",
                                        "--json"))
                                .findValue("id")
                                .asText();
                ok(alice.run("sync"));

                // setup over verified approvers; an unverified approver is refused (exit 1)
                oneLineError(
                        bob.run(
                                "recovery",
                                "setup",
                                "Platform",
                                "--approvers",
                                alice.email + "," + carol.email,
                                "--threshold",
                                "2"),
                        1);
                ok(
                        alice.run(
                                "recovery",
                                "setup",
                                "Platform",
                                "--approvers",
                                alice.email + "," + bob.email + "," + carol.email,
                                "--threshold",
                                "2"));
                CliProcess.Result quiet = bob.run("sync");
                ok(quiet);
                assertThat(quiet.stderr()).doesNotContain("SECURITY NOTICE");
                JsonNode status = json(alice.run("recovery", "status", "Platform", "--json"));
                assertThat(status.get("threshold").asInt()).isEqualTo(2);
                assertThat(status.get("vaultsNotCovered")).isEmpty();

                String request = requestVault(zed, prod, "prod db down, alice asleep");
                assertThat(
                                json(bob.run("recovery", "pending", "Platform", "--json"))
                                        .get("requests"))
                        .hasSize(1);
                assertThat(bob.run("recovery", "pending", "Platform").stdout())
                        .contains("prod db down, alice asleep");
                ok(bob.run("recovery", "approve", "Platform", request));
                // one approval short, listing the requests has zed's agent read and check the
                // scope's items ahead; the combine says so while the approvals are withheld
                ok(zed.run("recovery", "pending", "Platform"));
                CliProcess.Result early = zed.run("recovery", "combine", "Platform", request);
                oneLineError(early, 5);
                assertThat(early.stderr())
                        .contains("its items were read and checked ahead of the release");
                // zed waits for the last approval, which carol gives meanwhile
                CompletableFuture<CliProcess.Result> waiting =
                        CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return zed.run(
                                                "recovery",
                                                "combine",
                                                "Platform",
                                                request,
                                                "--json",
                                                "--wait",
                                                "120");
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                Thread.sleep(4_000);
                ok(carol.run("recovery", "approve", "Platform", request));
                // zed, a plain member without access, reads the items from the combine itself
                // (the released scope), and is left with no standing grant on the vault
                CliProcess.Result waited = waiting.get(150, TimeUnit.SECONDS);
                assertThat(waited.stderr())
                        .contains("waiting: approvals are withheld until 2 exist; there are 1")
                        .contains("read and checked ahead");
                JsonNode opened = json(waited);
                assertThat(opened.get("opened")).hasSize(1);
                assertThat(opened.get("opened").get(0).get("vaultId").asText()).isEqualTo(prod);
                assertThat(opened.get("opened").get(0).get("contents").toString())
                        .contains("db-secret-1");
                assertThat(opened.get("notice").asText())
                        .contains("recovery key has now been used");
                assertThat(zed.run("item", "get", item, "--field", "key").exitCode()).isNotZero();
                // the team is told: every member's status names the use until the re-key
                assertThat(bob.run("recovery", "status", "Platform").stdout())
                        .contains("SECURITY NOTICE: the recovery key was used: request " + request)
                        .contains(zed.email);
                // and plain sync says so on stderr (the sync itself succeeds)
                CliProcess.Result told = bob.run("sync");
                ok(told);
                assertThat(told.stderr())
                        .contains(
                                "SECURITY NOTICE: team Platform: the recovery key was used: request "
                                        + request
                                        + " by "
                                        + zed.email)
                        .contains("strongroom recovery rekey Platform");
                assertThat(told.stdout()).doesNotContain("SECURITY NOTICE");

                // the requester cannot count as an approver of their own request
                String own = requestVault(carol, prod, "my own");
                oneLineError(carol.run("recovery", "approve", "Platform", own), 1);

                ok(bob.run("recovery", "enrol", "Platform"));
                JsonNode rekey = json(alice.run("recovery", "rekey", "Platform", "--json"));
                assertThat(rekey.get("policyVersion").asInt()).isEqualTo(2);
                assertThat(rekey.get("rotated").get(0).asText()).isEqualTo(prod);
                assertThat(rekey.get("reenrolmentDueEmails").toString()).contains(bob.email);
                String after = bob.run("recovery", "status", "Platform").stdout();
                assertThat(after)
                        .doesNotContain("SECURITY NOTICE")
                        .contains(
                                "must run 'strongroom recovery enrol Platform' again: "
                                        + bob.email);
                CliProcess.Result afterRekey = bob.run("sync");
                ok(afterRekey);
                assertThat(afterRekey.stderr()).doesNotContain("SECURITY NOTICE");

                bobWords = shareWords(bob);
                carolWords = shareWords(carol);
                // a kit exported now, then the log moves on (a new vault): that kit is older
                oldAnchor = exportKit(alice, oldKit);
                ok(alice.run("vault", "create", "staging", "--team", team));
                anchor = exportKit(alice, kit);
                assertThat(anchor).matches("\\d+:[0-9a-f]{8}(-[0-9a-f]{8}){7}");
                assertThat(alice.run("recovery", "status", "Platform").stdout())
                        .contains(anchor)
                        .doesNotContain(oldAnchor);
            } finally {
                for (TeamUser u : List.of(alice, bob, carol, zed)) {
                    u.run("lock");
                }
            }
        }
        // the server is gone: the kit opens from two typed shares, in process
        String twoShares = bobWords + "\n" + carolWords + "\n";
        CliProcess.Result open = openKit(zed, twoShares, kit, anchor, "--json");
        assertThat(open.exitCode()).as(open.stderr()).isZero();
        assertThat(open.stdout()).contains("db-secret-1").contains("prod");
        oneLineError(openKit(zed, bobWords + "\n", kit, anchor), 1);
        // the kit is checked against its anchor: missing (usage) or another head (error)
        oneLineError(openKit(zed, twoShares, kit, null), 2);
        char last = anchor.charAt(anchor.length() - 1);
        String otherAnchor = anchor.substring(0, anchor.length() - 1) + (last == '0' ? '1' : '0');
        oneLineError(openKit(zed, twoShares, kit, otherAnchor), 1);
        // the older kit (a prefix of the same log, same genesis and recovery key) against the
        // anchor printed for the latest kit: refused, though it opens against its own anchor
        CliProcess.Result older = openKit(zed, twoShares, oldKit, anchor);
        oneLineError(older, 1);
        assertThat(older.stderr()).contains("an older or cut-back kit");
        ok(openKit(zed, twoShares, oldKit, oldAnchor));
        // the genesis-only anchor of version 1 kits is refused before any word is read
        oneLineError(openKit(zed, "", kit, anchor.substring(anchor.indexOf(':') + 1)), 2);
        String[] w = carolWords.split(" ");
        w[w.length - 1] = w[w.length - 1].equals("acid") ? "academic" : "acid";
        oneLineError(openKit(zed, bobWords + "\n" + String.join(" ", w) + "\n", kit, anchor), 1);
    }

    /** Files a break-glass request for one vault; returns the request id. */
    private static String requestVault(TeamUser requester, String vault, String reason)
            throws Exception {
        return json(requester.run(
                        "recovery",
                        "request",
                        "Platform",
                        "--scope",
                        "vault:" + vault,
                        "--reason",
                        reason,
                        "--json"))
                .get("requestId")
                .asText();
    }

    /** A member's paper share, exported as words. */
    private static String shareWords(TeamUser member) throws Exception {
        return json(member.run("recovery", "share-export", "Platform", "--json"))
                .get("words")
                .asText();
    }

    /** Exports the team's offline kit to {@code file}; returns the kit anchor printed at export. */
    private static String exportKit(TeamUser owner, Path file) throws Exception {
        return json(owner.run("recovery", "kit", "export", "Platform", file.toString(), "--json"))
                .get("anchor")
                .asText();
    }

    /**
     * {@code recovery kit open KIT [--anchor ANCHOR] --words-stdin [more...]} with {@code words}
     * typed on stdin; a null anchor leaves the flag out (the usage error case).
     */
    private static CliProcess.Result openKit(
            TeamUser who, String words, Path kit, String anchor, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("recovery", "kit", "open", kit.toString()));
        if (anchor != null) {
            args.addAll(List.of("--anchor", anchor));
        }
        args.add("--words-stdin");
        args.addAll(List.of(more));
        return who.runWithStdin(words, args.toArray(String[]::new));
    }

    private static JsonNode json(CliProcess.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    private static void ok(CliProcess.Result r) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    private static void oneLineError(CliProcess.Result r, int exitCode) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(exitCode);
        assertThat(r.stderr().lines()).hasSize(1);
        assertThat(r.stderr()).startsWith("strongroom: ").doesNotContain("Exception");
    }
}
