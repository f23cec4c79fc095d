package dev.strongroom.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.asym.X25519PublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Edge cases of the public API that properties do not reach. */
class HpkeTest {

    private static final byte[] INFO = {1};
    private static final byte[] AAD = {2};

    @Test
    void everySealUsesAFreshEphemeralKey() {
        try (X25519KeyPair recipient = X25519.generate()) {
            byte[] plaintext = new byte[32];
            HpkeSealed a = Hpke.sealBase(recipient.publicKey(), INFO, AAD, plaintext);
            HpkeSealed b = Hpke.sealBase(recipient.publicKey(), INFO, AAD, plaintext);
            assertThat(a.enc()).isNotEqualTo(b.enc());
            assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        }
    }

    @Test
    void emptyPlaintextGivesTheShortestMessage() {
        try (X25519KeyPair recipient = X25519.generate()) {
            HpkeSealed sealed = Hpke.sealBase(recipient.publicKey(), INFO, AAD, new byte[0]);
            assertThat(sealed.toBytes()).hasSize(HpkeSealed.MIN_LENGTH).hasSize(48);
            assertThat(Hpke.openBase(recipient.privateKey(), sealed, INFO, AAD)).isEmpty();
        }
    }

    @Test
    void lowOrderEncIsAnAuthenticationFailure() {
        try (X25519KeyPair recipient = X25519.generate();
                X25519KeyPair sender = X25519.generate()) {
            byte[] wire = Hpke.sealBase(recipient.publicKey(), INFO, AAD, new byte[8]).toBytes();
            Arrays.fill(wire, 0, 32, (byte) 0); // enc = u-coordinate 0, a low-order point
            HpkeSealed lowOrder = HpkeSealed.fromBytes(wire);
            assertThatThrownBy(() -> Hpke.openBase(recipient.privateKey(), lowOrder, INFO, AAD))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(
                            () ->
                                    Hpke.openAuth(
                                            recipient.privateKey(),
                                            sender.publicKey(),
                                            lowOrder,
                                            INFO,
                                            AAD))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void lowOrderSenderKeyIsAnAuthenticationFailure() {
        try (X25519KeyPair recipient = X25519.generate();
                X25519KeyPair sender = X25519.generate()) {
            HpkeSealed sealed =
                    Hpke.sealAuth(recipient.publicKey(), sender.privateKey(), INFO, AAD, INFO);
            assertThatThrownBy(
                            () ->
                                    Hpke.openAuth(
                                            recipient.privateKey(),
                                            new X25519PublicKey(new byte[32]),
                                            sealed,
                                            INFO,
                                            AAD))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void sealingToALowOrderRecipientIsRejected() {
        byte[] one = new byte[32];
        one[0] = 1;
        assertThatThrownBy(() -> Hpke.sealBase(new X25519PublicKey(one), INFO, AAD, INFO))
                .isInstanceOf(ParameterRejectedException.class);
    }

    @Test
    void sealedWireFormIsValidated() {
        assertThatThrownBy(() -> HpkeSealed.fromBytes(new byte[47]))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> HpkeSealed.fromBytes(null))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> new HpkeSealed(new byte[31], new byte[16]))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> new HpkeSealed(new byte[32], new byte[15]))
                .isInstanceOf(MalformedInputException.class);
        byte[] wire = new byte[48];
        wire[0] = 7;
        wire[47] = 9;
        HpkeSealed sealed = HpkeSealed.fromBytes(wire);
        assertThat(sealed.enc()).hasSize(32).startsWith(7);
        assertThat(sealed.ciphertext()).hasSize(16).endsWith(9);
        assertThat(sealed.toBytes()).isEqualTo(wire);
        sealed.enc()[0] = 0; // accessors hand out copies
        assertThat(sealed.toBytes()).isEqualTo(wire);
        assertThat(sealed.toString()).isEqualTo("HpkeSealed[48 bytes]");
    }

    @Test
    void tamperedMessageNeverReturnsPlaintext() {
        try (X25519KeyPair recipient = X25519.generate()) {
            byte[] wire = Hpke.sealBase(recipient.publicKey(), INFO, AAD, new byte[64]).toBytes();
            wire[wire.length - 1] ^= 1; // tag
            HpkeSealed tampered = HpkeSealed.fromBytes(wire);
            assertThatThrownBy(() -> Hpke.openBase(recipient.privateKey(), tampered, INFO, AAD))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("HPKE ciphertext did not authenticate");
        }
    }
}
