package dev.strongroom.client.team;

import dev.strongroom.crypto.keys.PublicBundle;
import java.util.List;

/**
 * A safety number to compare out of band: the same digits and words appear on both people's screens
 * for the same key. {@code verified} tells whether this device has pinned the key after a check.
 */
public record KeyFingerprint(
        String email, String accountId, String digits, List<String> words, boolean verified) {

    static KeyFingerprint of(PublicBundle b, boolean verified) {
        return new KeyFingerprint(
                b.email(),
                b.accountId(),
                b.fingerprint().digits(),
                b.fingerprint().words(),
                verified);
    }
}
