package dev.strongroom.model.recovery;

import com.fasterxml.jackson.core.JacksonException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;

/**
 * Checks break-glass requests and decisions against a verified membership log, so neither the
 * server nor a member can forge, widen or replay one: the signer must be who the body says and a
 * current member; a request must name the current policy and a scope that exists; a decision must
 * come from one of the policy's approvers (or, for a veto, an owner when vetoes are on) and bind
 * this request's digest.
 */
public final class RecoveryVerifier {

    private RecoveryVerifier() {}

    public static VerifiedRecoveryRequest verifyRequest(
            SignedRecoveryMessage signed, TeamState state) {
        byte[] bytes = decodeBody(signed);
        RecoveryRequestBody body = parse(bytes, RecoveryRequestBody.class);
        LogAction.SetRecoveryPolicy policy = policy(state);
        require(
                body.v() == RecoveryRequestBody.VERSION,
                "unsupported_version",
                "unknown request version");
        require(
                state.teamId().equals(body.teamId()),
                "wrong_team",
                "the request is for another team");
        verifySignature(signed, bytes, SignedRecoveryMessage.REQUEST, body.requesterId(), state);
        require(
                body.policyVersion() == policy.policyVersion(),
                "stale_policy",
                "the request names another recovery policy version");
        require(
                body.reason() != null
                        && !body.reason().isBlank()
                        && body.reason().length() <= RecoveryRequestBody.MAX_REASON,
                "malformed",
                "the request needs a reason of at most "
                        + RecoveryRequestBody.MAX_REASON
                        + " characters");
        require(
                body.requestKey() != null && decode(body.requestKey()).length == 32,
                "malformed",
                "the request key must be 32 bytes");
        RecoveryScope scope = body.scope();
        boolean scopeExists =
                scope != null
                        && switch (scope.kind()) {
                            case RecoveryScope.VAULT -> state.vaults().containsKey(scope.target());
                            case RecoveryScope.ACCOUNT ->
                                    state.members().containsKey(scope.target());
                            default -> state.teamId().equals(scope.target());
                        };
        require(scopeExists, "unknown_scope", "the request's scope names nothing in this team");
        return new VerifiedRecoveryRequest(body, digest(bytes));
    }

    public static RecoveryDecisionBody verifyDecision(
            SignedRecoveryMessage signed, VerifiedRecoveryRequest request, TeamState state) {
        byte[] bytes = decodeBody(signed);
        RecoveryDecisionBody body = parse(bytes, RecoveryDecisionBody.class);
        LogAction.SetRecoveryPolicy policy = policy(state);
        require(
                body.v() == RecoveryDecisionBody.VERSION,
                "unsupported_version",
                "unknown decision version");
        verifySignature(signed, bytes, SignedRecoveryMessage.DECISION, body.deciderId(), state);
        require(
                request.body().requestId().equals(body.requestId())
                        && request.body().teamId().equals(body.teamId())
                        && body.requestDigest() != null
                        && ConstantTime.equals(request.digest(), decode(body.requestDigest())),
                "not_bound",
                "the decision is bound to another request");
        String decision = body.decision() == null ? "" : body.decision();
        switch (decision) {
            case RecoveryDecisionBody.APPROVE -> {
                require(
                        policy.approverIds().contains(body.deciderId()),
                        "not_approver",
                        "only the policy's approvers may approve");
                require(
                        body.sealedShareDigest() != null
                                && decode(body.sealedShareDigest()).length == 32,
                        "malformed",
                        "an approval names the digest of its re-sealed share");
            }
            case RecoveryDecisionBody.DENY ->
                    require(
                            policy.approverIds().contains(body.deciderId()),
                            "not_approver",
                            "only the policy's approvers may deny");
            case RecoveryDecisionBody.VETO ->
                    require(
                            policy.ownerVeto()
                                    && state.roleOf(body.deciderId()).orElse(null) == Role.OWNER,
                            "not_permitted",
                            "a veto needs an owner and a policy that allows vetoes");
            default -> throw new RecoveryVerificationException("malformed", "unknown decision");
        }
        return body;
    }

    /** SHA-256 over the exact signed request bytes, domain-separated. */
    static byte[] digest(byte[] requestBody) {
        return Sha256.hash(
                Canonical.of("strongroom/v1/recovery-request-digest").add(requestBody).toBytes());
    }

    private static void verifySignature(
            SignedRecoveryMessage signed,
            byte[] bytes,
            String purpose,
            String signerId,
            TeamState state) {
        TeamState.Member member = signerId == null ? null : state.members().get(signerId);
        require(member != null, "not_member", "the signer is not a member of the team");
        PublicBundle bundle = member.bundle();
        boolean valid =
                Ed25519.isValid(
                        bundle.signingKey(),
                        SignedRecoveryMessage.message(purpose, bytes),
                        decode(signed.signature()));
        require(valid, "bad_signature", "the signature does not verify");
    }

    private static LogAction.SetRecoveryPolicy policy(TeamState state) {
        return state.recoveryPolicy()
                .map(TeamState.RecoveryPolicy::entry)
                .orElseThrow(
                        () ->
                                new RecoveryVerificationException(
                                        "no_policy", "the team has no recovery policy"));
    }

    private static byte[] decodeBody(SignedRecoveryMessage signed) {
        require(
                signed != null && signed.body() != null && signed.signature() != null,
                "malformed",
                "a signed message needs a body and a signature");
        return decode(signed.body());
    }

    private static byte[] decode(String b64) {
        try {
            return Base64Url.decode(b64);
        } catch (CryptoException e) {
            throw new RecoveryVerificationException("malformed", "a field is not base64url");
        }
    }

    private static <T> T parse(byte[] bytes, Class<T> type) {
        try {
            return WireJson.mapper().readValue(bytes, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new RecoveryVerificationException("malformed", "the message is not well formed");
        } catch (IOException e) {
            throw new RecoveryVerificationException("malformed", "the message is not well formed");
        }
    }

    private static void require(boolean ok, String code, String message) {
        if (!ok) {
            throw new RecoveryVerificationException(code, message);
        }
    }
}
