package dev.strongroom.crypto.mac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Wycheproof HKDF-SHA256 and HMAC-SHA256 vectors through our API. */
class MacWycheproofTest {

    @Test
    void hkdfSha256() {
        Failures failures = new Failures("hkdf_sha256_test.json");
        for (JsonNode group : Vectors.json("wycheproof/hkdf_sha256_test.json").get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId") + " (" + test.get("comment").asText() + ")";
                byte[] ikm = Vectors.hex(test.get("ikm"));
                byte[] salt = Vectors.hex(test.get("salt"));
                byte[] info = Vectors.hex(test.get("info"));
                int size = test.get("size").asInt();
                String result = test.get("result").asText();
                try {
                    byte[] okm = Hkdf.derive(ikm, salt, info, size);
                    byte[] split = Hkdf.expand(Hkdf.extract(salt, ikm), info, size);
                    boolean matches =
                            Arrays.equals(okm, Vectors.hex(test.get("okm")))
                                    && Arrays.equals(split, okm);
                    failures.check(
                            result.equals("acceptable") || (result.equals("valid") && matches),
                            id,
                            result
                                    + " vector: derive gave "
                                    + (matches ? "the" : "a different")
                                    + " okm");
                } catch (ParameterRejectedException e) {
                    failures.check(!result.equals("valid"), id, "valid vector rejected: " + e);
                }
            }
        }
        failures.assertAllPassed(86);
    }

    /**
     * Full-length tags go through {@link Hmac#verifySha256}; 128-bit truncated tags go through
     * {@link Hmac#verifySha256Truncated} with a 16-byte minimum, and must be refused by the default
     * verify even when they are correct.
     */
    @Test
    void hmacSha256() {
        Failures failures = new Failures("hmac_sha256_test.json");
        for (JsonNode group : Vectors.json("wycheproof/hmac_sha256_test.json").get("testGroups")) {
            int tagBytes = group.get("tagSize").asInt() / 8;
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId") + " (" + test.get("comment").asText() + ")";
                byte[] key = Vectors.hex(test.get("key"));
                byte[] msg = Vectors.hex(test.get("msg"));
                byte[] tag = Vectors.hex(test.get("tag"));
                String result = test.get("result").asText();
                boolean verified;
                boolean defaultRefusesTruncation = true;
                if (tagBytes == Hmac.TAG_LENGTH) {
                    verified = Hmac.verifySha256(key, msg, tag);
                } else {
                    verified = Hmac.verifySha256Truncated(key, msg, tag, tagBytes);
                    defaultRefusesTruncation = !Hmac.verifySha256(key, msg, tag);
                }
                boolean computedMatches =
                        Arrays.equals(Arrays.copyOf(Hmac.sha256(key, msg), tagBytes), tag);
                switch (result) {
                    case "valid":
                        failures.check(
                                verified && computedMatches && defaultRefusesTruncation,
                                id,
                                "valid tag: verified="
                                        + verified
                                        + " computed="
                                        + computedMatches
                                        + " defaultRefusedTruncation="
                                        + defaultRefusesTruncation);
                        break;
                    case "invalid":
                        failures.check(!verified && !computedMatches, id, "invalid tag verified");
                        break;
                    default:
                        failures.pass();
                }
            }
        }
        failures.assertAllPassed(174);
    }
}
