package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * A vault key of one version wrapped (HPKE) to one recipient: an account or machine id, or {@code
 * "recovery"} for the team recovery key. Its SHA-256 must match the digest the log entry it travels
 * with names.
 */
public record KeyWrapUpload(Integer keyVersion, String recipientId, byte[] wrap) {
    public KeyWrapUpload {
        present(keyVersion, "keyVersion");
        present(recipientId, "recipientId");
        present(wrap, "wrap");
    }
}
