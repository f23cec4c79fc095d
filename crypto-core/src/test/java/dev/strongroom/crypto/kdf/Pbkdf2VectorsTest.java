package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * PBKDF2-HMAC-SHA256 against RFC 7914 section 11 and Wycheproof. The vectors use 1 to 80,000
 * iterations, below the product floor, so they run on the package-private primitive; the Wycheproof
 * passwords are raw bytes (some not UTF-8), which is also why the primitive takes bytes.
 */
class Pbkdf2VectorsTest {

    @Test
    void rfc7914Section11() {
        JsonNode tests = Vectors.json("pbkdf2/pbkdf2_hmac_sha256_rfc7914.json").get("tests");
        Failures failures = new Failures("RFC 7914 PBKDF2-HMAC-SHA256");
        for (JsonNode t : tests) {
            byte[] dk =
                    Pbkdf2HmacSha256.derive(
                            Vectors.hex(t.get("P_hex")),
                            Vectors.hex(t.get("S_hex")),
                            t.get("c").asInt(),
                            t.get("dkLen").asInt());
            failures.check(
                    HexFormat.of().formatHex(dk).equals(t.get("DK").asText()),
                    "tcId " + t.get("tcId"),
                    "got " + HexFormat.of().formatHex(dk));
        }
        failures.assertAllPassed(2);
    }

    @Test
    void wycheproof() {
        JsonNode file = Vectors.json("wycheproof/pbkdf2_hmacsha256_test.json");
        assertThat(file.get("algorithm").asText()).isEqualTo("PBKDF2-HMACSHA256");
        Failures failures = new Failures("Wycheproof PBKDF2-HMACSHA256");
        for (JsonNode group : file.get("testGroups")) {
            for (JsonNode t : group.get("tests")) {
                String id =
                        "tcId " + t.get("tcId").asInt() + " (" + t.get("comment").asText() + ")";
                String result = t.get("result").asText();
                byte[] expected = Vectors.hex(t.get("dk"));
                boolean matches;
                try {
                    byte[] dk =
                            Pbkdf2HmacSha256.derive(
                                    Vectors.hex(t.get("password")),
                                    Vectors.hex(t.get("salt")),
                                    t.get("iterationCount").asInt(),
                                    t.get("dkLen").asInt());
                    matches = Arrays.equals(dk, expected);
                } catch (RuntimeException e) {
                    matches = false;
                }
                switch (result) {
                    case "valid" -> failures.check(matches, id, "valid case did not match");
                    case "invalid" -> failures.check(!matches, id, "invalid case matched");
                    default -> failures.pass(); // acceptable: either outcome
                }
            }
        }
        failures.assertAllPassed(file.get("numberOfTests").asInt());
        assertThat(failures.checked()).isEqualTo(60);
    }
}
