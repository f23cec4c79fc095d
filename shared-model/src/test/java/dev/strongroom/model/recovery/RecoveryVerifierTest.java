package dev.strongroom.model.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogFixture;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecoveryVerifierTest {

    private final LogFixture log = new LogFixture().genesis("owner");
    private final String vault = UUID.randomUUID().toString();
    private final TeamState state;

    RecoveryVerifierTest() {
        for (String name : List.of("a1", "a2", "a3", "outsider-to-be")) {
            log.person(name);
            log.append(
                    "owner",
                    new LogAction.AddMember(
                            log.bundle(name), Role.MEMBER, "fingerprint", log.nameFor(name)));
        }
        log.append("owner", new LogAction.CreateVault(vault, LogFixture.digest("w")));
        log.append(
                "owner",
                new LogAction.SetRecoveryPolicy(
                        1,
                        Base64Url.encode(Randoms.bytes(32)),
                        List.of(log.id("a1"), log.id("a2"), log.id("a3")),
                        Map.of(
                                log.id("a1"), LogFixture.digest("s1"),
                                log.id("a2"), LogFixture.digest("s2"),
                                log.id("a3"), LogFixture.digest("s3")),
                        2,
                        0,
                        true));
        state = TeamLogVerifier.verifyFromGenesis(log.entries);
    }

    private RecoveryRequestBody request(String requester, RecoveryScope scope, int policyVersion) {
        return new RecoveryRequestBody(
                1,
                "req-1",
                log.teamId,
                policyVersion,
                scope,
                "prod db is down",
                Base64Url.encode(Randoms.bytes(32)),
                log.id(requester),
                1_700_000_000_000L);
    }

    private VerifiedRecoveryRequest verified() {
        return RecoveryVerifier.verifyRequest(
                SignedRecoveryMessage.signRequest(
                        request("a1", new RecoveryScope(RecoveryScope.VAULT, vault), 1),
                        log.keys.get("a1")),
                state);
    }

    private SignedRecoveryMessage decision(
            String who, VerifiedRecoveryRequest r, String decision, byte[] digest) {
        return SignedRecoveryMessage.signDecision(
                new RecoveryDecisionBody(
                        1,
                        r.body().requestId(),
                        log.teamId,
                        Base64Url.encode(digest),
                        log.id(who),
                        decision,
                        decision.equals("approve") ? LogFixture.digest("sealed-" + who) : null,
                        1L),
                log.keys.get(who));
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(RecoveryVerificationException.class)
                .satisfies(
                        e ->
                                assertThat(((RecoveryVerificationException) e).code())
                                        .isEqualTo(code));
    }

    @Test
    void twoOfThreeApprovalsBoundToTheRequestApproveIt() {
        VerifiedRecoveryRequest r = verified();
        List<RecoveryDecisionBody> decisions = new ArrayList<>();
        decisions.add(
                RecoveryVerifier.verifyDecision(
                        decision("a2", r, "approve", r.digest()), r, state));
        assertThat(RecoveryTally.of(decisions, 2, 3).status())
                .isEqualTo(RecoveryTally.Status.PENDING);
        decisions.add(
                RecoveryVerifier.verifyDecision(
                        decision("a3", r, "approve", r.digest()), r, state));
        RecoveryTally tally = RecoveryTally.of(decisions, 2, 3);
        assertThat(tally.status()).isEqualTo(RecoveryTally.Status.APPROVED);
        assertThat(tally.approvals()).hasSize(2);
    }

    @Test
    void requestsAreRefusedWhenForgedStaleOrOutOfScope() {
        RecoveryRequestBody body = request("a1", new RecoveryScope(RecoveryScope.VAULT, vault), 1);
        assertRefused(
                () ->
                        RecoveryVerifier.verifyRequest(
                                SignedRecoveryMessage.signRequest(body, log.keys.get("a2")), state),
                "bad_signature");
        assertRefused(
                () ->
                        RecoveryVerifier.verifyRequest(
                                SignedRecoveryMessage.signRequest(
                                        request(
                                                "a1",
                                                new RecoveryScope(RecoveryScope.VAULT, vault),
                                                0),
                                        log.keys.get("a1")),
                                state),
                "stale_policy");
        assertRefused(
                () ->
                        RecoveryVerifier.verifyRequest(
                                SignedRecoveryMessage.signRequest(
                                        request(
                                                "a1",
                                                new RecoveryScope(
                                                        RecoveryScope.VAULT, "no-such-vault"),
                                                1),
                                        log.keys.get("a1")),
                                state),
                "unknown_scope");
        SignedRecoveryMessage good = SignedRecoveryMessage.signRequest(body, log.keys.get("a1"));
        String json =
                new String(Base64Url.decode(good.body()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"kind\":\"vault\"");
        String widened =
                Base64Url.encode(
                        json.replace(
                                        "\"kind\":\"vault\",\"target\":\"" + vault,
                                        "\"kind\":\"team\",\"target\":\"" + log.teamId)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(
                () ->
                        RecoveryVerifier.verifyRequest(
                                new SignedRecoveryMessage(widened, good.signature()), state),
                "bad_signature");
    }

    @Test
    void decisionsAreRefusedFromNonApproversOrForAnotherRequest() {
        VerifiedRecoveryRequest r = verified();
        assertRefused(
                () ->
                        RecoveryVerifier.verifyDecision(
                                decision("outsider-to-be", r, "approve", r.digest()), r, state),
                "not_approver");
        assertRefused(
                () ->
                        RecoveryVerifier.verifyDecision(
                                decision("a2", r, "approve", Randoms.bytes(32)), r, state),
                "not_bound");
        assertRefused(
                () ->
                        RecoveryVerifier.verifyDecision(
                                decision("a2", r, "veto", r.digest()), r, state),
                "not_permitted");
        RecoveryDecisionBody veto =
                RecoveryVerifier.verifyDecision(decision("owner", r, "veto", r.digest()), r, state);
        RecoveryDecisionBody yes =
                RecoveryVerifier.verifyDecision(decision("a2", r, "approve", r.digest()), r, state);
        assertThat(RecoveryTally.of(List.of(yes, veto), 1, 3).status())
                .isEqualTo(RecoveryTally.Status.VETOED);
    }

    @Test
    void aReplayedApprovalCountsOnceAtMostAndDenialsCanSettleIt() {
        VerifiedRecoveryRequest r = verified();
        RecoveryDecisionBody yes =
                RecoveryVerifier.verifyDecision(decision("a2", r, "approve", r.digest()), r, state);
        assertRefused(() -> RecoveryTally.of(List.of(yes, yes), 2, 3), "duplicate_decision");
        RecoveryDecisionBody no1 =
                RecoveryVerifier.verifyDecision(decision("a1", r, "deny", r.digest()), r, state);
        RecoveryDecisionBody no3 =
                RecoveryVerifier.verifyDecision(decision("a3", r, "deny", r.digest()), r, state);
        assertThat(RecoveryTally.of(List.of(yes, no1, no3), 2, 3).status())
                .isEqualTo(RecoveryTally.Status.DENIED);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestButOthersCan() {
        VerifiedRecoveryRequest r = verified(); // opened by a1, an approver
        assertRefused(
                () ->
                        RecoveryVerifier.verifyDecision(
                                decision("a1", r, "approve", r.digest()), r, state),
                "self_approval");
        assertThat(
                        RecoveryVerifier.verifyDecision(
                                        decision("a1", r, "deny", r.digest()), r, state)
                                .decision())
                .isEqualTo("deny");
        assertThat(
                        RecoveryVerifier.verifyDecision(
                                        decision("a2", r, "approve", r.digest()), r, state)
                                .decision())
                .isEqualTo("approve");
    }
}
