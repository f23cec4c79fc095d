package dev.strongroom.model.recovery;

/**
 * What a requester signs when opening a break-glass request: the team and the policy version it
 * relies on, the scope, the reason, the ephemeral X25519 public key approvers re-seal their shares
 * to (base64url), who asks and when. Its digest binds every approval to exactly this request.
 */
public record RecoveryRequestBody(
        int v,
        String requestId,
        String teamId,
        int policyVersion,
        RecoveryScope scope,
        String reason,
        String requestKey,
        String requesterId,
        long createdAt) {

    public static final int VERSION = 1;
    public static final int MAX_REASON = 1000;
}
