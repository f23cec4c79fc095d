package dev.strongroom.model.wire;

import dev.strongroom.model.identity.PublicBundleJson;
import java.util.UUID;

/**
 * The caller's own account: what a client needs after login to unlock (all opaque to the server).
 */
public record AccountResponse(
        UUID accountId,
        String email,
        KdfParams kdf,
        byte[] wrappedAccountKey,
        byte[] encryptedPrivateKeys,
        PublicBundleJson publicBundle,
        long createdAt) {}
