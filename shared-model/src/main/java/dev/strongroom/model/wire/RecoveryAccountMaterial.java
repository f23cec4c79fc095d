package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * For an account-scope request: the member's account key wrapped to the recovery key (their
 * enrollment under {@code policyVersion}) and their private keys encrypted under the account key,
 * so the requester's client can unwrap, sign the reset as the member and re-wrap under a new
 * password.
 */
public record RecoveryAccountMaterial(
        UUID accountId, int policyVersion, byte[] wrappedAccountKey, byte[] encryptedPrivateKeys) {}
