package dev.strongroom.crypto.asym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.InvalidSignatureException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.testing.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Key handling and the RFC 7748 / RFC 8032 known answers (Wycheproof covers agree and verify). */
class AsymKeysTest {

    // RFC 7748 section 6.1.
    private static final String ALICE_SK =
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String ALICE_PK =
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_SK =
            "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PK =
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String SHARED =
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    // RFC 8032 section 7.1, TEST 1 and TEST 2.
    private static final String ED_SK1 =
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String ED_PK1 =
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String ED_SIG1 =
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private static final String ED_SK2 =
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    private static final String ED_PK2 =
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private static final String ED_SIG2 =
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    @Test
    void x25519Rfc7748KeysAndAgreement() {
        try (X25519PrivateKey alice = X25519PrivateKey.fromBytes(Vectors.hex(ALICE_SK));
                X25519PrivateKey bob = X25519PrivateKey.fromBytes(Vectors.hex(BOB_SK))) {
            assertThat(alice.publicKey().bytes()).isEqualTo(Vectors.hex(ALICE_PK));
            assertThat(bob.publicKey().bytes()).isEqualTo(Vectors.hex(BOB_PK));
            assertThat(X25519.agree(alice, bob.publicKey())).isEqualTo(Vectors.hex(SHARED));
            assertThat(X25519.agree(bob, alice.publicKey())).isEqualTo(Vectors.hex(SHARED));
        }
    }

    @Test
    void x25519RejectsLowOrderPoints() {
        try (X25519KeyPair pair = X25519.generate()) {
            // u = 0 and u = 1 are low-order points.
            assertThatThrownBy(() -> X25519.agree(pair.privateKey(), lowOrder(0)))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> X25519.agree(pair.privateKey(), lowOrder(1)))
                    .isInstanceOf(ParameterRejectedException.class);
        }
    }

    private static X25519PublicKey lowOrder(int u) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) u;
        return new X25519PublicKey(bytes);
    }

    @Test
    void generatedX25519PairsAgree() {
        try (X25519KeyPair a = X25519.generate();
                X25519KeyPair b = X25519.generate()) {
            assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
            assertThat(X25519.agree(a.privateKey(), b.publicKey()))
                    .isEqualTo(X25519.agree(b.privateKey(), a.publicKey()));
        }
    }

    @Test
    void ed25519Rfc8032KnownAnswers() {
        try (Ed25519PrivateKey sk1 = Ed25519PrivateKey.fromBytes(Vectors.hex(ED_SK1));
                Ed25519PrivateKey sk2 = Ed25519PrivateKey.fromBytes(Vectors.hex(ED_SK2))) {
            assertThat(sk1.publicKey().bytes()).isEqualTo(Vectors.hex(ED_PK1));
            assertThat(Ed25519.sign(sk1, new byte[0])).isEqualTo(Vectors.hex(ED_SIG1));
            assertThat(sk2.publicKey().bytes()).isEqualTo(Vectors.hex(ED_PK2));
            assertThat(Ed25519.sign(sk2, new byte[] {0x72})).isEqualTo(Vectors.hex(ED_SIG2));
            Ed25519.verify(sk2.publicKey(), new byte[] {0x72}, Vectors.hex(ED_SIG2));
        }
    }

    @Test
    void ed25519WrongLengthsAndGarbageAreRejectedNotThrown() {
        try (Ed25519KeyPair pair = Ed25519.generate()) {
            byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
            byte[] sig = Ed25519.sign(pair.privateKey(), msg);
            for (int length : new int[] {0, 1, 63, 65, 128}) {
                byte[] wrong = java.util.Arrays.copyOf(sig, length);
                assertThat(Ed25519.isValid(pair.publicKey(), msg, wrong)).isFalse();
                assertThatThrownBy(() -> Ed25519.verify(pair.publicKey(), msg, wrong))
                        .isInstanceOf(InvalidSignatureException.class);
            }
            assertThat(Ed25519.isValid(pair.publicKey(), msg, null)).isFalse();
            // All-ones is not a point encoding, and S >= L.
            byte[] ones = new byte[64];
            java.util.Arrays.fill(ones, (byte) 0xff);
            assertThat(Ed25519.isValid(pair.publicKey(), msg, ones)).isFalse();
            byte[] badKey = new byte[32];
            java.util.Arrays.fill(badKey, (byte) 0xff);
            assertThat(Ed25519.isValid(new Ed25519PublicKey(badKey), msg, sig)).isFalse();
        }
    }

    @Test
    void wrongLengthKeysAreMalformed() {
        assertThatThrownBy(() -> X25519PrivateKey.fromBytes(new byte[31]))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> new X25519PublicKey(new byte[33]))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> Ed25519PrivateKey.fromBytes(new byte[64]))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> new Ed25519PublicKey(null))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void keyPairsRejectMismatchedHalves() {
        try (X25519KeyPair a = X25519.generate();
                X25519KeyPair b = X25519.generate();
                Ed25519KeyPair c = Ed25519.generate();
                Ed25519KeyPair d = Ed25519.generate()) {
            assertThatThrownBy(() -> new X25519KeyPair(a.privateKey(), b.publicKey()))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> new Ed25519KeyPair(c.privateKey(), d.publicKey()))
                    .isInstanceOf(ParameterRejectedException.class);
        }
    }

    @Test
    void publicKeysAreImmutableValuesAndPrivateKeysAreRedacted() {
        byte[] raw = Vectors.hex(ALICE_PK);
        X25519PublicKey pk = new X25519PublicKey(raw);
        raw[0] ^= 1;
        pk.bytes()[1] ^= 1;
        assertThat(pk).isEqualTo(new X25519PublicKey(Vectors.hex(ALICE_PK)));
        assertThat(pk.hashCode()).isEqualTo(new X25519PublicKey(Vectors.hex(ALICE_PK)).hashCode());
        assertThat(pk.toString()).contains("8520f009").doesNotContain(ALICE_PK);

        byte[] seed = Vectors.hex(ED_SK1);
        Ed25519KeyPair pair = Ed25519KeyPair.of(Ed25519PrivateKey.fromBytes(seed));
        assertThat(pair.toString()).contains("redacted").doesNotContain(ED_SK1.substring(0, 8));
        pair.close();
        assertThat(pair.privateKey().isDestroyed()).isTrue();
        assertThatThrownBy(() -> Ed25519.sign(pair.privateKey(), new byte[0]))
                .isInstanceOf(CryptoException.class);
    }
}
