package dev.strongroom.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Runs the Wycheproof AEAD vectors through our API. valid: seal gives exactly ct||tag and open
 * gives msg back. invalid: open must throw (and seal too when the sizes are ones our API refuses).
 * No file has "acceptable" cases; they would count as passed either way.
 */
class AeadWycheproofTest {

    /** How one vector is run: seal and open, each throwing or returning ct||tag / plaintext. */
    private interface Cipher {
        byte[] seal(byte[] key, byte[] iv, byte[] msg, byte[] aad);

        byte[] open(byte[] key, byte[] iv, byte[] sealed, byte[] aad);
    }

    private static Cipher publicApi(AeadAlgorithm alg) {
        return new Cipher() {
            @Override
            public byte[] seal(byte[] key, byte[] iv, byte[] msg, byte[] aad) {
                try (SymmetricKey k = SymmetricKey.copyOf(key)) {
                    return Aead.seal(alg, k, iv, msg, aad);
                }
            }

            @Override
            public byte[] open(byte[] key, byte[] iv, byte[] sealed, byte[] aad) {
                try (SymmetricKey k = SymmetricKey.copyOf(key)) {
                    return Aead.open(alg, k, iv, sealed, aad);
                }
            }
        };
    }

    private static final Cipher ANY_SIZE_AES_GCM =
            new Cipher() {
                @Override
                public byte[] seal(byte[] key, byte[] iv, byte[] msg, byte[] aad) {
                    return InsecureAnySizeAesGcm.seal(key, iv, msg, aad);
                }

                @Override
                public byte[] open(byte[] key, byte[] iv, byte[] sealed, byte[] aad) {
                    return InsecureAnySizeAesGcm.open(key, iv, sealed, aad);
                }
            };

    @Test
    void xchacha20Poly1305ThroughPublicApi() {
        // 306 cases with 192-bit nonces; 9 invalid cases with other nonce sizes, which our API
        // must refuse with ParameterRejectedException.
        Failures failures = run("xchacha20_poly1305_test.json", publicApi(xchacha()), true);
        failures.assertAllPassed(315);
    }

    @Test
    void chacha20Poly1305ThroughPublicApi() {
        Failures failures =
                run(
                        "chacha20_poly1305_test.json",
                        publicApi(AeadAlgorithm.CHACHA20_POLY1305),
                        true);
        failures.assertAllPassed(325);
    }

    @Test
    void aesGcmEveryVectorThroughTheAnySizeFunction() {
        // 128/192/256-bit keys, IVs of 8..2056 bits; the 6 zero-length-IV vectors are invalid and
        // must be refused.
        Failures failures = run("aes_gcm_test.json", ANY_SIZE_AES_GCM, false);
        failures.assertAllPassed(316);
    }

    @Test
    void aesGcmProductSizesThroughPublicApi() {
        // The product algorithm: 256-bit key, 96-bit IV (39 valid + 27 invalid vectors).
        Failures failures = new Failures("aes_gcm_test.json via Aead AES_256_GCM");
        for (JsonNode group : Vectors.json("wycheproof/aes_gcm_test.json").get("testGroups")) {
            if (group.get("keySize").asInt() != 256 || group.get("ivSize").asInt() != 96) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                runCase(failures, test, publicApi(AeadAlgorithm.AES_256_GCM), false);
            }
        }
        failures.assertAllPassed(66);
    }

    @Test
    void aesGcmOtherSizesAreRefusedByPublicApi() {
        // Every vector with a key or IV size other than 256/96 bits, valid or not, must be refused
        // by Aead with AES_256_GCM before any cryptography runs.
        Failures failures = new Failures("aes_gcm_test.json sizes refused by Aead");
        for (JsonNode group : Vectors.json("wycheproof/aes_gcm_test.json").get("testGroups")) {
            if (group.get("keySize").asInt() == 256 && group.get("ivSize").asInt() == 96) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                byte[] key = Vectors.hex(test.get("key"));
                byte[] iv = Vectors.hex(test.get("iv"));
                byte[] sealed = sealedOf(test);
                byte[] aad = Vectors.hex(test.get("aad"));
                Cipher api = publicApi(AeadAlgorithm.AES_256_GCM);
                boolean sealRefused =
                        throwsParameterRejected(
                                () -> api.seal(key, iv, Vectors.hex(test.get("msg")), aad));
                boolean openRefused = throwsParameterRejected(() -> api.open(key, iv, sealed, aad));
                failures.check(
                        sealRefused && openRefused,
                        "tcId " + test.get("tcId"),
                        "AES_256_GCM accepted key " + key.length + " bytes, IV " + iv.length);
            }
        }
        failures.assertAllPassed(250);
    }

    private static AeadAlgorithm xchacha() {
        return AeadAlgorithm.XCHACHA20_POLY1305;
    }

    private static Failures run(String file, Cipher cipher, boolean sizeRefusalExpected) {
        Failures failures = new Failures(file);
        JsonNode root = Vectors.json("wycheproof/" + file);
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                runCase(failures, test, cipher, sizeRefusalExpected);
            }
        }
        assertThat(failures.checked()).isEqualTo(root.get("numberOfTests").asInt());
        return failures;
    }

    private static void runCase(
            Failures failures, JsonNode test, Cipher cipher, boolean sizeRefusalExpected) {
        String id = "tcId " + test.get("tcId") + " (" + test.get("comment").asText() + ")";
        String result = test.get("result").asText();
        byte[] key = Vectors.hex(test.get("key"));
        byte[] iv = Vectors.hex(test.get("iv"));
        byte[] aad = Vectors.hex(test.get("aad"));
        byte[] msg = Vectors.hex(test.get("msg"));
        byte[] sealed = sealedOf(test);
        try {
            if (result.equals("valid")) {
                byte[] ours = cipher.seal(key, iv, msg, aad);
                byte[] opened = cipher.open(key, iv, sealed, aad);
                failures.check(
                        Arrays.equals(ours, sealed) && Arrays.equals(opened, msg),
                        id,
                        "valid vector: seal or open gave different bytes");
                return;
            }
            boolean sizeRefused = throwsParameterRejected(() -> cipher.seal(key, iv, msg, aad));
            try {
                byte[] opened = cipher.open(key, iv, sealed, aad);
                if (result.equals("acceptable")) {
                    failures.pass();
                } else {
                    failures.fail(id, "invalid vector opened to " + opened.length + " bytes");
                }
            } catch (AuthenticationFailedException | ParameterRejectedException e) {
                // An invalid size must be refused as such, not merely fail authentication.
                boolean refusedAsSize = e instanceof ParameterRejectedException;
                failures.check(
                        !sizeRefusalExpected || sizeRefused == refusedAsSize,
                        id,
                        "invalid vector refused inconsistently: " + e);
            }
        } catch (CryptoException | IllegalArgumentException | IllegalStateException e) {
            failures.fail(id, result + " vector threw " + e);
        }
    }

    private static byte[] sealedOf(JsonNode test) {
        return Bytes.concat(Vectors.hex(test.get("ct")), Vectors.hex(test.get("tag")));
    }

    private static boolean throwsParameterRejected(Runnable action) {
        try {
            action.run();
            return false;
        } catch (ParameterRejectedException e) {
            return true;
        }
    }
}
