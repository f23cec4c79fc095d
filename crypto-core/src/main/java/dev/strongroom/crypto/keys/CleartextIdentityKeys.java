package dev.strongroom.crypto.keys;

/**
 * Raw export and import of an identity's private keys, outside any key-encryption envelope. Named
 * after Tink's {@code CleartextKeysetHandle}: the one legitimate use is a machine account token,
 * which by design carries its private keys to the CI job that holds it (DESIGN.md, machine
 * accounts). Everything else keeps identity keys wrapped under the account key.
 */
public final class CleartextIdentityKeys {

    /** x25519 private key (32) || ed25519 seed (32). */
    public static final int LENGTH = 64;

    private CleartextIdentityKeys() {}

    /** The private keys in cleartext; the caller wipes the result. */
    public static byte[] export(IdentityKeys keys) {
        return keys.privateKeyBytes();
    }

    /** Rebuilds identity keys from {@link #export}'s layout; does not wipe {@code privateKeys}. */
    public static IdentityKeys importKeys(byte[] privateKeys) {
        return IdentityKeys.fromPrivateKeyBytes(privateKeys);
    }
}
