package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SecretBytes;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.PasswordKdf;
import dev.strongroom.crypto.mac.Hkdf;
import java.nio.charset.StandardCharsets;

/**
 * The key stretched from the master password. It never leaves the client and is used only to derive
 * two independent keys: the {@link AuthSecret} (which proves the password to the server through
 * SRP) and the {@link KeyEncryptionKey} (which unwraps the account key). Knowing one of them
 * reveals nothing about the other.
 */
public final class MasterKey extends SecretBytes {

    public static final int SALT_LENGTH = 16;
    private static final byte[] AUTH_INFO = info("auth-secret");
    private static final byte[] KEK_INFO = info("key-encryption-key");

    private MasterKey(byte[] bytes) {
        super(bytes);
    }

    /**
     * Stretches the password (NFKC-normalised by the KDF) with the account's parameters. The
     * parameter records refuse anything below the floors, whatever a server offered.
     */
    public static MasterKey derive(char[] password, byte[] salt, KdfParams params) {
        if (salt.length != SALT_LENGTH) {
            throw new ParameterRejectedException("KDF salt must be 16 bytes, got " + salt.length);
        }
        return new MasterKey(PasswordKdf.deriveMasterKey(password, salt, params));
    }

    public static byte[] newSalt() {
        return Randoms.bytes(SALT_LENGTH);
    }

    public AuthSecret authSecret() {
        return new AuthSecret(Hkdf.derive(view(), null, AUTH_INFO, 32));
    }

    public KeyEncryptionKey keyEncryptionKey() {
        return new KeyEncryptionKey(Hkdf.derive(view(), null, KEK_INFO, 32));
    }

    private static byte[] info(String label) {
        return (Contexts.FORMAT + "/" + label).getBytes(StandardCharsets.UTF_8);
    }

    /** Used by tests that start from fixed master-key bytes instead of a 64 MiB KDF run. */
    static MasterKey insecureFromBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        try {
            return new MasterKey(copy.clone());
        } finally {
            Bytes.wipe(copy);
        }
    }
}
