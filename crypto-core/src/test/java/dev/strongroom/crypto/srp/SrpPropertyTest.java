package dev.strongroom.crypto.srp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Any identity, secret and salt: an honest client and server agree (4096-bit group). */
class SrpPropertyTest {

    private static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;

    @Property(tries = 15)
    void honestPartiesAgree(
            @ForAll @Size(min = 1, max = 64) byte[] identity,
            @ForAll @Size(min = 1, max = 64) byte[] secret,
            @ForAll @Size(min = 16, max = 48) byte[] salt) {
        byte[] verifier = SrpVerifier.compute(GROUP, identity, secret, salt);
        try (SrpClient client = new SrpClient(GROUP, identity, secret, salt)) {
            SrpServerChallenge challenge = SrpServer.challenge(GROUP, verifier);
            byte[] m1 = client.respond(challenge.publicB());
            SrpServerResult result =
                    SrpServer.verify(
                            GROUP, verifier, challenge.serverSecretB(), client.publicA(), m1);
            client.verifyServer(result.serverProofM2());
            assertThat(client.sessionKey()).isEqualTo(result.sessionKey());
        }
    }
}
