package dev.strongroom.client.team;

import dev.strongroom.client.account.KnownKeys;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.PublicBundle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keys this device has checked out of band, by email. A directory key is used only if it is the
 * pinned one; a pinned key that changes is an {@code UNEXPECTED_KEY_CHANGE} alert, never a silent
 * re-pin. Only {@link #verify} (a person comparing the new fingerprint) may replace a pin.
 */
final class KeyPins {

    static final String BY_FINGERPRINT = "fingerprint";
    static final String BY_INVITE_CODE = "invite_code";

    private final TrustStore store;
    private final Directory directory;

    KeyPins(TrustStore store, Directory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** The directory's key for {@code email}, which must be pinned and unchanged. */
    PublicBundle pinnedBundle(String email) {
        PublicBundle b = directory.knownByEmail(email);
        TrustStore.Pin pin =
                store.pin(b.email())
                        .orElseThrow(
                                () ->
                                        new UnverifiedKeyException(
                                                "the key of "
                                                        + b.email()
                                                        + " is not verified: compare fingerprints"
                                                        + " and run verify, or invite by code"));
        requireSame(pin, b);
        return b;
    }

    /** Alerts if {@code b}'s email is pinned to another key. */
    void checkAgainstPin(PublicBundle b) {
        store.pin(b.email()).ifPresent(pin -> requireSame(pin, b));
    }

    boolean isPinned(PublicBundle b) {
        Optional<TrustStore.Pin> pin = store.pin(b.email());
        return pin.isPresent()
                && pin.get().accountId().equals(b.accountId())
                && b.fingerprint().matches(pin.get().digest());
    }

    /** The pinned keys, for directory checks ({@link KnownKeys}). */
    List<KnownKeys.Known> known() {
        List<KnownKeys.Known> out = new ArrayList<>();
        store.pins()
                .values()
                .forEach(
                        p ->
                                out.add(
                                        new KnownKeys.Known(
                                                p.accountId(),
                                                p.email(),
                                                p.digest(),
                                                "by " + p.method() + " on this device")));
        return out;
    }

    void pin(PublicBundle b, String method) {
        store.pin(
                new TrustStore.Pin(
                        b.email(),
                        b.accountId(),
                        b.fingerprint().digest(),
                        method,
                        System.currentTimeMillis()));
    }

    /**
     * Checks the fingerprint a person read out (digits or words, spacing and case ignored) against
     * the directory's key, and pins it.
     */
    KeyFingerprint verify(String email, String typed) {
        PublicBundle b = directory.byEmail(email);
        KeyFingerprint fp = KeyFingerprint.of(b, false);
        String t = normalise(typed);
        boolean digits = !t.isEmpty() && t.chars().allMatch(Character::isDigit);
        String expected = digits ? fp.digits().replace(" ", "") : String.join(" ", fp.words());
        if (!ConstantTime.equals(
                t.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the fingerprint does not match the key the server presents for "
                            + b.email()
                            + "; nothing was pinned");
        }
        pin(b, BY_FINGERPRINT);
        return KeyFingerprint.of(b, true);
    }

    private static String normalise(String typed) {
        String t = typed.trim().toLowerCase(Locale.ROOT);
        if (t.replaceAll("[\\s-]", "").chars().allMatch(Character::isDigit)) {
            return t.replaceAll("[\\s-]", "");
        }
        return String.join(" ", t.split("[\\s,-]+"));
    }

    private static void requireSame(TrustStore.Pin pin, PublicBundle b) {
        if (!pin.accountId().equals(b.accountId()) || !b.fingerprint().matches(pin.digest())) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNEXPECTED_KEY_CHANGE,
                    "the key of " + b.email() + " differs from the one verified on this device");
        }
    }
}
