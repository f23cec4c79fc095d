package dev.strongroom.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryRequestBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.RecoveryDecisionRequest;
import dev.strongroom.model.wire.RecoveryOpenRequest;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RecoveryPolicyRequest;
import dev.strongroom.model.wire.RecoverySealedShare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's break-glass policy driven through the real API: random bytes stand in for the sealed
 * shares (the server cannot tell), while requests and decisions are really signed, so the server's
 * shared-model verification runs for real.
 */
public final class TestRecovery {

    public final TestTeam team;
    public final List<TestUser> approvers;
    public final Map<String, byte[]> shares = new LinkedHashMap<>();
    public final int threshold;
    public final int delayHours;
    public final boolean ownerVeto;
    public int version;
    private final Api api;

    public TestRecovery(
            Api api,
            TestTeam team,
            int threshold,
            int delayHours,
            boolean ownerVeto,
            List<TestUser> approvers) {
        this.api = api;
        this.team = team;
        this.threshold = threshold;
        this.delayHours = delayHours;
        this.ownerVeto = ownerVeto;
        this.approvers = List.copyOf(approvers);
    }

    /** The next policy version's entry and fresh random shares (not yet sent). */
    public RecoveryPolicyRequest policyRequest(TestUser owner) {
        shares.clear();
        for (TestUser a : approvers) {
            shares.put(a.id.toString(), Randoms.bytes(120));
        }
        List<String> ids = approvers.stream().map(a -> a.id.toString()).toList();
        SignedLogEntry entry =
                team.next(
                        owner,
                        new LogAction.SetRecoveryPolicy(
                                version + 1,
                                Base64Url.encode(Randoms.bytes(32)),
                                ids,
                                TestTeam.digests(shares),
                                threshold,
                                delayHours,
                                ownerVeto));
        List<RecoverySealedShare> sealed = new ArrayList<>();
        shares.forEach((id, s) -> sealed.add(new RecoverySealedShare(id, s)));
        return new RecoveryPolicyRequest(entry, sealed);
    }

    /** Sets the next policy version through the API (201 expected). */
    public TestRecovery set(TestUser owner) {
        RecoveryPolicyRequest r = policyRequest(owner);
        Api.Response resp = team.submit(owner, r.entry(), "/recovery/policy", r);
        assertThat(resp.status()).as(resp.body()).isEqualTo(201);
        version++;
        return this;
    }

    /** Gives the recovery key a (random) wrap of a vault's key version, as clients must. */
    public void wrapVault(TestUser admin, UUID vaultId, int keyVersion) {
        byte[] wrap = Randoms.bytes(80);
        team.ok(
                team.append(
                        admin,
                        new LogAction.GrantVault(
                                vaultId.toString(),
                                "recovery",
                                Permission.READ,
                                TestTeam.digest(wrap)),
                        null,
                        List.of(new KeyWrapUpload(keyVersion, "recovery", wrap))));
    }

    public SignedRecoveryMessage request(
            TestUser requester, UUID requestId, RecoveryScope scope, long createdAt) {
        return SignedRecoveryMessage.signRequest(
                new RecoveryRequestBody(
                        RecoveryRequestBody.VERSION,
                        requestId.toString(),
                        team.id.toString(),
                        version,
                        scope,
                        "production is down",
                        Base64Url.encode(Randoms.bytes(32)),
                        requester.id.toString(),
                        createdAt),
                requester.identity);
    }

    public SignedRecoveryMessage request(TestUser requester, UUID requestId, RecoveryScope scope) {
        return request(requester, requestId, scope, System.currentTimeMillis());
    }

    /** Opens a request through the API and returns its id (201 expected). */
    public UUID open(TestUser requester, RecoveryScope scope) {
        UUID id = UUID.randomUUID();
        Api.Response r =
                api.post(
                        RecoveryPaths.requests(team.id),
                        requester.token,
                        new RecoveryOpenRequest(request(requester, id, scope)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    /** SHA-256 over the exact signed request bytes, as approvals bind it (CRYPTO.md). */
    public static String requestDigest(SignedRecoveryMessage request) {
        byte[] body = Base64Url.decode(request.body());
        return Base64Url.encode(
                Sha256.hash(
                        Canonical.of("strongroom/v1/recovery-request-digest").add(body).toBytes()));
    }

    public SignedRecoveryMessage decision(
            TestUser decider,
            UUID requestId,
            SignedRecoveryMessage request,
            String decision,
            byte[] sealedShare) {
        return SignedRecoveryMessage.signDecision(
                new RecoveryDecisionBody(
                        RecoveryDecisionBody.VERSION,
                        requestId.toString(),
                        team.id.toString(),
                        requestDigest(request),
                        decider.id.toString(),
                        decision,
                        sealedShare == null ? null : TestTeam.digest(sealedShare),
                        System.currentTimeMillis()),
                decider.identity);
    }

    /** The body of a correctly signed approval with a fresh random re-sealed share. */
    public RecoveryDecisionRequest approval(
            TestUser approver, UUID requestId, SignedRecoveryMessage request) {
        byte[] share = Randoms.bytes(120);
        return new RecoveryDecisionRequest(
                decision(approver, requestId, request, RecoveryDecisionBody.APPROVE, share), share);
    }

    public Api.Response decide(TestUser decider, UUID requestId, RecoveryDecisionRequest body) {
        return api.post(RecoveryPaths.decisions(team.id, requestId), decider.token, body);
    }
}
