package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.common.Bytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) on Bouncy Castle. Package-private and WITHOUT an iteration floor:
 * it also runs the RFC 7914 and Wycheproof vectors (1 to 80,000 iterations). Product code reaches
 * it only through {@link PasswordKdf} with a validated {@link Pbkdf2Params}.
 */
final class Pbkdf2HmacSha256 {

    private Pbkdf2HmacSha256() {}

    /** Derives {@code length} bytes; {@code password} is read, not modified and not retained. */
    static byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, iterations);
        KeyParameter key = (KeyParameter) generator.generateDerivedParameters(length * 8);
        byte[] internal = key.getKey();
        byte[] out = internal.clone();
        // getKey() may hand out Bouncy Castle's own array; zero it either way.
        Bytes.wipe(internal);
        return out;
    }
}
