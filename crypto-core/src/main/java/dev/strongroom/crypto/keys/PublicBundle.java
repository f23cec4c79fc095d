package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.crypto.asym.X25519PublicKey;

/**
 * An account's published identity whose self-signature has been verified. Instances only come from
 * {@link IdentityKeys#publicBundle} or {@link UnverifiedPublicBundle#verifySelfSignature()}, so
 * holding one means the keys and ids belong together. Whether the keys belong to the person the
 * user thinks is a separate, out-of-band question: compare {@link #fingerprint()}.
 */
public final class PublicBundle {

    private final String accountId;
    private final String email;
    private final X25519PublicKey encryptionKey;
    private final Ed25519PublicKey signingKey;
    private final long createdMillis;
    private final byte[] signature;

    PublicBundle(
            String accountId,
            String email,
            X25519PublicKey encryptionKey,
            Ed25519PublicKey signingKey,
            long createdMillis,
            byte[] signature) {
        this.accountId = accountId;
        this.email = email;
        this.encryptionKey = encryptionKey;
        this.signingKey = signingKey;
        this.createdMillis = createdMillis;
        this.signature = signature.clone();
    }

    public String accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public X25519PublicKey encryptionKey() {
        return encryptionKey;
    }

    public Ed25519PublicKey signingKey() {
        return signingKey;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public Fingerprint fingerprint() {
        return Fingerprint.of(accountId, encryptionKey, signingKey);
    }

    /** The same bundle as an unverified value, e.g. to serialise it. */
    public UnverifiedPublicBundle toUnverified() {
        return new UnverifiedPublicBundle(
                accountId,
                email,
                encryptionKey.bytes(),
                signingKey.bytes(),
                createdMillis,
                signature);
    }

    @Override
    public String toString() {
        return "PublicBundle[" + accountId + "]";
    }
}
