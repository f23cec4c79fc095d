package dev.strongroom.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Round trips in both modes, and every kind of tampering (enc, ciphertext, info, aad, recipient,
 * sender, mode) fails with {@link AuthenticationFailedException}. Keys come from generated 32-byte
 * seeds so that failures shrink and replay.
 */
class HpkePropertyTest {

    private static final int TRIES = 100;

    @Property(tries = TRIES)
    void baseRoundTrip(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(max = 64) byte[] info,
            @ForAll @Size(max = 64) byte[] aad,
            @ForAll @Size(max = 300) byte[] plaintext) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed)) {
            HpkeSealed sealed = Hpke.sealBase(recipient.publicKey(), info, aad, plaintext);
            assertThat(sealed.toBytes()).hasSize(HpkeSealed.MIN_LENGTH + plaintext.length);
            HpkeSealed parsed = HpkeSealed.fromBytes(sealed.toBytes());
            assertThat(parsed).isEqualTo(sealed);
            assertThat(Hpke.openBase(recipient, parsed, info, aad)).isEqualTo(plaintext);
        }
    }

    @Property(tries = TRIES)
    void authRoundTrip(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(32) byte[] senderSeed,
            @ForAll @Size(max = 64) byte[] info,
            @ForAll @Size(max = 64) byte[] aad,
            @ForAll @Size(max = 300) byte[] plaintext) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed)) {
            HpkeSealed sealed = Hpke.sealAuth(recipient.publicKey(), sender, info, aad, plaintext);
            HpkeSealed parsed = HpkeSealed.fromBytes(sealed.toBytes());
            assertThat(Hpke.openAuth(recipient, sender.publicKey(), parsed, info, aad))
                    .isEqualTo(plaintext);
        }
    }

    /** Any byte of enc or ciphertext changed, in either mode. */
    @Property(tries = 2 * TRIES)
    void flippedByteFails(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(32) byte[] senderSeed,
            @ForAll boolean auth,
            @ForAll @Size(max = 100) byte[] plaintext,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed)) {
            byte[] info = {1, 2, 3};
            byte[] aad = {4, 5};
            byte[] wire =
                    (auth
                                    ? Hpke.sealAuth(
                                            recipient.publicKey(), sender, info, aad, plaintext)
                                    : Hpke.sealBase(recipient.publicKey(), info, aad, plaintext))
                            .toBytes();
            wire[position % wire.length] ^= (byte) mask;
            HpkeSealed tampered = HpkeSealed.fromBytes(wire);
            assertThatThrownBy(() -> open(auth, recipient, sender.publicKey(), tampered, info, aad))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    /** info or aad changed by one flipped bit, one appended byte or truncation. */
    @Property(tries = 2 * TRIES)
    void changedInfoOrAadFails(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(32) byte[] senderSeed,
            @ForAll boolean auth,
            @ForAll boolean changeInfo,
            @ForAll @Size(max = 40) byte[] info,
            @ForAll @Size(max = 40) byte[] aad,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed)) {
            byte[] plaintext = {42};
            HpkeSealed sealed =
                    auth
                            ? Hpke.sealAuth(recipient.publicKey(), sender, info, aad, plaintext)
                            : Hpke.sealBase(recipient.publicKey(), info, aad, plaintext);
            byte[] changedInfo = changeInfo ? change(info, position) : info;
            byte[] changedAad = changeInfo ? aad : change(aad, position);
            assertThatThrownBy(
                            () ->
                                    open(
                                            auth,
                                            recipient,
                                            sender.publicKey(),
                                            sealed,
                                            changedInfo,
                                            changedAad))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Property(tries = TRIES)
    void otherRecipientFails(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(32) byte[] otherSeed,
            @ForAll @Size(32) byte[] senderSeed,
            @ForAll boolean auth) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey other = X25519PrivateKey.fromBytes(otherSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed)) {
            Assume.that(!recipient.publicKey().equals(other.publicKey()));
            byte[] info = {9};
            byte[] aad = {};
            byte[] plaintext = {1, 2, 3};
            HpkeSealed sealed =
                    auth
                            ? Hpke.sealAuth(recipient.publicKey(), sender, info, aad, plaintext)
                            : Hpke.sealBase(recipient.publicKey(), info, aad, plaintext);
            assertThatThrownBy(() -> open(auth, other, sender.publicKey(), sealed, info, aad))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Property(tries = TRIES)
    void otherSenderFails(
            @ForAll @Size(32) byte[] recipientSeed,
            @ForAll @Size(32) byte[] senderSeed,
            @ForAll @Size(32) byte[] otherSeed) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed);
                X25519PrivateKey other = X25519PrivateKey.fromBytes(otherSeed)) {
            Assume.that(!sender.publicKey().equals(other.publicKey()));
            byte[] info = {9};
            byte[] aad = {8};
            HpkeSealed sealed =
                    Hpke.sealAuth(recipient.publicKey(), sender, info, aad, new byte[] {7});
            assertThatThrownBy(() -> Hpke.openAuth(recipient, other.publicKey(), sealed, info, aad))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    /** A base message is not an auth message from anyone, and the other way round. */
    @Property(tries = TRIES)
    void modeMismatchFails(
            @ForAll @Size(32) byte[] recipientSeed, @ForAll @Size(32) byte[] senderSeed) {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(recipientSeed);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(senderSeed)) {
            byte[] info = {};
            byte[] aad = {};
            byte[] plaintext = {5};
            HpkeSealed base = Hpke.sealBase(recipient.publicKey(), info, aad, plaintext);
            HpkeSealed auth = Hpke.sealAuth(recipient.publicKey(), sender, info, aad, plaintext);
            assertThatThrownBy(() -> Hpke.openAuth(recipient, sender.publicKey(), base, info, aad))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> Hpke.openBase(recipient, auth, info, aad))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    private static byte[] open(
            boolean auth,
            X25519PrivateKey recipient,
            X25519PublicKey sender,
            HpkeSealed sealed,
            byte[] info,
            byte[] aad) {
        return auth
                ? Hpke.openAuth(recipient, sender, sealed, info, aad)
                : Hpke.openBase(recipient, sealed, info, aad);
    }

    /** A different byte string: a flipped bit, or (for even positions) one byte more or less. */
    private static byte[] change(byte[] value, int position) {
        if (value.length == 0 || position % 3 == 0) {
            return Bytes.concat(value, new byte[] {(byte) position});
        }
        if (position % 3 == 1) {
            return Arrays.copyOf(value, value.length - 1);
        }
        byte[] changed = value.clone();
        int bit = position % (value.length * 8);
        changed[bit / 8] ^= (byte) (1 << (bit % 8));
        return changed;
    }
}
