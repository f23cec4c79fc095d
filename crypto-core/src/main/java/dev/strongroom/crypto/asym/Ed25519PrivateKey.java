package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.SecretBytes;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032 section 5.1.5. The public key is derived
 * once at construction and cached (it is public, and signing needs it).
 */
public final class Ed25519PrivateKey extends SecretBytes {

    /** Length of a private key (seed) in bytes. */
    public static final int LENGTH = 32;

    private final Ed25519PublicKey publicKey;

    private Ed25519PrivateKey(byte[] owned) {
        super(owned);
        byte[] pk = new byte[Ed25519PublicKey.LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(owned, 0, pk, 0);
        this.publicKey = new Ed25519PublicKey(pk);
    }

    /**
     * A private key from its 32-byte seed. The bytes are copied; the caller keeps (and should wipe)
     * {@code seed}.
     *
     * @throws MalformedInputException if {@code seed} is not 32 bytes long
     */
    public static Ed25519PrivateKey fromBytes(byte[] seed) {
        if (seed == null || seed.length != LENGTH) {
            throw new MalformedInputException("Ed25519 private key must be " + LENGTH + " bytes");
        }
        return new Ed25519PrivateKey(seed.clone());
    }

    static Ed25519PrivateKey takeOwnership(byte[] owned) {
        return new Ed25519PrivateKey(owned);
    }

    /** The public key {@code A} of RFC 8032. */
    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    byte[] secret() {
        return view();
    }
}
