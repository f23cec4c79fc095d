package dev.strongroom.crypto.slip39;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 45 official SLIP-0039 vectors (trezor/python-shamir-mnemonic vectors.json). Valid sets must
 * combine to the stated master secret with passphrase "TREZOR"; sets with an empty master secret
 * must be rejected with InvalidShareException (at parsing or at combining), for the reason the
 * vector's description names. The fourth element (the BIP-32 xprv derived from the master secret)
 * is not checked: Strongroom does not derive BIP-32 keys, and its input is checked directly.
 */
class Slip39VectorTest {

    private static final char[] PASSPHRASE = "TREZOR".toCharArray();

    /** Description fragment of an invalid vector -> fragment of the message we must reject with. */
    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("invalid checksum", "checksum mismatch");
        REASONS.put("invalid padding", "invalid padding");
        REASONS.put("Basic sharing 2-of-3", "too few");
        REASONS.put("different identifiers", "different identifier");
        REASONS.put("different iteration exponents", "different iteration exponent");
        REASONS.put("mismatching group thresholds", "different group threshold");
        REASONS.put("mismatching group counts", "different group count");
        REASONS.put("greater group threshold than group counts", "greater than the group count");
        REASONS.put("duplicate member indices", "repeats member index");
        REASONS.put("mismatching member thresholds", "different member thresholds");
        REASONS.put("invalid digest", "digest mismatch");
        REASONS.put("Insufficient number of groups", "insufficient groups");
        REASONS.put("insufficient number of members", "too few");
        REASONS.put("insufficient length", "this one has 19");
        REASONS.put("invalid master secret length", "not a valid SLIP-39 share length");
    }

    @Test
    void officialVectors() {
        JsonNode vectors = Vectors.json("slip39/vectors.json");
        Failures failures = new Failures("SLIP-39 vectors");
        for (JsonNode vector : vectors) {
            String name = vector.get(0).asText();
            byte[] expected = Vectors.hex(vector.get(2));
            List<Slip39Share> shares = new ArrayList<>();
            try {
                for (JsonNode mnemonic : vector.get(1)) {
                    shares.add(Slip39Share.fromMnemonic(mnemonic.asText()));
                }
                byte[] secret = Slip39.combine(shares, PASSPHRASE);
                if (expected.length == 0) {
                    failures.fail(name, "accepted an invalid set");
                } else {
                    failures.check(Arrays.equals(secret, expected), name, "wrong master secret");
                }
            } catch (InvalidShareException e) {
                if (expected.length != 0) {
                    failures.fail(name, "rejected a valid set: " + e.getMessage());
                } else {
                    String reason = expectedReason(name);
                    failures.check(
                            reason != null && e.getMessage().contains(reason),
                            name,
                            "rejected for another reason: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failures.fail(name, "unexpected " + e);
            } finally {
                shares.forEach(Slip39Share::close);
            }
        }
        failures.assertAllPassed(45);
    }

    private static String expectedReason(String description) {
        for (Map.Entry<String, String> reason : REASONS.entrySet()) {
            if (description.contains(reason.getKey())) {
                return reason.getValue();
            }
        }
        return null;
    }
}
