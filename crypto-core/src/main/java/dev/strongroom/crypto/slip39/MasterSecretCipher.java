package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The SLIP-0039 passphrase encryption of the master secret: a 4-round Feistel network (a wide-block
 * pseudorandom permutation) whose round function is PBKDF2-HMAC-SHA256 with 2500 * 2^e iterations,
 * so 10000 * 2^e in total. Without it, an attacker who learned the first bytes of T shares would
 * learn the first bytes of the secret; with it, every output bit depends on every input bit.
 *
 * <p>There is deliberately no way to tell a wrong passphrase: every passphrase decrypts to some
 * master secret (SLIP-0039 "plausible deniability").
 */
final class MasterSecretCipher {

    private static final int ROUNDS = 4;
    private static final int BASE_ROUND_ITERATIONS = 2500;
    private static final byte[] SALT_LABEL = "shamir".getBytes(StandardCharsets.US_ASCII);

    private MasterSecretCipher() {}

    static byte[] encrypt(
            byte[] masterSecret,
            byte[] passphrase,
            int iterationExponent,
            int identifier,
            boolean extendable) {
        return feistel(masterSecret, passphrase, iterationExponent, identifier, extendable, false);
    }

    static byte[] decrypt(
            byte[] encrypted,
            byte[] passphrase,
            int iterationExponent,
            int identifier,
            boolean extendable) {
        return feistel(encrypted, passphrase, iterationExponent, identifier, extendable, true);
    }

    /**
     * The passphrase as bytes; SLIP-0039 allows printable ASCII only (32..126), so that every
     * implementation and keyboard produces the same bytes. Null means the empty passphrase. The
     * caller wipes the result.
     */
    static byte[] passphraseBytes(char[] passphrase) {
        if (passphrase == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[passphrase.length];
        for (int i = 0; i < passphrase.length; i++) {
            char c = passphrase[i];
            if (c < 32 || c > 126) {
                Bytes.wipe(bytes);
                throw new ParameterRejectedException(
                        "SLIP-39 passphrase must contain only printable ASCII characters (code"
                                + " points 32-126); character "
                                + (i + 1)
                                + " is not");
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    private static byte[] feistel(
            byte[] input,
            byte[] passphrase,
            int iterationExponent,
            int identifier,
            boolean extendable,
            boolean decrypt) {
        int half = input.length / 2;
        byte[] left = Arrays.copyOfRange(input, 0, half);
        byte[] right = Arrays.copyOfRange(input, half, input.length);
        // With the extendable flag the identifier is not salt, so re-splitting keeps the EMS.
        byte[] saltPrefix =
                extendable
                        ? new byte[0]
                        : Bytes.concat(
                                SALT_LABEL,
                                new byte[] {(byte) (identifier >>> 8), (byte) identifier});
        int iterations = BASE_ROUND_ITERATIONS << iterationExponent;
        for (int round = 0; round < ROUNDS; round++) {
            int i = decrypt ? ROUNDS - 1 - round : round;
            byte[] f = roundFunction(i, passphrase, saltPrefix, right, iterations, half);
            for (int k = 0; k < half; k++) {
                f[k] ^= left[k];
            }
            Bytes.wipe(left);
            left = right;
            right = f;
        }
        byte[] output = Bytes.concat(right, left);
        Bytes.wipe(left);
        Bytes.wipe(right);
        return output;
    }

    /** F(i, R) = PBKDF2-HMAC-SHA256(i || passphrase, saltPrefix || R, iterations, n/2 bytes). */
    private static byte[] roundFunction(
            int i, byte[] passphrase, byte[] saltPrefix, byte[] right, int iterations, int length) {
        byte[] password = Bytes.concat(new byte[] {(byte) i}, passphrase);
        byte[] salt = Bytes.concat(saltPrefix, right);
        try {
            PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA256Digest());
            pbkdf2.init(password, salt, iterations);
            KeyParameter derived = (KeyParameter) pbkdf2.generateDerivedParameters(length * 8);
            byte[] key = derived.getKey();
            byte[] out = key.clone();
            Bytes.wipe(key);
            return out;
        } finally {
            Bytes.wipe(password);
            Bytes.wipe(salt);
        }
    }
}
