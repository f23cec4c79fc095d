package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.InvalidSignatureException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.crypto.asym.X25519PublicKey;

/**
 * A public bundle as received from the server or a file: every field is only alleged until {@link
 * #verifySelfSignature()} checks that the signing key signed all of them.
 */
public record UnverifiedPublicBundle(
        String allegedAccountId,
        String allegedEmail,
        byte[] allegedEncryptionKey,
        byte[] allegedSigningKey,
        long allegedCreatedMillis,
        byte[] signature) {

    public UnverifiedPublicBundle {
        if (allegedAccountId == null
                || allegedEmail == null
                || allegedEncryptionKey == null
                || allegedSigningKey == null
                || signature == null) {
            throw new MalformedInputException("public bundle has a missing field");
        }
        allegedEncryptionKey = allegedEncryptionKey.clone();
        allegedSigningKey = allegedSigningKey.clone();
        signature = signature.clone();
    }

    public PublicBundle verifySelfSignature() {
        X25519PublicKey encryption = new X25519PublicKey(allegedEncryptionKey);
        Ed25519PublicKey signing = new Ed25519PublicKey(allegedSigningKey);
        byte[] signed =
                Contexts.publicBundle(
                        allegedAccountId,
                        allegedEmail,
                        allegedEncryptionKey,
                        allegedSigningKey,
                        allegedCreatedMillis);
        if (!Ed25519.isValid(signing, signed, signature)) {
            throw new InvalidSignatureException("public bundle self-signature does not verify");
        }
        return new PublicBundle(
                allegedAccountId,
                allegedEmail,
                encryption,
                signing,
                allegedCreatedMillis,
                signature);
    }

    @Override
    public byte[] allegedEncryptionKey() {
        return allegedEncryptionKey.clone();
    }

    @Override
    public byte[] allegedSigningKey() {
        return allegedSigningKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnverifiedPublicBundle other
                && allegedAccountId.equals(other.allegedAccountId)
                && allegedEmail.equals(other.allegedEmail)
                && java.util.Arrays.equals(allegedEncryptionKey, other.allegedEncryptionKey)
                && java.util.Arrays.equals(allegedSigningKey, other.allegedSigningKey)
                && allegedCreatedMillis == other.allegedCreatedMillis
                && java.util.Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return allegedAccountId.hashCode() * 31 + java.util.Arrays.hashCode(allegedSigningKey);
    }

    @Override
    public String toString() {
        return "UnverifiedPublicBundle[" + allegedAccountId + "]";
    }
}
