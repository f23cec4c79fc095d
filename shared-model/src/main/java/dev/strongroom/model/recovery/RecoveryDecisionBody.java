package dev.strongroom.model.recovery;

/**
 * An approver's signed answer to one request, bound to the request's digest: {@code approve} (with
 * the digest of the share re-sealed to the request's key), {@code deny}, or {@code veto} (an owner,
 * when the policy allows vetoes).
 */
public record RecoveryDecisionBody(
        int v,
        String requestId,
        String teamId,
        String requestDigest,
        String deciderId,
        String decision,
        String sealedShareDigest,
        long decidedAt) {

    public static final int VERSION = 1;
    public static final String APPROVE = "approve";
    public static final String DENY = "deny";
    public static final String VETO = "veto";
}
