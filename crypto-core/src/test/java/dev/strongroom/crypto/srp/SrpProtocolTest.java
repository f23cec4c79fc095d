package dev.strongroom.crypto.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Full SRP-6a logins on the product group (RFC 5054 4096-bit, SHA-256). */
class SrpProtocolTest {

    private static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;
    private static final byte[] IDENTITY = "alice@example.com".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = new byte[32];
    private static final byte[] SALT = new byte[16];

    static {
        for (int i = 0; i < 32; i++) {
            SECRET[i] = (byte) i;
        }
        for (int i = 0; i < 16; i++) {
            SALT[i] = (byte) (16 + i);
        }
    }

    private static final byte[] VERIFIER = SrpVerifier.compute(GROUP, IDENTITY, SECRET, SALT);

    @Test
    void roundTripAgreesOnTheSessionKey() {
        try (SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT)) {
            SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
            assertThat(challenge.publicB()).hasSize(512);
            assertThat(challenge.serverSecretB()).hasSize(32);
            byte[] m1 = client.respond(challenge.publicB());
            // Step 2 uses only what a stateless server instance gets from storage and the request.
            SrpServerResult result =
                    SrpServer.verify(
                            GROUP, VERIFIER, challenge.serverSecretB(), client.publicA(), m1);
            client.verifyServer(result.serverProofM2());
            assertThat(client.sessionKey()).hasSize(32).isEqualTo(result.sessionKey());
        }
    }

    /**
     * Pins the wire format (K, M1, M2 are our definitions): expected values computed with an
     * independent Python implementation of the formulas in the package documentation, with a =
     * SHA-256("strongroom srp kat a"), b = SHA-256("strongroom srp kat b").
     */
    @Test
    void knownAnswerForOurProofFormat() {
        byte[] a = hex("fa1c8f7de6516b7908e074590c7b76805141466907bf1b4cd3cf5ee855c5b917");
        byte[] b = hex("b4b31bc60317fda507e035a7ae547c7871e5f9c3fbfc49b2f83fa0c79039e70b");
        assertThat(sha256(VERIFIER))
                .isEqualTo("44bf3f75fc8d598acdd4aae1bd4ab13af18f8f26b4c30161b92b565a5d61a4ed");
        try (SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT, a)) {
            SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER, b);
            assertThat(sha256(client.publicA()))
                    .isEqualTo("0e9e87c2f3089aa593514830816d4df198b68231be2fe802fafdcfa0703993ff");
            assertThat(sha256(challenge.publicB()))
                    .isEqualTo("e18f50741250b80ac621a6d3b24133e7a6a92317039b693c7995a1a317af1fea");
            byte[] m1 = client.respond(challenge.publicB());
            assertThat(HexFormat.of().formatHex(m1))
                    .isEqualTo("b8c5c038eafff1433174280a3629ee6407ee601fc61f468c0e9c6bfdd2cba8d6");
            SrpServerResult result = SrpServer.verify(GROUP, VERIFIER, b, client.publicA(), m1);
            assertThat(HexFormat.of().formatHex(result.serverProofM2()))
                    .isEqualTo("b5162439d63cd41045cf76a1c0df7a07a46bda01c641360c5bdb3d6bb7118188");
            assertThat(HexFormat.of().formatHex(result.sessionKey()))
                    .isEqualTo("69055da03a9cf15bdee83021a3b95bd253f07fb777b2c54c529f16c0e79f6c9d");
            client.verifyServer(result.serverProofM2());
            assertThat(client.sessionKey()).isEqualTo(result.sessionKey());
        }
    }

    @Test
    void wrongSecretFails() {
        byte[] wrong = SECRET.clone();
        wrong[0] ^= 1;
        try (SrpClient client = new SrpClient(GROUP, IDENTITY, wrong, SALT)) {
            SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
            byte[] m1 = client.respond(challenge.publicB());
            assertThatThrownBy(
                            () ->
                                    SrpServer.verify(
                                            GROUP,
                                            VERIFIER,
                                            challenge.serverSecretB(),
                                            client.publicA(),
                                            m1))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("SRP client proof M1 did not verify");
        }
    }

    @Test
    void wrongIdentityFails() {
        byte[] other = "mallory@example.com".getBytes(StandardCharsets.UTF_8);
        try (SrpClient client = new SrpClient(GROUP, other, SECRET, SALT)) {
            SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
            byte[] m1 = client.respond(challenge.publicB());
            assertThatThrownBy(
                            () ->
                                    SrpServer.verify(
                                            GROUP,
                                            VERIFIER,
                                            challenge.serverSecretB(),
                                            client.publicA(),
                                            m1))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void replayedProofFailsAgainstANewChallenge() {
        byte[] oldA;
        byte[] oldM1;
        try (SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT)) {
            SrpServerChallenge first = SrpServer.challenge(GROUP, VERIFIER);
            oldA = client.publicA();
            oldM1 = client.respond(first.publicB());
            SrpServer.verify(GROUP, VERIFIER, first.serverSecretB(), oldA, oldM1);
        }
        SrpServerChallenge second = SrpServer.challenge(GROUP, VERIFIER);
        assertThatThrownBy(
                        () ->
                                SrpServer.verify(
                                        GROUP, VERIFIER, second.serverSecretB(), oldA, oldM1))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("SRP client proof M1 did not verify");
    }

    @Test
    void serverRejectsDegenerateA() {
        SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
        BigInteger n = GROUP.n();
        byte[][] bad = {
            new byte[0],
            new byte[512],
            GROUP.pad(n),
            n.shiftLeft(1).toByteArray(),
            n.multiply(BigInteger.valueOf(3)).toByteArray(),
        };
        for (byte[] a : bad) {
            assertThatThrownBy(
                            () ->
                                    SrpServer.verify(
                                            GROUP,
                                            VERIFIER,
                                            challenge.serverSecretB(),
                                            a,
                                            new byte[32]))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("SRP public value A is 0 mod N; refusing it");
        }
        byte[] nPlusOne = n.add(BigInteger.ONE).toByteArray();
        assertThatThrownBy(
                        () ->
                                SrpServer.verify(
                                        GROUP,
                                        VERIFIER,
                                        challenge.serverSecretB(),
                                        nPlusOne,
                                        new byte[32]))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("SRP public value A is not below N; refusing it");
        assertThatThrownBy(
                        () ->
                                SrpServer.verify(
                                        GROUP,
                                        VERIFIER,
                                        challenge.serverSecretB(),
                                        null,
                                        new byte[32]))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void clientRejectsDegenerateBAndEndsTheAttempt() {
        BigInteger n = GROUP.n();
        for (byte[] b : new byte[][] {new byte[512], GROUP.pad(n), n.shiftLeft(1).toByteArray()}) {
            SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT);
            assertThatThrownBy(() -> client.respond(b))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("SRP public value B is 0 mod N; refusing it");
            assertThatThrownBy(() -> client.respond(SrpServer.challenge(GROUP, VERIFIER).publicB()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void tamperedServerProofIsRejectedAndTheKeyWithheld() {
        SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT);
        SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
        byte[] m1 = client.respond(challenge.publicB());
        SrpServerResult result =
                SrpServer.verify(GROUP, VERIFIER, challenge.serverSecretB(), client.publicA(), m1);
        byte[] m2 = result.serverProofM2().clone();
        m2[31] ^= 0x01;
        assertThatThrownBy(() -> client.verifyServer(m2))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("SRP server proof M2 did not verify");
        assertThatThrownBy(client::sessionKey).isInstanceOf(IllegalStateException.class);
        // The attempt is over: even the right M2 is not accepted any more.
        assertThatThrownBy(() -> client.verifyServer(result.serverProofM2()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void truncatedOrTamperedClientProofIsRejected() {
        try (SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT)) {
            SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
            byte[] m1 = client.respond(challenge.publicB());
            byte[] flipped = m1.clone();
            flipped[0] ^= (byte) 0x80;
            for (byte[] bad : new byte[][] {flipped, Arrays.copyOf(m1, 31), null}) {
                assertThatThrownBy(
                                () ->
                                        SrpServer.verify(
                                                GROUP,
                                                VERIFIER,
                                                challenge.serverSecretB(),
                                                client.publicA(),
                                                bad))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
        }
    }

    @Test
    void sessionKeyOnlyAfterTheServerIsVerified() {
        try (SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT)) {
            assertThatThrownBy(client::sessionKey).isInstanceOf(IllegalStateException.class);
            client.respond(SrpServer.challenge(GROUP, VERIFIER).publicB());
            assertThatThrownBy(client::sessionKey).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closeEndsTheAttemptAndToStringsRedact() {
        SrpClient client = new SrpClient(GROUP, IDENTITY, SECRET, SALT);
        client.close();
        assertThatThrownBy(() -> client.respond(new byte[512]))
                .isInstanceOf(IllegalStateException.class);
        assertThat(client.toString()).contains("redacted");
        SrpServerChallenge challenge = SrpServer.challenge(GROUP, VERIFIER);
        assertThat(challenge.toString())
                .contains("serverSecretB=redacted")
                .doesNotContain(HexFormat.of().formatHex(challenge.serverSecretB()));
    }

    @Test
    void eachChallengeHasAFreshSecret() {
        assertThat(SrpServer.challenge(GROUP, VERIFIER).serverSecretB())
                .isNotEqualTo(SrpServer.challenge(GROUP, VERIFIER).serverSecretB());
    }

    @Test
    void badInputsAreParameterErrors() {
        assertThatThrownBy(() -> SrpVerifier.compute(GROUP, IDENTITY, SECRET, new byte[15]))
                .isInstanceOf(ParameterRejectedException.class)
                .hasMessage("SRP salt must be at least 16 bytes, got 15 bytes");
        assertThatThrownBy(() -> SrpVerifier.compute(GROUP, new byte[0], SECRET, SALT))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> SrpVerifier.compute(GROUP, IDENTITY, new byte[0], SALT))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> SrpServer.challenge(GROUP, new byte[512]))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> SrpServer.challenge(GROUP, new byte[10]))
                .isInstanceOf(ParameterRejectedException.class);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
