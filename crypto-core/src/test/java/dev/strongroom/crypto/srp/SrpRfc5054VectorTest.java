package dev.strongroom.crypto.srp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 5054 Appendix B (1024-bit group, SHA-1): every intermediate value k, x, v, A, B, u, S on both
 * sides, computed by our own code. K, M1 and M2 are not in the RFC; for them the test checks that
 * client and server, run with the vector's a and b, agree and derive K from the vector's S.
 */
class SrpRfc5054VectorTest {

    private static final SrpGroup GROUP = SrpGroup.INSECURE_RFC5054_1024_SHA1;

    @Test
    void appendixB() {
        JsonNode file = Vectors.json("srp/srp6a_rfc5054_appendix_b.json");
        Failures failures = new Failures("RFC 5054 Appendix B");
        for (JsonNode t : file.get("testVectors")) {
            assertThat(t.get("H").asText()).isEqualTo("SHA-1");
            assertThat(int16(t, "N")).isEqualTo(GROUP.n());
            assertThat(int16(t, "g")).isEqualTo(GROUP.g());
            byte[] identity = t.get("I").asText().getBytes(StandardCharsets.US_ASCII);
            byte[] password = t.get("P").asText().getBytes(StandardCharsets.US_ASCII);
            byte[] salt = Vectors.hex(t.get("s"));
            BigInteger a = int16(t, "a");
            BigInteger b = int16(t, "b");

            BigInteger k = SrpMath.k(GROUP);
            BigInteger x = SrpMath.x(GROUP, salt, identity, password);
            BigInteger v = SrpMath.verifier(GROUP, x);
            BigInteger publicA = SrpMath.publicA(GROUP, a);
            BigInteger publicB = SrpMath.publicB(GROUP, v, b);
            BigInteger u = SrpMath.u(GROUP, publicA, publicB);
            BigInteger clientS = SrpMath.clientS(GROUP, publicB, x, a, u);
            BigInteger serverS = SrpMath.serverS(GROUP, publicA, v, u, b);
            failures.check(k.equals(int16(t, "k")), "k", k.toString(16));
            failures.check(x.equals(int16(t, "x")), "x", x.toString(16));
            failures.check(v.equals(int16(t, "v")), "v", v.toString(16));
            failures.check(publicA.equals(int16(t, "A")), "A", publicA.toString(16));
            failures.check(publicB.equals(int16(t, "B")), "B", publicB.toString(16));
            failures.check(u.equals(int16(t, "u")), "u", u.toString(16));
            failures.check(clientS.equals(int16(t, "S")), "S (client)", clientS.toString(16));
            failures.check(serverS.equals(int16(t, "S")), "S (server)", serverS.toString(16));

            // The public classes, driven with the vector's a and b, produce the same values.
            byte[] verifier = SrpVerifier.compute(GROUP, identity, password, salt);
            failures.check(
                    SrpMath.toInt(verifier).equals(int16(t, "v")) && verifier.length == 128,
                    "SrpVerifier.compute",
                    "PAD(v) differs");
            byte[] expectedK = GROUP.hash(GROUP.pad(int16(t, "S")));
            try (SrpClient client = new SrpClient(GROUP, identity, password, salt, GROUP.pad(a))) {
                SrpServerChallenge challenge = SrpServer.challenge(GROUP, verifier, GROUP.pad(b));
                failures.check(
                        SrpMath.toInt(client.publicA()).equals(int16(t, "A")),
                        "SrpClient.publicA",
                        "differs");
                failures.check(
                        SrpMath.toInt(challenge.publicB()).equals(int16(t, "B")),
                        "SrpServer.challenge publicB",
                        "differs");
                byte[] m1 = client.respond(challenge.publicB());
                SrpServerResult result =
                        SrpServer.verify(
                                GROUP, verifier, challenge.serverSecretB(), client.publicA(), m1);
                client.verifyServer(result.serverProofM2());
                failures.check(
                        Arrays.equals(result.sessionKey(), expectedK)
                                && Arrays.equals(client.sessionKey(), expectedK),
                        "K = H(PAD(S)) on both sides",
                        "differs");
            }
        }
        failures.assertAllPassed(12);
    }

    private static BigInteger int16(JsonNode t, String field) {
        return new BigInteger(t.get(field).asText(), 16);
    }
}
