package dev.strongroom.cli.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team commands end to end: the real CLI as separate processes with their agents, against a
 * real sync server in this JVM. Fingerprint and invite-code membership, refusals with their
 * documented exit codes (1 unverified key, 3 wrong code, 6 wrong fingerprint), removal, exposure.
 */
class TeamCommandsTest {

    @TempDir Path dir;

    @Test
    void fingerprintAndCodeInvitesRefusalsRemovalAndExposure() throws Exception {
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0))) {
            String url = "http://127.0.0.1:" + server.port();
            TeamUser alice = new TeamUser(dir, "alice", url);
            TeamUser bob = new TeamUser(dir, "bob", url);
            TeamUser carol = new TeamUser(dir, "carol", url);
            try {
                String team =
                        json(alice.run("team", "create", "Platform", "--json"))
                                .get("teamId")
                                .asText();
                JsonNode bobPrint = json(bob.run("team", "fingerprint", "--json"));
                JsonNode seen = json(alice.run("team", "fingerprint", bob.email, "--json"));
                assertThat(seen.get("digits")).isEqualTo(bobPrint.get("digits"));
                assertThat(seen.get("verified").asBoolean()).isFalse();

                oneLineError(
                        alice.run("team", "invite", "Platform", bob.email, "--fingerprint"), 1);
                String wrong =
                        json(alice.run("team", "fingerprint", "--json")).get("digits").asText();
                oneLineError(alice.run("team", "verify", bob.email, wrong), 6);
                assertThat(
                                alice.run(
                                                "team",
                                                "verify",
                                                bob.email,
                                                bobPrint.get("digits").asText())
                                        .exitCode())
                        .isZero();
                assertThat(alice.run("team", "invite", team, bob.email, "--fingerprint").exitCode())
                        .isZero();

                JsonNode invite =
                        json(alice.run("team", "invite", "Platform", carol.email, "--json"));
                String code = invite.get("code").asText();
                assertThat(code).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
                String typo = (code.charAt(0) == 'A' ? 'B' : 'A') + code.substring(1);
                oneLineError(carol.runWithStdin(typo + "\n", "team", "accept", "--code-stdin"), 3);
                oneLineError(
                        carol.runWithStdin("not-a-code\n", "team", "accept", "--code-stdin"), 3);
                assertThat(
                                carol.runWithStdin(code + "\n", "team", "accept", "--code-stdin")
                                        .exitCode())
                        .isZero();
                JsonNode done =
                        json(alice.run("team", "invite", "Platform", "--complete", "--json"));
                assertThat(done.get("added")).hasSize(1);

                JsonNode members = json(alice.run("team", "members", "Platform", "--json"));
                List<String> emails = new ArrayList<>();
                members.get("members").forEach(m -> emails.add(m.get("email").asText()));
                assertThat(emails).containsExactlyInAnyOrder(alice.email, bob.email, carol.email);
                // carol's own personal team (made at her first login) and Platform
                assertThat(
                                json(carol.run("team", "list", "--json"))
                                        .get("teams")
                                        .findValuesAsText("name"))
                        .containsExactlyInAnyOrder("personal", "Platform");
                // a rename is sealed to every member; carol reads the new name
                assertThat(alice.run("team", "rename", "Platform", "Platform 2").exitCode())
                        .isZero();
                assertThat(
                                json(carol.run("team", "list", "--json"))
                                        .get("teams")
                                        .findValuesAsText("name"))
                        .containsExactlyInAnyOrder("personal", "Platform 2");
                oneLineError(carol.run("team", "rename", "Platform 2", "Mine"), 1);
                oneLineError(alice.run("team", "rename", "Platform 2", " "), 2);
                assertThat(alice.run("team", "rename", "Platform 2", "Platform").exitCode())
                        .isZero();

                assertThat(alice.run("team", "role", "Platform", carol.email, "admin").exitCode())
                        .isZero();
                JsonNode removed =
                        json(alice.run("team", "remove", "Platform", bob.email, "--json"));
                assertThat(removed.get("memberId").asText()).isNotEmpty();
                assertThat(removed.get("exposure")).isEmpty();
                oneLineError(alice.run("team", "remove", "Platform", bob.email), 4);
                assertThat(json(alice.run("exposure", "list", "--json")).get("findings")).isEmpty();
                oneLineError(alice.run("exposure", "dismiss", "a/b/c", "--reason", "x"), 4);
                oneLineError(alice.run("team", "members", "Nope"), 4);
                oneLineError(alice.run("team", "role", "Platform", carol.email, "boss"), 2);
            } finally {
                for (TeamUser u : List.of(alice, bob, carol)) {
                    u.run("lock");
                }
            }
        }
    }

    private static JsonNode json(CliProcess.Result r) throws Exception {
        return TeamUser.json(r);
    }

    private static void oneLineError(CliProcess.Result r, int exitCode) {
        TeamUser.oneLineError(r, exitCode);
    }
}
