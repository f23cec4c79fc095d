package dev.strongroom.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.common.SymmetricKey;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EnvelopePropertiesTest {

    @Provide
    Arbitrary<AeadAlgorithm> envelopeAlgorithms() {
        return Arbitraries.of(AeadAlgorithm.XCHACHA20_POLY1305, AeadAlgorithm.AES_256_GCM);
    }

    @Property(tries = 200)
    void sealThenOpenRoundTrips(
            @ForAll("envelopeAlgorithms") AeadAlgorithm alg,
            @ForAll @Size(max = 2048) byte[] plaintext,
            @ForAll @Size(max = 128) byte[] context,
            @ForAll @IntRange(min = 0) int keyVersion) {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(alg, key, keyVersion, plaintext, context);
            UnverifiedEnvelope parsed = UnverifiedEnvelope.parse(envelope);
            assertThat(parsed.allegedAlgorithm()).isEqualTo(alg);
            assertThat(parsed.allegedKeyVersion()).isEqualTo(keyVersion);
            assertThat(parsed.open(key, context)).isEqualTo(plaintext);
            assertThat(Base64Url.decode(Base64Url.encode(envelope))).isEqualTo(envelope);
        }
    }

    @Property(tries = 200)
    void anySingleBitFlipFails(
            @ForAll("envelopeAlgorithms") AeadAlgorithm alg,
            @ForAll @Size(max = 256) byte[] plaintext,
            @ForAll @Size(max = 64) byte[] context,
            @ForAll @IntRange(min = 0, max = 100_000) int position) {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(alg, key, 1, plaintext, context);
            int bit = position % (envelope.length * 8);
            envelope[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(EnvelopeChecks.opens(envelope, key, context)).isFalse();
        }
    }

    @Property(tries = 200)
    void anyTruncationFails(
            @ForAll("envelopeAlgorithms") AeadAlgorithm alg,
            @ForAll @Size(max = 256) byte[] plaintext,
            @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(alg, key, 1, plaintext, new byte[0]);
            byte[] truncated = Arrays.copyOf(envelope, cut % envelope.length);
            assertThat(EnvelopeChecks.opens(truncated, key, new byte[0])).isFalse();
        }
    }

    @Property(tries = 200)
    void differentContextFails(
            @ForAll("envelopeAlgorithms") AeadAlgorithm alg,
            @ForAll @Size(max = 256) byte[] plaintext,
            @ForAll @Size(max = 64) byte[] context,
            @ForAll @Size(max = 64) byte[] otherContext) {
        if (Arrays.equals(context, otherContext)) {
            return;
        }
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(alg, key, 1, plaintext, context);
            assertThat(EnvelopeChecks.opens(envelope, key, otherContext)).isFalse();
        }
    }

    @Property(tries = 200)
    void differentKeyFails(
            @ForAll("envelopeAlgorithms") AeadAlgorithm alg,
            @ForAll @Size(max = 256) byte[] plaintext) {
        try (SymmetricKey key = SymmetricKey.random(32);
                SymmetricKey otherKey = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(alg, key, 1, plaintext, new byte[0]);
            assertThat(EnvelopeChecks.opens(envelope, otherKey, new byte[0])).isFalse();
        }
    }
}
