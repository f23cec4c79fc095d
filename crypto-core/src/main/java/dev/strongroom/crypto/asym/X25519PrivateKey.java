package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.SecretBytes;

/**
 * An X25519 private key: 32 raw bytes as in RFC 7748 (clamping happens inside the scalar
 * multiplication, so any 32 bytes are a valid key, including those from RFC 9180 DeriveKeyPair).
 * The matching public key is computed once at construction and cached, since it is public.
 */
public final class X25519PrivateKey extends SecretBytes {

    /** Length of a private key in bytes. */
    public static final int LENGTH = 32;

    private final X25519PublicKey publicKey;

    private X25519PrivateKey(byte[] owned) {
        super(owned);
        byte[] pk = new byte[X25519PublicKey.LENGTH];
        org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(owned, 0, pk, 0);
        this.publicKey = new X25519PublicKey(pk);
    }

    /**
     * A private key from its 32-byte encoding. The bytes are copied; the caller keeps (and should
     * wipe) {@code raw}.
     *
     * @throws MalformedInputException if {@code raw} is not 32 bytes long
     */
    public static X25519PrivateKey fromBytes(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new MalformedInputException("X25519 private key must be " + LENGTH + " bytes");
        }
        return new X25519PrivateKey(raw.clone());
    }

    /** Takes ownership of {@code owned} (length already checked by the caller). */
    static X25519PrivateKey takeOwnership(byte[] owned) {
        return new X25519PrivateKey(owned);
    }

    /** The public key {@code X25519(sk, 9)}. */
    public X25519PublicKey publicKey() {
        return publicKey;
    }

    /** The raw secret for this package's operations; never handed out. */
    byte[] secret() {
        return view();
    }
}
