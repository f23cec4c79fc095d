package dev.strongroom.crypto.asym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.InvalidSignatureException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Ed25519PropertyTest {

    @Property(tries = 200)
    void signThenVerify(@ForAll @Size(32) byte[] seed, @ForAll @Size(max = 300) byte[] message) {
        try (Ed25519PrivateKey sk = Ed25519PrivateKey.fromBytes(seed)) {
            byte[] signature = Ed25519.sign(sk, message);
            assertThat(signature).hasSize(Ed25519.SIGNATURE_LENGTH);
            assertThat(Ed25519.isValid(sk.publicKey(), message, signature)).isTrue();
            Ed25519.verify(sk.publicKey(), message, signature);
            // Deterministic signing.
            assertThat(Ed25519.sign(sk, message)).isEqualTo(signature);
        }
    }

    @Property(tries = 200)
    void anyFlippedBitInSignatureFails(
            @ForAll @Size(32) byte[] seed,
            @ForAll @Size(max = 100) byte[] message,
            @ForAll @IntRange(min = 0, max = 64 * 8 - 1) int bit) {
        try (Ed25519PrivateKey sk = Ed25519PrivateKey.fromBytes(seed)) {
            byte[] signature = Ed25519.sign(sk, message);
            signature[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ed25519.isValid(sk.publicKey(), message, signature)).isFalse();
            assertThatThrownBy(() -> Ed25519.verify(sk.publicKey(), message, signature))
                    .isInstanceOf(InvalidSignatureException.class);
        }
    }

    @Property(tries = 200)
    void anyFlippedBitInMessageFails(
            @ForAll @Size(32) byte[] seed,
            @ForAll @Size(min = 1, max = 100) byte[] message,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position) {
        try (Ed25519PrivateKey sk = Ed25519PrivateKey.fromBytes(seed)) {
            byte[] signature = Ed25519.sign(sk, message);
            int bit = position % (message.length * 8);
            byte[] tampered = message.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ed25519.isValid(sk.publicKey(), tampered, signature)).isFalse();
        }
    }

    @Property(tries = 100)
    void anotherKeyFails(
            @ForAll @Size(32) byte[] seed,
            @ForAll @Size(32) byte[] otherSeed,
            @ForAll @Size(max = 100) byte[] message) {
        try (Ed25519PrivateKey sk = Ed25519PrivateKey.fromBytes(seed);
                Ed25519PrivateKey other = Ed25519PrivateKey.fromBytes(otherSeed)) {
            boolean sameKey = sk.publicKey().equals(other.publicKey());
            byte[] signature = Ed25519.sign(sk, message);
            assertThat(Ed25519.isValid(other.publicKey(), message, signature)).isEqualTo(sameKey);
        }
    }
}
