package dev.strongroom.crypto.asym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.api.InvalidSignatureException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Project Wycheproof X25519 and Ed25519 vectors (see vectors/wycheproof/PROVENANCE-asym.md). */
class AsymWycheproofTest {

    private static final int X25519_CASES = 518;
    private static final int ED25519_CASES = 151;

    /**
     * valid: the shared secret must match. acceptable: either the same shared secret, or a
     * rejection, and then only because the expected secret is all zeros (our one rejection rule).
     */
    @Test
    void x25519() {
        JsonNode file = Vectors.json("wycheproof/x25519_test.json");
        Failures failures = new Failures("Wycheproof x25519");
        int rejected = 0;
        for (JsonNode group : file.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId").asInt();
                String result = test.get("result").asText();
                byte[] expected = Vectors.hex(test.get("shared"));
                byte[] actual;
                try (X25519PrivateKey sk =
                        X25519PrivateKey.fromBytes(Vectors.hex(test.get("private")))) {
                    actual = X25519.agree(sk, new X25519PublicKey(Vectors.hex(test.get("public"))));
                } catch (ParameterRejectedException e) {
                    rejected++;
                    failures.check(
                            !result.equals("valid") && isAllZero(expected),
                            id,
                            "rejected a " + result + " case with a non-zero shared secret");
                    continue;
                } catch (RuntimeException e) {
                    failures.fail(id, "unexpected " + e);
                    continue;
                }
                failures.check(
                        !result.equals("invalid") && Arrays.equals(actual, expected),
                        id,
                        result + " case gave a wrong shared secret or accepted an invalid case");
            }
        }
        failures.assertAllPassed(X25519_CASES);
        // Exactly the low-order inputs are refused: the ZeroSharedSecret cases.
        assertThat(rejected).as("x25519 cases rejected as low-order").isEqualTo(31);
    }

    /** valid must verify; invalid must be rejected through both entry points, never by throwing. */
    @Test
    void ed25519() {
        JsonNode file = Vectors.json("wycheproof/ed25519_test.json");
        Failures failures = new Failures("Wycheproof ed25519");
        for (JsonNode group : file.get("testGroups")) {
            Ed25519PublicKey pk =
                    new Ed25519PublicKey(Vectors.hex(group.get("publicKey").get("pk")));
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId").asInt();
                boolean valid = test.get("result").asText().equals("valid");
                byte[] msg = Vectors.hex(test.get("msg"));
                byte[] sig = Vectors.hex(test.get("sig"));
                try {
                    boolean accepted = Ed25519.isValid(pk, msg, sig);
                    boolean verifyAccepted = verifies(pk, msg, sig);
                    failures.check(
                            accepted == valid && verifyAccepted == valid,
                            id,
                            "expected " + (valid ? "valid" : "invalid"));
                } catch (RuntimeException e) {
                    failures.fail(id, "unexpected " + e);
                }
            }
        }
        failures.assertAllPassed(ED25519_CASES);
    }

    private static boolean verifies(Ed25519PublicKey pk, byte[] msg, byte[] sig) {
        try {
            Ed25519.verify(pk, msg, sig);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
