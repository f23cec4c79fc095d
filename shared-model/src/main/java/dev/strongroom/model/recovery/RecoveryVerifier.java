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
import java.util.HashSet;
import java.util.Set;

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
                // M approvals mean M people other than the one asking: an approver who opens a
                // request cannot count towards it, or M - 1 colluders would suffice
                require(
                        !body.deciderId().equals(request.body().requesterId()),
                        "self_approval",
                        "the requester cannot approve their own request");
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

    /**
     * An announcement of older key versions wrapped to the recovery key: signed by its author, an
     * owner or admin now; for this team's current policy and an existing vault; each version below
     * the vault's current one (the log announces that one), once, with a 32-byte digest.
     */
    public static RecoveryOldWrapsBody verifyOldWraps(
            SignedRecoveryMessage signed, TeamState state) {
        byte[] bytes = decodeBody(signed);
        RecoveryOldWrapsBody body = parse(bytes, RecoveryOldWrapsBody.class);
        LogAction.SetRecoveryPolicy policy = policy(state);
        require(
                body.v() == RecoveryOldWrapsBody.VERSION,
                "unsupported_version",
                "unknown announcement version");
        require(
                state.teamId().equals(body.teamId()),
                "wrong_team",
                "the announcement is for another team");
        verifySignature(signed, bytes, SignedRecoveryMessage.OLD_WRAPS, body.authorId(), state);
        require(
                state.roleOf(body.authorId()).filter(r -> r != Role.MEMBER).isPresent(),
                "not_permitted",
                "only an owner or admin may announce recovery wraps");
        require(
                body.policyVersion() == policy.policyVersion(),
                "stale_policy",
                "the announcement names another recovery policy version");
        TeamState.Vault vault = body.vaultId() == null ? null : state.vaults().get(body.vaultId());
        require(vault != null, "unknown_scope", "the announcement names no vault of this team");
        require(
                body.wraps() != null && !body.wraps().isEmpty(),
                "malformed",
                "the announcement names no key version");
        Set<Integer> seen = new HashSet<>();
        for (RecoveryOldWrapsBody.VersionDigest d : body.wraps()) {
            require(
                    d != null
                            && d.keyVersion() >= 1
                            && d.keyVersion() < vault.keyVersion()
                            && seen.add(d.keyVersion()),
                    "malformed",
                    "each key version must be an older one of the vault, named once");
            require(
                    d.digest() != null && decode(d.digest()).length == 32,
                    "malformed",
                    "each wrap digest must be 32 bytes");
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
