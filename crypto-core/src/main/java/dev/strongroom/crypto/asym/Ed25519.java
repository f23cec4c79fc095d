package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.InvalidSignatureException;
import dev.strongroom.crypto.common.Randoms;
import java.util.Objects;

/**
 * Ed25519 signatures (RFC 8032, pure EdDSA, no context). Signing is deterministic.
 *
 * <p>Verification is strict: the signature must be exactly 64 bytes, {@code S} must be below the
 * group order (no malleability) and {@code R} must be a canonical point encoding, as the Wycheproof
 * vectors check. Wrong lengths and malformed encodings are plain verification failures, never an
 * unchecked library exception.
 */
public final class Ed25519 {

    /** Length of a signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {}

    /** A fresh key pair (seed from {@link Randoms}). */
    public static Ed25519KeyPair generate() {
        return Ed25519KeyPair.of(
                Ed25519PrivateKey.takeOwnership(Randoms.bytes(Ed25519PrivateKey.LENGTH)));
    }

    /** The 64-byte signature of {@code message}. */
    public static byte[] sign(Ed25519PrivateKey sk, byte[] message) {
        Objects.requireNonNull(sk, "sk");
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[SIGNATURE_LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
                sk.secret(), 0, sk.publicKey().view(), 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * True when {@code signature} is a valid signature of {@code message} under {@code pk}; false
     * for any other input, including a signature of the wrong length.
     */
    public static boolean isValid(Ed25519PublicKey pk, byte[] message, byte[] signature) {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(message, "message");
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point = DecodedKeys.point(pk);
            return point != null
                    ? org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                            signature, 0, point, message, 0, message.length)
                    : org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                            signature, 0, pk.view(), 0, message, 0, message.length);
        } catch (RuntimeException e) {
            // Bouncy Castle signals some malformed encodings with exceptions; to a caller they
            // are all the same thing: the signature is not valid.
            return false;
        }
    }

    /**
     * Returns normally when the signature is valid.
     *
     * @throws InvalidSignatureException otherwise (the message names no input values)
     */
    public static void verify(Ed25519PublicKey pk, byte[] message, byte[] signature) {
        if (!isValid(pk, message, signature)) {
            throw new InvalidSignatureException("Ed25519 signature did not verify");
        }
    }
}
