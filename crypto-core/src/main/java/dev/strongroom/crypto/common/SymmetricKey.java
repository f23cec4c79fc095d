package dev.strongroom.crypto.common;

/**
 * A raw symmetric key (AEAD, HMAC or HKDF input). Typed keys of the hierarchy (account, vault, item
 * keys) are built on top of it so they cannot be mixed up at call sites.
 */
public final class SymmetricKey extends SecretBytes {

    private SymmetricKey(byte[] bytes) {
        super(bytes);
    }

    /** Takes ownership of {@code bytes}; the caller must not reuse the array. */
    public static SymmetricKey takeOwnership(byte[] bytes) {
        return new SymmetricKey(bytes);
    }

    /** A copy of {@code bytes}; the caller keeps (and wipes) its own array. */
    public static SymmetricKey copyOf(byte[] bytes) {
        return new SymmetricKey(bytes.clone());
    }

    public static SymmetricKey random(int length) {
        return new SymmetricKey(Randoms.bytes(length));
    }
}
