package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * KDF parameters and SRP salt of an account. For an email that has no account the server answers
 * deterministic plausible values of the same shape, so the answer does not reveal existence.
 */
public record PreloginResponse(KdfParams kdf, byte[] srpSalt) {
    public PreloginResponse {
        present(kdf, "kdf");
        present(srpSalt, "srpSalt");
    }
}
