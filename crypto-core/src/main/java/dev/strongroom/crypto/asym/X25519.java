package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import java.util.Objects;

/** X25519 key generation and Diffie-Hellman (RFC 7748). */
public final class X25519 {

    /** Length of a shared secret in bytes. */
    public static final int SHARED_SECRET_LENGTH = 32;

    private X25519() {}

    /** A fresh key pair from {@link Randoms}. */
    public static X25519KeyPair generate() {
        return X25519KeyPair.of(
                X25519PrivateKey.takeOwnership(Randoms.bytes(X25519PrivateKey.LENGTH)));
    }

    /**
     * The raw X25519 shared secret {@code X25519(sk, pk)}. The caller owns the result and must wipe
     * it ({@link Bytes#wipe}); it is key material for a KDF, never a key by itself.
     *
     * <p>An all-zero result means {@code pk} is a low-order point (or a non-canonical encoding of
     * one): the "shared" secret is then known to anyone, so it is rejected as RFC 7748 section 6.1
     * and RFC 9180 section 7.1.4 require. This is a property of the public key, hence {@link
     * ParameterRejectedException}; HPKE's open path turns it into an authentication failure.
     *
     * @throws ParameterRejectedException if {@code pk} gives the all-zero shared secret
     */
    public static byte[] agree(X25519PrivateKey sk, X25519PublicKey pk) {
        Objects.requireNonNull(sk, "sk");
        Objects.requireNonNull(pk, "pk");
        byte[] shared = new byte[SHARED_SECRET_LENGTH];
        // calculateAgreement returns false exactly when the output is all zeros (checked in
        // constant time by Bouncy Castle).
        if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(
                sk.secret(), 0, pk.view(), 0, shared, 0)) {
            Bytes.wipe(shared);
            throw new ParameterRejectedException(
                    "X25519 public key is a low-order point (all-zero shared secret)");
        }
        return shared;
    }
}
