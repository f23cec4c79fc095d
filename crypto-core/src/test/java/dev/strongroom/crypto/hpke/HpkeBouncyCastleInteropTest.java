package dev.strongroom.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.asym.X25519PrivateKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Cross-checks this package against Bouncy Castle's independent RFC 9180 implementation ({@code
 * org.bouncycastle.crypto.hpke.HPKE}) in both directions, both modes, with random ephemeral keys on
 * both sides and both AEADs.
 */
class HpkeBouncyCastleInteropTest {

    @Property(tries = 50)
    void oursToBouncyCastleAndBack(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(32) byte[] senderSeed,
            @ForAll boolean auth,
            @ForAll boolean chacha,
            @ForAll @Size(max = 40) byte[] info,
            @ForAll @Size(max = 40) byte[] aad,
            @ForAll @Size(max = 200) byte[] plaintext)
            throws Exception {
        HpkeSuite suite = chacha ? HpkeSuite.CHACHA20_POLY1305 : HpkeSuite.AES_128_GCM;
        HPKE bc =
                new HPKE(
                        auth ? HPKE.mode_auth : HPKE.mode_base,
                        HPKE.kem_X25519_SHA256,
                        HPKE.kdf_HKDF_SHA256,
                        chacha ? HPKE.aead_CHACHA20_POLY1305 : HPKE.aead_AES_GCM128);
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed)) {
            AsymmetricCipherKeyPair bcRecipient =
                    bc.deserializePrivateKey(recipientSeed, recipient.publicKey().bytes());
            AsymmetricCipherKeyPair bcSender =
                    bc.deserializePrivateKey(senderSeed, sender.publicKey().bytes());
            AsymmetricKeyParameter bcRecipientPublic = bcRecipient.getPublic();

            // Ours seals, Bouncy Castle opens.
            HpkeSealed ours;
            try (var ephemeral = dev.strongroom.crypto.asym.X25519.generate()) {
                ours =
                        Hpke.seal(
                                suite,
                                recipient.publicKey(),
                                auth ? sender : null,
                                ephemeral,
                                info,
                                aad,
                                plaintext);
            }
            byte[] openedByBc =
                    (auth
                                    ? bc.setupAuthR(
                                            ours.enc(), bcRecipient, info, bcSender.getPublic())
                                    : bc.setupBaseR(ours.enc(), bcRecipient, info))
                            .open(aad, ours.ciphertext());
            assertThat(openedByBc).isEqualTo(plaintext);

            // Bouncy Castle seals, ours opens.
            HPKEContextWithEncapsulation bcContext =
                    auth
                            ? bc.setupAuthS(bcRecipientPublic, info, bcSender)
                            : bc.setupBaseS(bcRecipientPublic, info);
            HpkeSealed theirs =
                    new HpkeSealed(bcContext.getEncapsulation(), bcContext.seal(aad, plaintext));
            byte[] openedByUs =
                    Hpke.open(
                            suite, recipient, auth ? sender.publicKey() : null, theirs, info, aad);
            assertThat(openedByUs).isEqualTo(plaintext);
        }
    }
}
