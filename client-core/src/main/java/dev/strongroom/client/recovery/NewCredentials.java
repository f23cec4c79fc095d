package dev.strongroom.client.recovery;

import dev.strongroom.model.wire.KdfParams;

/**
 * What replaces a member's forgotten master password on the server: new KDF parameters and salt, a
 * new SRP salt and verifier, and the member's same account key wrapped under the new password's
 * key-encryption key (so their identity keys and every item stay as they were).
 */
public record NewCredentials(
        String accountId,
        KdfParams kdf,
        byte[] srpSalt,
        byte[] srpVerifier,
        byte[] wrappedAccountKey) {

    public NewCredentials {
        srpSalt = srpSalt.clone();
        srpVerifier = srpVerifier.clone();
        wrappedAccountKey = wrappedAccountKey.clone();
    }

    @Override
    public byte[] srpSalt() {
        return srpSalt.clone();
    }

    @Override
    public byte[] srpVerifier() {
        return srpVerifier.clone();
    }

    @Override
    public byte[] wrappedAccountKey() {
        return wrappedAccountKey.clone();
    }
}
