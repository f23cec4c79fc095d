package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.identity.PublicBundleJson;
import java.util.UUID;

/**
 * {@code POST /api/v1/accounts}: a new account. Everything here was made on the client: the SRP
 * verifier (nothing password-equivalent), the account key wrapped under the key-encryption key, the
 * private keys encrypted under the account key and the self-signed public bundle. To the server the
 * last three are opaque, size-limited blobs.
 */
public record RegisterRequest(
        UUID accountId,
        String email,
        KdfParams kdf,
        byte[] srpSalt,
        byte[] srpVerifier,
        byte[] wrappedAccountKey,
        byte[] encryptedPrivateKeys,
        PublicBundleJson publicBundle) {
    public RegisterRequest {
        present(accountId, "accountId");
        present(email, "email");
        present(kdf, "kdf");
        present(srpSalt, "srpSalt");
        present(srpVerifier, "srpVerifier");
        present(wrappedAccountKey, "wrappedAccountKey");
        present(encryptedPrivateKeys, "encryptedPrivateKeys");
        present(publicBundle, "publicBundle");
    }
}
