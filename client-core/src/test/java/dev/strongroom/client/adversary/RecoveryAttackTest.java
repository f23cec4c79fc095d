package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.recovery.RecoveryLog;
import dev.strongroom.client.recovery.RecoveryRequests;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryApprovalView;
import dev.strongroom.model.wire.WireJson;
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
    private static final String SIGNATURE = "/approvals/0/decision/signature";

    @TempDir Path dir;

    @Test
    void forgedInjectedReplayedAndMisboundApprovalsAndSubstitutedWrapsAreRefused()
            throws Exception {
        try (BreakGlassScene s = new BreakGlassScene(dir)) {
            String team = s.team;
            Device eve = s.person("eve");
            Device bobVictim = s.throughProxy(s.bob.email, "bob-victim");
            s.alice.vaults.add(s.vault, TeamFixture.apiKey("db", "s3cret"));
            s.teamUpWithPolicy(Role.ADMIN, List.of(eve), List.of(bobVictim));

            // an approver handed someone else's sealed share notices before using it
            byte[] carolsShare =
                    new dev.strongroom.client.recovery.RecoveryApi(s.carol.session)
                            .ownShare(team)
                            .sealedShare();
            s.proxy.rewriteResponse(
                    "GET",
                    "/api/v1/teams/[^/]+/recovery/policy/shares/[^/]+",
                    r -> JsonEdits.setBytes(r, "/sealedShare", carolsShare));
            String request = s.zedRequestsTheVault("x");
            String other = s.zedRequestsTheVault("y");
            assertThatThrownBy(() -> s.glass(bobVictim).approve(team, request))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("not the one the signed policy names");
            s.proxy.clearRules();
            s.approvedByBobAndCarol(request);
            s.approvedByBobAndCarol(other);

            // the other request's release, as the server holds it
            JsonNode otherRelease =
                    WireJson.mapper()
                            .valueToTree(
                                    new dev.strongroom.client.recovery.RecoveryApi(s.zed.session)
                                            .release(team, other));

            attack(s, request, "does not verify", r -> JsonEdits.flipByte(r, SIGNATURE, 3));
            attack(s, request, "decided twice", r -> JsonEdits.duplicate(r, "/approvals", 0));
            attack(
                    s,
                    request,
                    "bound to another request",
                    r -> JsonEdits.substitute(r, "/approvals/1", otherRelease, "/approvals/1"));
            attack(s, request, "approvers may approve", r -> inject(r, eve, team));
            attack(
                    s,
                    request,
                    "not the one the log names",
                    r -> JsonEdits.flipByte(r, "/vaults/0/wraps/0/wrap", -1));
            attack(
                    s,
                    request,
                    "not the one its approval names",
                    r -> JsonEdits.flipByte(r, "/approvals/0/sealedShare", -1));

            // the honest release still opens exactly the vault
            List<OpenedVault> opened = s.zedGlass().combine(team, request);
            assertThat(opened).singleElement().satisfies(v -> assertThat(v.items()).hasSize(1));
            opened.forEach(OpenedVault::close);
        }
    }

    /** The server's release is edited; zed's combine refuses it, and signs no grant. */
    private static void attack(
            BreakGlassScene s, String request, String message, UnaryOperator<JsonNode> edit) {
        s.proxy.rewriteResponse("GET", RELEASE, edit);
        try {
            assertThatThrownBy(() -> s.zedGlass().combine(s.team, request))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining(message);
            s.zed.engine.pull();
            assertThat(s.zed.engine.team(s.team).orElseThrow().vaults().get(s.vault).grants())
                    .doesNotContainKey(s.zed.id);
        } finally {
            s.proxy.clearRules();
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
}
