package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import java.util.Objects;

/**
 * Master password to 32-byte master key (DESIGN.md, key hierarchy).
 *
 * <p>The password is NFKC-normalised and UTF-8 encoded by {@link PasswordEncoding}; that byte array
 * is wiped before this method returns. The KDF is Argon2id or PBKDF2-HMAC-SHA256 according to the
 * parameter type; both parameter records have already enforced the security floors, so nothing a
 * server sends can lower the cost below them.
 */
public final class PasswordKdf {

    /** Length of the derived master key in bytes. */
    public static final int MASTER_KEY_LENGTH = 32;

    /** Required salt length: 16 random bytes per account. */
    public static final int SALT_LENGTH = 16;

    private PasswordKdf() {}

    /**
     * Derives the master key.
     *
     * @param password the master password; read, not modified (the caller wipes it)
     * @param salt the account's 16-byte salt
     * @param params the account's KDF and its costs
     * @return 32 bytes the caller owns and must wipe (or hand to {@code SymmetricKey})
     * @throws ParameterRejectedException if the password is empty or not valid Unicode, or the salt
     *     is not 16 bytes
     */
    public static byte[] deriveMasterKey(char[] password, byte[] salt, KdfParams params) {
        Objects.requireNonNull(params, "params");
        if (salt == null || salt.length != SALT_LENGTH) {
            throw new ParameterRejectedException(
                    "salt must be "
                            + SALT_LENGTH
                            + " bytes, got "
                            + (salt == null ? "none" : salt.length + " bytes"));
        }
        byte[] encoded = PasswordEncoding.nfkcUtf8(password);
        try {
            if (params instanceof Argon2idParams argon2id) {
                return Argon2id.derive(encoded, salt, argon2id);
            } else if (params instanceof Pbkdf2Params pbkdf2) {
                return Pbkdf2HmacSha256.derive(
                        encoded, salt, pbkdf2.iterations(), MASTER_KEY_LENGTH);
            }
            throw new AssertionError("KdfParams is sealed: " + params.getClass());
        } finally {
            Bytes.wipe(encoded);
        }
    }
}
