package dev.strongroom.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.RecoveryDecisionRequest;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RecoveryPolicyView;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.model.wire.RecoveryRequestListResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.model.wire.RecoveryShareResponse;
import dev.strongroom.model.wire.RecoveryVaultItemsResponse;
import dev.strongroom.server.audit.ChainedEvent;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestRecovery;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Break-glass recovery end to end over the real API: the policy and its shares, M-of-N approvals
 * withheld until the threshold and the delay, exactly the scope released, denial and veto final, a
 * new policy ending old requests and shares, and every step audited.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RecoveryApiTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("recovery"));
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    /** alice owns the team; bob, carol and dave are the approvers (M = 2); erin is a member. */
    record World(
            TestUser alice,
            TestUser bob,
            TestUser carol,
            TestUser dave,
            TestUser erin,
            TestTeam team,
            TestRecovery recovery) {}

    static World world(Api api, int delayHours) {
        TestUser alice = new TestUser("alice").register(api).login(api);
        TestUser bob = new TestUser("bob").register(api).login(api);
        TestUser carol = new TestUser("carol").register(api).login(api);
        TestUser dave = new TestUser("dave").register(api).login(api);
        TestUser erin = new TestUser("erin").register(api).login(api);
        TestTeam team = new TestTeam(api).create(alice);
        for (TestUser u : List.of(bob, carol, dave, erin)) {
            team.addMember(alice, u, Role.MEMBER);
        }
        TestRecovery recovery =
                new TestRecovery(api, team, 2, delayHours, true, List.of(bob, carol, dave))
                        .set(alice);
        return new World(alice, bob, carol, dave, erin, team, recovery);
    }

    static SignedRecoveryMessage signed(Api api, World w, UUID requestId) {
        return view(api, w, requestId).request();
    }

    static RecoveryRequestView view(Api api, World w, UUID requestId) {
        Api.Response r = api.get(RecoveryPaths.request(w.team().id, requestId), w.alice().token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(RecoveryRequestView.class);
    }

    @Test
    void eachApproverFetchesOnlyTheirOwnSealedShare() {
        World w = world(api, 0);
        UUID t = w.team().id;
        for (TestUser a : List.of(w.bob(), w.carol(), w.dave())) {
            Api.Response r = api.get(RecoveryPaths.share(t, a.id.toString()), a.token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            RecoveryShareResponse share = r.as(RecoveryShareResponse.class);
            assertThat(share.sealedShare()).isEqualTo(w.recovery().shares.get(a.id.toString()));
            assertThat(share.policyVersion()).isEqualTo(1);
        }
        String carols = RecoveryPaths.share(t, w.carol().id.toString());
        assertThat(api.get(carols, w.bob().token).status()).isEqualTo(404);
        assertThat(api.get(carols, w.alice().token).status()).isEqualTo(404);
        assertThat(api.get(RecoveryPaths.share(t, w.erin().id.toString()), w.erin().token).status())
                .isEqualTo(404);
        RecoveryPolicyView policy =
                api.get(RecoveryPaths.policy(t), w.erin().token).as(RecoveryPolicyView.class);
        assertThat(policy.threshold()).isEqualTo(2);
        assertThat(policy.sharesStored()).isTrue();
        assertThat(policy.approverIds()).hasSize(3);
    }

    @Test
    void aVaultRequestIsReleasedOnlyAfterMApprovalsWithExactlyThatVaultsWraps() {
        World w = world(api, 0);
        UUID vault = w.team().createVault(w.alice());
        UUID other = w.team().createVault(w.alice());
        w.recovery().wrapVault(w.alice(), vault, 1);
        w.recovery().wrapVault(w.alice(), other, 1);
        UUID id = w.recovery().open(w.erin(), new RecoveryScope("vault", vault.toString()));
        SignedRecoveryMessage request = signed(api, w, id);
        String release = RecoveryPaths.release(w.team().id, id);

        assertThat(
                        w.recovery()
                                .decide(w.bob(), id, w.recovery().approval(w.bob(), id, request))
                                .status())
                .isEqualTo(200);
        Api.Response withheld = api.get(release, w.erin().token);
        assertThat(withheld.status()).as(withheld.body()).isEqualTo(409);
        assertThat(view(api, w, id).status()).isEqualTo("pending");

        RecoveryDecisionRequest carols = w.recovery().approval(w.carol(), id, request);
        assertThat(w.recovery().decide(w.carol(), id, carols).status()).isEqualTo(200);
        RecoveryRequestView approved = view(api, w, id);
        assertThat(approved.status()).isEqualTo("approved");
        assertThat(approved.approvals()).isEqualTo(2);
        assertThat(approved.reason()).isEqualTo("production is down");

        assertThat(api.get(release, w.bob().token).status()).isEqualTo(404);
        assertThat(api.get(release, w.alice().token).status()).isEqualTo(404);
        Api.Response ok = api.get(release, w.erin().token);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        RecoveryReleaseResponse out = ok.as(RecoveryReleaseResponse.class);
        assertThat(out.approvals())
                .extracting(a -> a.approverId())
                .containsExactlyInAnyOrder(w.bob().id.toString(), w.carol().id.toString());
        assertThat(out.approvals())
                .filteredOn(a -> a.approverId().equals(w.carol().id.toString()))
                .singleElement()
                .satisfies(a -> assertThat(a.sealedShare()).isEqualTo(carols.sealedShare()));
        assertThat(out.request()).isEqualTo(request);
        assertThat(out.vaults())
                .singleElement()
                .satisfies(v -> assertThat(v.vaultId()).isEqualTo(vault));
        assertThat(out.account()).isNull();

        UUID item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(api, w.alice(), vault, item, 1));
        assertThat(api.get("/api/v1/vaults/" + vault + "/changes", w.erin().token).status())
                .isEqualTo(404);
        Api.Response items =
                api.get(RecoveryPaths.vaultItems(w.team().id, id, vault), w.erin().token);
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        RecoveryVaultItemsResponse page = items.as(RecoveryVaultItemsResponse.class);
        assertThat(page.items()).extracting(i -> i.itemId()).containsExactly(item);
        assertThat(page.hasMore()).isFalse();
        assertThat(
                        api.get(RecoveryPaths.vaultItems(w.team().id, id, other), w.erin().token)
                                .status())
                .isEqualTo(404);
        assertThat(
                        api.get(RecoveryPaths.vaultItems(w.team().id, id, vault), w.bob().token)
                                .status())
                .isEqualTo(404);

        List<String> actions = new ArrayList<>();
        server.server()
                .audit()
                .forEach(
                        e -> {
                            if (w.team().id.toString().equals(e.teamId())) {
                                actions.add(e.action());
                            }
                        });
        assertThat(actions)
                .contains(
                        "recovery.policy_set",
                        "recovery.request_open",
                        "recovery.approve",
                        "recovery.release",
                        "recovery.items_read");
        assertThat(server.server().audit().verify().ok()).isTrue();
    }

    @Test
    void aTeamRequestOpensEveryLiveVaultsRecoveryWraps() {
        World w = world(api, 0);
        UUID a = w.team().createVault(w.alice());
        UUID b = w.team().createVault(w.alice());
        w.team().createVault(w.alice()); // no recovery wrap: nothing to open
        w.recovery().wrapVault(w.alice(), a, 1);
        w.recovery().wrapVault(w.alice(), b, 1);
        UUID id = w.recovery().open(w.alice(), new RecoveryScope("team", w.team().id.toString()));
        SignedRecoveryMessage request = signed(api, w, id);
        for (TestUser u : List.of(w.dave(), w.bob())) {
            assertThat(w.recovery().decide(u, id, w.recovery().approval(u, id, request)).status())
                    .isEqualTo(200);
        }
        RecoveryReleaseResponse out =
                api.get(RecoveryPaths.release(w.team().id, id), w.alice().token)
                        .as(RecoveryReleaseResponse.class);
        assertThat(out.vaults()).extracting(v -> v.vaultId()).containsExactly(a, b);
    }

    @Test
    void theDelayWithholdsApprovalsUntilItHasPassed() throws Exception {
        World w = world(api, 1);
        UUID vault = w.team().createVault(w.alice());
        w.recovery().wrapVault(w.alice(), vault, 1);
        UUID id = w.recovery().open(w.erin(), new RecoveryScope("vault", vault.toString()));
        SignedRecoveryMessage request = signed(api, w, id);
        for (TestUser u : List.of(w.bob(), w.carol(), w.dave())) {
            assertThat(w.recovery().decide(u, id, w.recovery().approval(u, id, request)).status())
                    .isEqualTo(200);
        }
        RecoveryRequestView v = view(api, w, id);
        assertThat(v.status()).isEqualTo("approved");
        assertThat(v.notBefore() - v.createdAt()).isEqualTo(3_600_000L);
        Api.Response early = api.get(RecoveryPaths.release(w.team().id, id), w.erin().token);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("error").path("message").asText()).contains("delay");

        // an hour passes: the stored request is moved back in time (the server reads its clock)
        server.db()
                .writeRaw(
                        c -> {
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "UPDATE recovery_requests SET not_before = ? WHERE id"
                                                    + " = ?")) {
                                ps.setLong(1, System.currentTimeMillis() - 1);
                                ps.setString(2, id.toString());
                                return ps.executeUpdate();
                            }
                        });
        Api.Response later = api.get(RecoveryPaths.release(w.team().id, id), w.erin().token);
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.as(RecoveryReleaseResponse.class).approvals()).hasSize(3);
    }

    @Test
    void theScopesItemsAreServedFromOneApprovalShortOfTheThresholdButNoKeyBeforeTheRelease() {
        World w = world(api, 1); // 2 of 3, one hour's delay
        UUID vault = w.team().createVault(w.alice());
        w.recovery().wrapVault(w.alice(), vault, 1);
        UUID item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(api, w.alice(), vault, item, 1));
        UUID id = w.recovery().open(w.erin(), new RecoveryScope("vault", vault.toString()));
        SignedRecoveryMessage request = signed(api, w, id);
        String items = RecoveryPaths.vaultItems(w.team().id, id, vault);
        String release = RecoveryPaths.release(w.team().id, id);

        Api.Response none = api.get(items, w.erin().token);
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.json().path("error").path("message").asText())
                .contains("once 1 approvals exist; there are 0");

        w.recovery().decide(w.bob(), id, w.recovery().approval(w.bob(), id, request));
        Api.Response early = api.get(items, w.erin().token);
        assertThat(early.status()).as(early.body()).isEqualTo(200);
        RecoveryVaultItemsResponse page = early.as(RecoveryVaultItemsResponse.class);
        assertThat(page.items()).extracting(i -> i.itemId()).containsExactly(item);
        assertThat(api.get(items, w.bob().token).status()).isEqualTo(404);
        assertThat(api.get(release, w.erin().token).status()).isEqualTo(409);
        List<String> reads = new ArrayList<>();
        server.server()
                .audit()
                .forEach(
                        e -> {
                            if ("recovery.items_read".equals(e.action())
                                    && e.detail().contains("request=" + id)) {
                                reads.add(e.detail());
                            }
                        });
        assertThat(reads).singleElement().asString().endsWith("items=1 released=false");

        w.recovery().decide(w.carol(), id, w.recovery().approval(w.carol(), id, request));
        assertThat(api.get(items, w.erin().token).status()).isEqualTo(200);
        Api.Response delayed = api.get(release, w.erin().token);
        assertThat(delayed.status()).as(delayed.body()).isEqualTo(409);
        assertThat(delayed.json().path("error").path("message").asText()).contains("delay");

        RecoveryDecisionRequest veto =
                new RecoveryDecisionRequest(
                        w.recovery()
                                .decision(w.alice(), id, request, RecoveryDecisionBody.VETO, null),
                        null);
        assertThat(w.recovery().decide(w.alice(), id, veto).status()).isEqualTo(200);
        assertThat(api.get(items, w.erin().token).status()).isEqualTo(409);
    }

    @Test
    void aDenialMajorityAndAVetoAreFinal() {
        World w = world(api, 0);
        UUID vault = w.team().createVault(w.alice());
        RecoveryScope scope = new RecoveryScope("vault", vault.toString());

        UUID denied = w.recovery().open(w.erin(), scope);
        SignedRecoveryMessage r1 = signed(api, w, denied);
        for (TestUser u : List.of(w.bob(), w.carol())) {
            RecoveryDecisionRequest deny =
                    new RecoveryDecisionRequest(
                            w.recovery().decision(u, denied, r1, RecoveryDecisionBody.DENY, null),
                            null);
            assertThat(w.recovery().decide(u, denied, deny).status()).isEqualTo(200);
        }
        assertThat(view(api, w, denied).status()).isEqualTo("denied");
        Api.Response late =
                w.recovery().decide(w.dave(), denied, w.recovery().approval(w.dave(), denied, r1));
        assertThat(late.status()).isEqualTo(409);

        UUID vetoed = w.recovery().open(w.erin(), scope);
        SignedRecoveryMessage r2 = signed(api, w, vetoed);
        for (TestUser u : List.of(w.bob(), w.carol())) {
            assertThat(
                            w.recovery()
                                    .decide(u, vetoed, w.recovery().approval(u, vetoed, r2))
                                    .status())
                    .isEqualTo(200);
        }
        RecoveryDecisionRequest veto =
                new RecoveryDecisionRequest(
                        w.recovery()
                                .decision(w.alice(), vetoed, r2, RecoveryDecisionBody.VETO, null),
                        null);
        Api.Response vetoResponse = w.recovery().decide(w.alice(), vetoed, veto);
        assertThat(vetoResponse.status()).as(vetoResponse.body()).isEqualTo(200);
        assertThat(view(api, w, vetoed).status()).isEqualTo("vetoed");
        assertThat(api.get(RecoveryPaths.release(w.team().id, vetoed), w.erin().token).status())
                .isEqualTo(409);

        RecoveryRequestListResponse vetoedOnly =
                api.get(RecoveryPaths.requests(w.team().id) + "?status=vetoed", w.bob().token)
                        .as(RecoveryRequestListResponse.class);
        assertThat(vetoedOnly.requests())
                .extracting(RecoveryRequestView::requestId)
                .containsExactly(vetoed);
    }

    @Test
    void theRequesterClosesARequestForGood() {
        World w = world(api, 0);
        UUID id = w.recovery().open(w.erin(), new RecoveryScope("team", w.team().id.toString()));
        SignedRecoveryMessage request = signed(api, w, id);
        assertThat(api.post(RecoveryPaths.close(w.team().id, id), w.bob().token, "{}").status())
                .isEqualTo(403);
        Api.Response closed = api.post(RecoveryPaths.close(w.team().id, id), w.erin().token, "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.as(RecoveryRequestView.class).status()).isEqualTo("closed");
        assertThat(
                        w.recovery()
                                .decide(w.bob(), id, w.recovery().approval(w.bob(), id, request))
                                .status())
                .isEqualTo(409);
    }

    @Test
    void aNewPolicyEndsOpenRequestsAndTheOldSharesAndEnrollments() {
        World w = world(api, 0);
        UUID id = w.recovery().open(w.erin(), new RecoveryScope("team", w.team().id.toString()));
        assertThat(
                        api.put(
                                        RecoveryPaths.enrollment(w.team().id),
                                        w.erin().token,
                                        new dev.strongroom.model.wire.RecoveryEnrollmentRequest(
                                                1, Randoms.bytes(80)))
                                .status())
                .isEqualTo(200);
        String bobsShare = RecoveryPaths.share(w.team().id, w.bob().id.toString());
        byte[] oldShare =
                api.get(bobsShare, w.bob().token).as(RecoveryShareResponse.class).sealedShare();

        w.recovery().set(w.alice());

        assertThat(view(api, w, id).status()).isEqualTo("closed");
        RecoveryShareResponse fresh =
                api.get(bobsShare, w.bob().token).as(RecoveryShareResponse.class);
        assertThat(fresh.policyVersion()).isEqualTo(2);
        assertThat(fresh.sealedShare()).isNotEqualTo(oldShare);
        assertThat(api.get(RecoveryPaths.enrollment(w.team().id), w.erin().token).status())
                .isEqualTo(404);
        assertThat(
                        api.get(RecoveryPaths.policy(w.team().id), w.alice().token)
                                .as(RecoveryPolicyView.class)
                                .enrolledAccountIds())
                .isEmpty();
    }

    @Test
    void everyRefusedDecisionIsAuditedAsDenied() {
        World w = world(api, 0);
        UUID id = w.recovery().open(w.erin(), new RecoveryScope("team", w.team().id.toString()));
        SignedRecoveryMessage request = signed(api, w, id);
        // erin is not an approver
        assertThat(
                        w.recovery()
                                .decide(w.erin(), id, w.recovery().approval(w.erin(), id, request))
                                .status())
                .isEqualTo(403);
        List<ChainedEvent> denied = new ArrayList<>();
        server.server()
                .audit()
                .forEach(
                        e -> {
                            if ("recovery.decide".equals(e.action())
                                    && w.erin().id.toString().equals(e.actorId())) {
                                denied.add(e);
                            }
                        });
        assertThat(denied)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.result()).isEqualTo("denied");
                            assertThat(e.detail()).isEqualTo("forbidden");
                            assertThat(e.teamId()).isEqualTo(w.team().id.toString());
                        });
    }

    @Test
    void aPolicyAppendedThroughTheLogTakesItsSharesRightAfter() {
        World w = world(api, 0);
        TestRecovery rec = w.recovery();
        dev.strongroom.model.wire.RecoveryPolicyRequest next = rec.policyRequest(w.alice());
        w.team()
                .ok(
                        w.team()
                                .append(
                                        w.alice(),
                                        next.entry(),
                                        new dev.strongroom.model.wire.AppendLogRequest(
                                                next.entry(), null, List.of(), List.of())));
        UUID t = w.team().id;
        RecoveryPolicyView before =
                api.get(RecoveryPaths.policy(t), w.bob().token).as(RecoveryPolicyView.class);
        assertThat(before.policyVersion()).isEqualTo(2);
        assertThat(before.sharesStored()).isFalse();
        String bobsShare = RecoveryPaths.share(t, w.bob().id.toString());
        assertThat(api.get(bobsShare, w.bob().token).status()).isEqualTo(404);

        Api.Response stored =
                api.put(
                        RecoveryPaths.shares(t),
                        w.alice().token,
                        new dev.strongroom.model.wire.RecoverySharesUpload(2, next.shares()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.as(RecoveryPolicyView.class).sharesStored()).isTrue();
        assertThat(api.get(bobsShare, w.bob().token).as(RecoveryShareResponse.class).sealedShare())
                .isEqualTo(rec.shares.get(w.bob().id.toString()));
    }
}
