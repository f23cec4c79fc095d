package dev.strongroom.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryRequestBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryDecisionRequest;
import dev.strongroom.model.wire.RecoveryEnrollmentRequest;
import dev.strongroom.model.wire.RecoveryOpenRequest;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RecoveryPolicyRequest;
import dev.strongroom.model.wire.RecoverySealedShare;
import dev.strongroom.model.wire.RecoverySharesUpload;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.recovery.RecoveryApiTest.World;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.BadInputTable;
import dev.strongroom.server.testing.BadInputTable.Case;
import dev.strongroom.server.testing.TestRecovery;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bad-input table of the recovery endpoints: every row is refused with the right status and
 * code, a uniform error body, and no row of the database changed.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RecoveryBadInputTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;
    private static World w;
    private static World zed;
    private static String revoked;
    private static UUID vault;
    private static UUID pending;
    private static UUID other;
    private static UUID vetoed;
    private static UUID zedsRequest;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("recovery-bad"));
        api = server.api();
        w = RecoveryApiTest.world(api, 0);
        zed = RecoveryApiTest.world(api, 0);
        TestUser again = new TestUser("again").register(api).login(api);
        revoked = again.token;
        api.post("/api/v1/logout", revoked, "{}");
        w.team().addMember(w.alice(), again, Role.MEMBER);
        vault = w.team().createVault(w.alice());
        RecoveryScope scope = new RecoveryScope("vault", vault.toString());
        pending = w.recovery().open(w.erin(), scope);
        other = w.recovery().open(w.erin(), scope);
        vetoed = w.recovery().open(w.erin(), scope);
        approve(w, w.bob(), pending);
        SignedRecoveryMessage v = RecoveryApiTest.signed(api, w, vetoed);
        assertThat(
                        w.recovery()
                                .decide(
                                        w.alice(),
                                        vetoed,
                                        new RecoveryDecisionRequest(
                                                w.recovery()
                                                        .decision(
                                                                w.alice(),
                                                                vetoed,
                                                                v,
                                                                RecoveryDecisionBody.VETO,
                                                                null),
                                                null))
                                .status())
                .isEqualTo(200);
        zedsRequest =
                zed.recovery()
                        .open(zed.erin(), new RecoveryScope("team", zed.team().id.toString()));
    }

    private static void approve(World in, TestUser u, UUID id) {
        SignedRecoveryMessage r = RecoveryApiTest.signed(api, in, id);
        assertThat(in.recovery().decide(u, id, in.recovery().approval(u, id, r)).status())
                .isEqualTo(200);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedAndChangesNothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> BadInputTable.check(server, c)));
    }

    private static String json(Object o) {
        return BadInputTable.json(o);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        policyCases(cases);
        requestCases(cases);
        decisionCases(cases);
        otherCases(cases);
        return cases;
    }

    private static void policyCases(List<Case> cases) {
        UUID t = w.team().id;
        TestRecovery rec = w.recovery();
        String policy = RecoveryPaths.policy(t);
        String alice = w.alice().token;
        RecoveryPolicyRequest valid = rec.policyRequest(w.alice());
        cases.addAll(
                BadInputTable.bodyCases(
                        "policy", "POST", policy, alice, revoked, json(valid), 413));
        List<RecoverySealedShare> shares = valid.shares();
        cases.add(
                new Case(
                        "policy missing a share",
                        "POST",
                        policy,
                        alice,
                        json(new RecoveryPolicyRequest(valid.entry(), shares.subList(0, 2))),
                        400,
                        "invalid_request"));
        List<RecoverySealedShare> swapped = new ArrayList<>(shares);
        swapped.set(0, new RecoverySealedShare(shares.get(0).approverId(), Randoms.bytes(120)));
        cases.add(
                new Case(
                        "policy share not matching its digest",
                        "POST",
                        policy,
                        alice,
                        json(new RecoveryPolicyRequest(valid.entry(), swapped)),
                        400,
                        "invalid_request"));
        List<RecoverySealedShare> extra = new ArrayList<>(shares);
        extra.add(new RecoverySealedShare(w.erin().id.toString(), Randoms.bytes(120)));
        cases.add(
                new Case(
                        "policy share for a non-approver",
                        "POST",
                        policy,
                        alice,
                        json(new RecoveryPolicyRequest(valid.entry(), extra)),
                        400,
                        "invalid_request"));
        List<RecoverySealedShare> twice = new ArrayList<>(shares);
        twice.add(shares.get(1));
        cases.add(
                new Case(
                        "policy share twice",
                        "POST",
                        policy,
                        alice,
                        json(new RecoveryPolicyRequest(valid.entry(), twice)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "policy entry of another kind",
                        "POST",
                        policy,
                        alice,
                        json(
                                new RecoveryPolicyRequest(
                                        w.team()
                                                .next(
                                                        w.alice(),
                                                        new LogAction.ChangeRole(
                                                                w.bob().id.toString(), Role.ADMIN)),
                                        shares)),
                        400,
                        "invalid_request"));
        RecoveryPolicyRequest byMember = rec.policyRequest(w.erin());
        cases.add(
                new Case(
                        "policy by a plain member",
                        "POST",
                        policy,
                        w.erin().token,
                        json(byMember),
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "policy for another team",
                        "POST",
                        RecoveryPaths.policy(zed.team().id),
                        alice,
                        json(valid),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "policy entry signed by someone else",
                        "POST",
                        policy,
                        w.bob().token,
                        json(valid),
                        403,
                        "forbidden"));
        String sharesPath = RecoveryPaths.shares(t);
        String upload = json(new RecoverySharesUpload(1, valid.shares()));
        cases.addAll(
                BadInputTable.bodyCases("shares", "PUT", sharesPath, alice, revoked, upload, 413));
        cases.add(
                new Case(
                        "shares already stored",
                        "PUT",
                        sharesPath,
                        alice,
                        upload,
                        409,
                        "already_exists"));
        cases.add(
                new Case(
                        "shares of another version",
                        "PUT",
                        sharesPath,
                        alice,
                        json(new RecoverySharesUpload(7, valid.shares())),
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "shares by a member",
                        "PUT",
                        sharesPath,
                        w.erin().token,
                        upload,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "shares by an outsider",
                        "PUT",
                        sharesPath,
                        zed.alice().token,
                        upload,
                        404,
                        "not_found"));
        String carols = RecoveryPaths.share(t, w.carol().id.toString());
        cases.add(
                new Case(
                        "another approver's share",
                        "GET",
                        carols,
                        w.bob().token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "a share by an outsider",
                        "GET",
                        RecoveryPaths.share(t, zed.bob().id.toString()),
                        zed.bob().token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "a share of a bad id",
                        "GET",
                        RecoveryPaths.policy(t) + "/shares/x'--",
                        w.bob().token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "policy of another team",
                        "GET",
                        RecoveryPaths.policy(zed.team().id),
                        alice,
                        null,
                        404,
                        "not_found"));
        String enroll = RecoveryPaths.enrollment(t);
        String enrollBody = json(new RecoveryEnrollmentRequest(1, Randoms.bytes(80)));
        cases.addAll(
                BadInputTable.bodyCases(
                        "enroll", "PUT", enroll, w.erin().token, revoked, enrollBody, 413));
        cases.add(
                new Case(
                        "enroll under another version",
                        "PUT",
                        enroll,
                        w.erin().token,
                        json(new RecoveryEnrollmentRequest(2, Randoms.bytes(80))),
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "enroll a too short wrap",
                        "PUT",
                        enroll,
                        w.erin().token,
                        json(new RecoveryEnrollmentRequest(1, Randoms.bytes(8))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "enroll in another team",
                        "PUT",
                        RecoveryPaths.enrollment(zed.team().id),
                        w.erin().token,
                        enrollBody,
                        404,
                        "not_found"));
    }

    private static SignedRecoveryMessage requestBody(
            TestUser signer,
            String teamId,
            int version,
            RecoveryScope scope,
            String reason,
            String key,
            String requester,
            String id,
            long at) {
        return SignedRecoveryMessage.signRequest(
                new RecoveryRequestBody(
                        RecoveryRequestBody.VERSION,
                        id,
                        teamId,
                        version,
                        scope,
                        reason,
                        key,
                        requester,
                        at),
                signer.identity);
    }

    private static void requestCases(List<Case> cases) {
        UUID t = w.team().id;
        String path = RecoveryPaths.requests(t);
        TestUser erin = w.erin();
        RecoveryScope scope = new RecoveryScope("vault", vault.toString());
        String valid =
                json(new RecoveryOpenRequest(w.recovery().request(erin, UUID.randomUUID(), scope)));
        cases.addAll(
                BadInputTable.bodyCases("open", "POST", path, erin.token, revoked, valid, 413));
        String key = Base64Url.encode(Randoms.bytes(32));
        long now = System.currentTimeMillis();
        String tid = t.toString();
        String eid = erin.id.toString();
        Object[][] rows = {
            {
                "open signed by another member",
                requestBody(
                        w.bob(),
                        tid,
                        1,
                        scope,
                        "r",
                        key,
                        w.bob().id.toString(),
                        UUID.randomUUID().toString(),
                        now),
                403,
                "forbidden"
            },
            {
                "open with a forged signature",
                requestBody(
                        w.bob(), tid, 1, scope, "r", key, eid, UUID.randomUUID().toString(), now),
                400,
                "invalid_request"
            },
            {
                "open for another team",
                requestBody(
                        erin,
                        zed.team().id.toString(),
                        1,
                        scope,
                        "r",
                        key,
                        eid,
                        UUID.randomUUID().toString(),
                        now),
                400,
                "invalid_request"
            },
            {
                "open under an old policy",
                requestBody(erin, tid, 0, scope, "r", key, eid, UUID.randomUUID().toString(), now),
                409,
                "conflict"
            },
            {
                "open for another team's vault",
                requestBody(
                        erin,
                        tid,
                        1,
                        new RecoveryScope("team", zed.team().id.toString()),
                        "r",
                        key,
                        eid,
                        UUID.randomUUID().toString(),
                        now),
                400,
                "invalid_request"
            },
            {
                "open for an unknown vault",
                requestBody(
                        erin,
                        tid,
                        1,
                        new RecoveryScope("vault", UUID.randomUUID().toString()),
                        "r",
                        key,
                        eid,
                        UUID.randomUUID().toString(),
                        now),
                400,
                "invalid_request"
            },
            {
                "open with an empty reason",
                requestBody(erin, tid, 1, scope, " ", key, eid, UUID.randomUUID().toString(), now),
                400,
                "invalid_request"
            },
            {
                "open with a control character in the reason",
                requestBody(
                        erin,
                        tid,
                        1,
                        scope,
                        "a\u0007b",
                        key,
                        eid,
                        UUID.randomUUID().toString(),
                        now),
                400,
                "invalid_request"
            },
            {
                "open with a short key",
                requestBody(
                        erin,
                        tid,
                        1,
                        scope,
                        "r",
                        Base64Url.encode(Randoms.bytes(31)),
                        eid,
                        UUID.randomUUID().toString(),
                        now),
                400,
                "invalid_request"
            },
            {
                "open dated a day ago",
                requestBody(
                        erin,
                        tid,
                        1,
                        scope,
                        "r",
                        key,
                        eid,
                        UUID.randomUUID().toString(),
                        now - 86_400_000L),
                400,
                "invalid_request"
            },
            {
                "open with a non-canonical id",
                requestBody(erin, tid, 1, scope, "r", key, eid, "X'--", now),
                400,
                "invalid_id"
            },
            {
                "open with a taken id",
                requestBody(erin, tid, 1, scope, "r", key, eid, pending.toString(), now),
                409,
                "already_exists"
            },
        };
        for (Object[] row : rows) {
            cases.add(
                    new Case(
                            (String) row[0],
                            "POST",
                            path,
                            erin.token,
                            json(new RecoveryOpenRequest((SignedRecoveryMessage) row[1])),
                            (Integer) row[2],
                            (String) row[3]));
        }
        SignedRecoveryMessage good = w.recovery().request(erin, UUID.randomUUID(), scope);
        String tampered =
                BadInputTable.mutate(
                        json(new RecoveryOpenRequest(good)),
                        o ->
                                ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("request"))
                                        .put(
                                                "body",
                                                good.body().substring(0, good.body().length() - 4)
                                                        + "AAAA"));
        cases.add(
                new Case(
                        "open with a tampered body",
                        "POST",
                        path,
                        erin.token,
                        tampered,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "open by an outsider",
                        "POST",
                        path,
                        zed.erin().token,
                        json(
                                new RecoveryOpenRequest(
                                        w.recovery()
                                                .request(zed.erin(), UUID.randomUUID(), scope))),
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "list by an outsider",
                        "GET",
                        path,
                        zed.erin().token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "list an unknown status",
                        "GET",
                        path + "?status=x",
                        erin.token,
                        null,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "another team's request",
                        "GET",
                        RecoveryPaths.request(t, zedsRequest),
                        erin.token,
                        null,
                        404,
                        "not_found"));
    }

    private static void decisionCases(List<Case> cases) {
        UUID t = w.team().id;
        TestRecovery rec = w.recovery();
        SignedRecoveryMessage req = RecoveryApiTest.signed(api, w, pending);
        SignedRecoveryMessage otherReq = RecoveryApiTest.signed(api, w, other);
        String path = RecoveryPaths.decisions(t, pending);
        String carol = w.carol().token;
        String valid = json(rec.approval(w.carol(), pending, req));
        cases.addAll(BadInputTable.bodyCases("decide", "POST", path, carol, revoked, valid, 413));
        byte[] share = Randoms.bytes(120);
        Object[][] rows = {
            {
                "a non-approver approving",
                w.erin(),
                rec.approval(w.erin(), pending, req),
                403,
                "forbidden"
            },
            {
                "a duplicate approval",
                w.bob(),
                rec.approval(w.bob(), pending, req),
                409,
                "already_exists"
            },
            {
                "an approval for another request",
                w.carol(),
                rec.approval(w.carol(), other, otherReq),
                400,
                "invalid_request"
            },
            {
                "an approval bound to another request's digest",
                w.carol(),
                new RecoveryDecisionRequest(
                        rec.decision(
                                w.carol(), pending, otherReq, RecoveryDecisionBody.APPROVE, share),
                        share),
                400,
                "invalid_request"
            },
            {
                "a decision signed by someone else",
                w.carol(),
                rec.approval(w.dave(), pending, req),
                403,
                "forbidden"
            },
            {
                "a decision not signed by its approver",
                w.carol(),
                new RecoveryDecisionRequest(forged(w.carol(), w.erin(), req, share), share),
                400,
                "invalid_request"
            },
            {
                "an approval whose share does not match",
                w.carol(),
                new RecoveryDecisionRequest(
                        rec.decision(w.carol(), pending, req, RecoveryDecisionBody.APPROVE, share),
                        Randoms.bytes(120)),
                400,
                "invalid_request"
            },
            {
                "an approval without its share",
                w.carol(),
                new RecoveryDecisionRequest(
                        rec.decision(w.carol(), pending, req, RecoveryDecisionBody.APPROVE, share),
                        null),
                400,
                "missing_field"
            },
            {
                "a denial carrying a share",
                w.carol(),
                new RecoveryDecisionRequest(
                        rec.decision(w.carol(), pending, req, RecoveryDecisionBody.DENY, null),
                        share),
                400,
                "invalid_request"
            },
            {
                "a veto by a non-owner",
                w.carol(),
                new RecoveryDecisionRequest(
                        rec.decision(w.carol(), pending, req, RecoveryDecisionBody.VETO, null),
                        null),
                403,
                "forbidden"
            },
        };
        for (Object[] row : rows) {
            cases.add(
                    new Case(
                            (String) row[0],
                            "POST",
                            path,
                            ((TestUser) row[1]).token,
                            json(row[2]),
                            (Integer) row[3],
                            (String) row[4]));
        }
        SignedRecoveryMessage v = RecoveryApiTest.signed(api, w, vetoed);
        cases.add(
                new Case(
                        "an approval of a vetoed request",
                        "POST",
                        RecoveryPaths.decisions(t, vetoed),
                        carol,
                        json(rec.approval(w.carol(), vetoed, v)),
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "a decision on an unknown request",
                        "POST",
                        RecoveryPaths.decisions(t, UUID.randomUUID()),
                        carol,
                        valid,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "a decision on another team's request",
                        "POST",
                        RecoveryPaths.decisions(t, zedsRequest),
                        carol,
                        valid,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "a decision by an outsider",
                        "POST",
                        path,
                        zed.carol().token,
                        valid,
                        404,
                        "not_found"));
    }

    /** A decision naming {@code decider} but signed with {@code signer}'s key. */
    private static SignedRecoveryMessage forged(
            TestUser decider, TestUser signer, SignedRecoveryMessage req, byte[] share) {
        RecoveryDecisionBody body =
                new RecoveryDecisionBody(
                        RecoveryDecisionBody.VERSION,
                        pending.toString(),
                        w.team().id.toString(),
                        TestRecovery.requestDigest(req),
                        decider.id.toString(),
                        RecoveryDecisionBody.APPROVE,
                        TestTeam.digest(share),
                        System.currentTimeMillis());
        SignedRecoveryMessage bySigner = SignedRecoveryMessage.signDecision(body, signer.identity);
        try {
            // same bytes, so the decider id stays; only the signature is the wrong person's
            String bytes = Base64Url.encode(WireJson.mapper().writeValueAsBytes(body));
            return new SignedRecoveryMessage(bytes, bySigner.signature());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void otherCases(List<Case> cases) {
        UUID t = w.team().id;
        String erin = w.erin().token;
        cases.add(
                new Case(
                        "release of a pending request",
                        "GET",
                        RecoveryPaths.release(t, pending),
                        erin,
                        null,
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "release of a vetoed request",
                        "GET",
                        RecoveryPaths.release(t, vetoed),
                        erin,
                        null,
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "release to someone else",
                        "GET",
                        RecoveryPaths.release(t, pending),
                        w.bob().token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "release of another team's request",
                        "GET",
                        RecoveryPaths.release(t, zedsRequest),
                        erin,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "items of a request no approver has agreed to",
                        "GET",
                        RecoveryPaths.vaultItems(t, other, vault),
                        erin,
                        null,
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "items of a vetoed request",
                        "GET",
                        RecoveryPaths.vaultItems(t, vetoed, vault),
                        erin,
                        null,
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "items of a bad vault id",
                        "GET",
                        RecoveryPaths.request(t, pending) + "/vaults/1/items",
                        erin,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "close by another member",
                        "POST",
                        RecoveryPaths.close(t, pending),
                        w.bob().token,
                        "{}",
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "close a vetoed request",
                        "POST",
                        RecoveryPaths.close(t, vetoed),
                        erin,
                        "{}",
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "reset on a pending request",
                        "POST",
                        RecoveryPaths.accountReset(t, pending),
                        erin,
                        json(
                                RecoveryAccountResetTest.reset(
                                        w.erin(), w.erin(), t, pending, Randoms.bytes(32))),
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "reset with a weak KDF",
                        "POST",
                        RecoveryPaths.accountReset(t, pending),
                        erin,
                        BadInputTable.mutate(
                                json(
                                        RecoveryAccountResetTest.reset(
                                                w.erin(), w.erin(), t, pending, Randoms.bytes(32))),
                                o ->
                                        ((com.fasterxml.jackson.databind.node.ObjectNode)
                                                        o.get("kdf"))
                                                .put("iterations", 1)),
                        400,
                        "kdf_parameters_rejected"));
    }
}
