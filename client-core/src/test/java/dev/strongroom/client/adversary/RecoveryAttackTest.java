package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.recovery.RecoveryLog;
import dev.strongroom.client.recovery.RecoveryRequests;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryApprovalView;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery attacks of a malicious server, through the proxy in front of a real server: a forged
 * approval, an approver the policy does not name, a replayed approval, an approval of another
 * request, a substituted vault wrap, and another approver's share handed to an approver. Each is a
 * clear error with nothing opened and no grant signed; the honest answer still works.
 */
class RecoveryAttackTest {

    private static final String RELEASE = "/api/v1/teams/[^/]+/recovery/requests/[^/]+/release";

    @TempDir Path dir;

    @Test
    void forgedInjectedReplayedAndMisboundApprovalsAndSubstitutedWrapsAreRefused()
            throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                MaliciousServer proxy = new MaliciousServer(TestServers.endpoint(server))) {
            ServerEndpoint direct = TestServers.endpoint(server);
            Device alice = device(direct, "alice");
            Device bob = device(direct, "bob");
            Device carol = device(direct, "carol");
            Device eve = device(direct, "eve");
            String zedEmail = TeamFixture.register(direct, "zed");
            Device zed = new Device(proxy.endpoint(), zedEmail, dir.resolve("zed"));
            Device bobVictim = new Device(proxy.endpoint(), bob.email, dir.resolve("bob-victim"));
            try {
                String team = alice.teams.createTeam("Acme");
                String vault = alice.vaults.createVault(team, "prod").vaultId();
                alice.vaults.add(vault, TeamFixture.apiKey("db", "s3cret"));
                for (Device d : List.of(bob, carol, eve, zed)) {
                    alice.teams.verify(d.email, d.teams.myFingerprint().digits());
                    alice.teams.addMember(team, d.email, d == zed ? Role.ADMIN : Role.MEMBER);
                }
                for (Device d : List.of(bob, carol, eve, zed, bobVictim)) {
                    TeamFixture.join(d, alice, team); // gap 3: members join before syncing
                }
                new RecoveryService(alice.vaults, alice.engine, alice.teams)
                        .setup(team, List.of(alice.id, bob.id, carol.id), 2, 0, false);

                // an approver handed someone else's sealed share notices before using it
                byte[] carolsShare =
                        new dev.strongroom.client.recovery.RecoveryApi(carol.session)
                                .ownShare(team)
                                .sealedShare();
                proxy.rewriteResponse(
                        "GET",
                        "/api/v1/teams/[^/]+/recovery/policy/shares/[^/]+",
                        r -> JsonEdits.setBytes(r, "/sealedShare", carolsShare));
                BreakGlass zedGlass = glass(zed);
                String request =
                        zedGlass.request(team, new RecoveryScope(RecoveryScope.VAULT, vault), "x");
                String other =
                        zedGlass.request(team, new RecoveryScope(RecoveryScope.VAULT, vault), "y");
                assertThatThrownBy(() -> glass(bobVictim).approve(team, request))
                        .isInstanceOf(RecoveryException.class)
                        .hasMessageContaining("not the one the signed policy names");
                proxy.clearRules();
                glass(bob).approve(team, request);
                glass(carol).approve(team, request);
                glass(bob).approve(team, other);
                glass(carol).approve(team, other);

                // the other request's release, as the server holds it
                JsonNode otherRelease =
                        WireJson.mapper()
                                .valueToTree(
                                        new dev.strongroom.client.recovery.RecoveryApi(zed.session)
                                                .release(team, other));

                attack(
                        proxy,
                        zedGlass,
                        zed,
                        team,
                        request,
                        vault,
                        "does not verify",
                        r -> JsonEdits.flipByte(r, "/approvals/0/decision/signature", 3));
                attack(
                        proxy,
                        zedGlass,
                        zed,
                        team,
                        request,
                        vault,
                        "decided twice",
                        r -> JsonEdits.duplicate(r, "/approvals", 0));
                attack(
                        proxy,
                        zedGlass,
                        zed,
                        team,
                        request,
                        vault,
                        "bound to another request",
                        r -> JsonEdits.substitute(r, "/approvals/1", otherRelease, "/approvals/1"));
                attack(
                        proxy,
                        zedGlass,
                        zed,
                        team,
                        request,
                        vault,
                        "approvers may approve",
                        r -> inject(r, eve, team));
                attack(
                        proxy,
                        zedGlass,
                        zed,
                        team,
                        request,
                        vault,
                        "not the one the log names",
                        r -> JsonEdits.flipByte(r, "/vaults/0/wraps/0/wrap", -1));
                attack(
                        proxy,
                        zedGlass,
                        zed,
                        team,
                        request,
                        vault,
                        "not the one its approval names",
                        r -> JsonEdits.flipByte(r, "/approvals/0/sealedShare", -1));

                // the honest release still opens exactly the vault
                List<OpenedVault> opened = zedGlass.combine(team, request);
                assertThat(opened).singleElement().satisfies(v -> assertThat(v.items()).hasSize(1));
                opened.forEach(OpenedVault::close);
            } finally {
                for (Device d : List.of(alice, bob, carol, eve, zed, bobVictim)) {
                    d.close();
                }
            }
        }
    }

    /** The server's release is edited; zed's combine refuses it, and signs no grant. */
    private static void attack(
            MaliciousServer proxy,
            BreakGlass glass,
            Device zed,
            String team,
            String request,
            String vault,
            String message,
            UnaryOperator<JsonNode> edit) {
        proxy.rewriteResponse("GET", RELEASE, edit);
        try {
            assertThatThrownBy(() -> glass.combine(team, request))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining(message);
            zed.engine.pull();
            assertThat(zed.engine.team(team).orElseThrow().vaults().get(vault).grants())
                    .doesNotContainKey(zed.id);
        } finally {
            proxy.clearRules();
        }
    }

    /** An approval signed by a member the policy does not name, slipped in first. */
    private static JsonNode inject(JsonNode release, Device eve, String team) {
        try {
            SignedRecoveryMessage request =
                    WireJson.mapper()
                            .treeToValue(release.get("request"), SignedRecoveryMessage.class);
            eve.engine.pull();
            RecoveryLog log = RecoveryLog.verify(eve.cache.logEntries(team));
            VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
            byte[] share = Randoms.bytes(120);
            RecoveryDecisionBody body =
                    new RecoveryDecisionBody(
                            RecoveryDecisionBody.VERSION,
                            r.body().requestId(),
                            team,
                            Base64Url.encode(r.digest()),
                            eve.id,
                            RecoveryDecisionBody.APPROVE,
                            Base64Url.encode(Sha256.hash(share)),
                            System.currentTimeMillis());
            RecoveryApprovalView forged =
                    new RecoveryApprovalView(
                            eve.id,
                            SignedRecoveryMessage.signDecision(body, eve.session.identity()),
                            share);
            ((ArrayNode) release.get("approvals")).insert(0, WireJson.mapper().valueToTree(forged));
            return release;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BreakGlass glass(Device d) {
        return new BreakGlass(
                new RecoveryService(d.vaults, d.engine, d.teams),
                d.engine,
                dir.resolve("state-" + d.id));
    }

    private Device device(ServerEndpoint endpoint, String name) {
        return new Device(endpoint, TeamFixture.register(endpoint, name), dir.resolve(name));
    }
}
