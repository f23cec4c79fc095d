package dev.strongroom.model.wire;

import dev.strongroom.model.recovery.SignedRecoveryMessage;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET .../recovery/requests/{requestId}/release}: what the requester combines, once M
 * approvals exist and the delay has passed: the signed request, every approval, and exactly what
 * the scope opens: for a vault one entry of {@code vaults}, for the team every live vault with a
 * recovery wrap, for an account {@code account} (then {@code vaults} is empty; otherwise {@code
 * account} is null).
 */
public record RecoveryReleaseResponse(
        UUID requestId,
        SignedRecoveryMessage request,
        List<RecoveryApprovalView> approvals,
        List<RecoveryVaultWraps> vaults,
        RecoveryAccountMaterial account) {}
