package dev.strongroom.crypto.hpke;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import java.util.Objects;

/**
 * Single-shot HPKE (RFC 9180) with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and ChaCha20Poly1305.
 *
 * <p>Use {@code info} to bind what the message is for (team, vault, key version, recipient; build
 * it with {@link dev.strongroom.crypto.common.Canonical}) and {@code aad} for data that travels in
 * the clear next to it. Every seal draws a fresh ephemeral key from {@link
 * dev.strongroom.crypto.common.Randoms}, so sealing the same input twice gives different messages.
 *
 * <p>Base mode authenticates nothing about the sender: anyone with the recipient's public key can
 * seal. Auth mode additionally proves the sender held the private key matching {@code sender} (but
 * is not a signature: the recipient could have forged it, RFC 9180 section 9.1.1).
 *
 * <p>Open failures of any kind (wrong key, wrong info or aad, tampered enc or ciphertext, a
 * low-order enc) are {@link AuthenticationFailedException}, and no plaintext is returned.
 */
public final class Hpke {

    /** The suite behind the public API. */
    static final HpkeSuite PRODUCT_SUITE = HpkeSuite.CHACHA20_POLY1305;

    private Hpke() {}

    /**
     * Seals {@code plaintext} to {@code recipient} in base mode.
     *
     * @throws ParameterRejectedException if {@code recipient} is a low-order point
     */
    public static HpkeSealed sealBase(
            X25519PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext) {
        try (X25519KeyPair ephemeral = X25519.generate()) {
            return seal(PRODUCT_SUITE, recipient, null, ephemeral, info, aad, plaintext);
        }
    }

    /**
     * Opens a base-mode message.
     *
     * @throws AuthenticationFailedException if it does not authenticate
     */
    public static byte[] openBase(
            X25519PrivateKey recipient, HpkeSealed sealed, byte[] info, byte[] aad) {
        return open(PRODUCT_SUITE, recipient, null, sealed, info, aad);
    }

    /**
     * Seals {@code plaintext} to {@code recipient} in auth mode, authenticated by {@code sender}.
     *
     * @throws ParameterRejectedException if {@code recipient} is a low-order point
     */
    public static HpkeSealed sealAuth(
            X25519PublicKey recipient,
            X25519PrivateKey sender,
            byte[] info,
            byte[] aad,
            byte[] plaintext) {
        Objects.requireNonNull(sender, "sender");
        try (X25519KeyPair ephemeral = X25519.generate()) {
            return seal(PRODUCT_SUITE, recipient, sender, ephemeral, info, aad, plaintext);
        }
    }

    /**
     * Opens an auth-mode message from {@code sender}.
     *
     * @throws AuthenticationFailedException if it does not authenticate, including when it was
     *     sealed by another sender or in base mode
     */
    public static byte[] openAuth(
            X25519PrivateKey recipient,
            X25519PublicKey sender,
            HpkeSealed sealed,
            byte[] info,
            byte[] aad) {
        Objects.requireNonNull(sender, "sender");
        return open(PRODUCT_SUITE, recipient, sender, sealed, info, aad);
    }

    /**
     * Test hook, deterministic: seals with the ephemeral key pair DeriveKeyPair(ikmE), as the RFC
     * 9180 vectors do. Reusing an ikmE reuses the AEAD key and nonce, which destroys
     * confidentiality; production code never calls this.
     */
    static HpkeSealed insecureSealWithIkmE(
            HpkeSuite suite,
            X25519PublicKey recipient,
            X25519PrivateKey senderOrNull,
            byte[] ikmE,
            byte[] info,
            byte[] aad,
            byte[] plaintext) {
        try (X25519KeyPair ephemeral = DhKem.deriveKeyPair(ikmE)) {
            return seal(suite, recipient, senderOrNull, ephemeral, info, aad, plaintext);
        }
    }

    /** Base mode when {@code senderOrNull} is null, auth mode otherwise. */
    static HpkeSealed seal(
            HpkeSuite suite,
            X25519PublicKey recipient,
            X25519PrivateKey senderOrNull,
            X25519KeyPair ephemeral,
            byte[] info,
            byte[] aad,
            byte[] plaintext) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(aad, "aad");
        Objects.requireNonNull(plaintext, "plaintext");
        DhKem.Encapsulation encapsulation =
                senderOrNull == null
                        ? DhKem.encap(recipient, ephemeral)
                        : DhKem.authEncap(recipient, senderOrNull, ephemeral);
        byte mode = senderOrNull == null ? HpkeContext.MODE_BASE : HpkeContext.MODE_AUTH;
        try (HpkeContext context =
                HpkeContext.keySchedule(suite, mode, encapsulation.sharedSecret(), info)) {
            return new HpkeSealed(encapsulation.enc(), context.seal(aad, plaintext));
        } finally {
            Bytes.wipe(encapsulation.sharedSecret());
        }
    }

    /** Base mode when {@code senderOrNull} is null, auth mode otherwise. */
    static byte[] open(
            HpkeSuite suite,
            X25519PrivateKey recipient,
            X25519PublicKey senderOrNull,
            HpkeSealed sealed,
            byte[] info,
            byte[] aad) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(aad, "aad");
        byte[] sharedSecret;
        try {
            sharedSecret =
                    senderOrNull == null
                            ? DhKem.decap(sealed.enc(), recipient)
                            : DhKem.authDecap(sealed.enc(), recipient, senderOrNull);
        } catch (ParameterRejectedException e) {
            // A low-order enc or sender key: the message cannot be authentic.
            throw new AuthenticationFailedException("HPKE ciphertext did not authenticate", e);
        }
        byte mode = senderOrNull == null ? HpkeContext.MODE_BASE : HpkeContext.MODE_AUTH;
        try (HpkeContext context = HpkeContext.keySchedule(suite, mode, sharedSecret, info)) {
            return context.open(aad, sealed.ciphertext());
        } finally {
            Bytes.wipe(sharedSecret);
        }
    }
}
