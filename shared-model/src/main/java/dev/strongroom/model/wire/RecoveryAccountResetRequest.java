package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.mac.Sha256;
import java.util.UUID;

/**
 * {@code POST .../recovery/requests/{requestId}/account-reset}: forgotten-password recovery. After
 * a released account-scope request, the requester's client sets the member's new credentials (as in
 * a password change) and proves it holds the recovered account key by signing {@link #message} with
 * the member's own Ed25519 identity key (opened from {@code encryptedPrivateKeys}). The server
 * checks the signature against the member's registered bundle, replaces the credentials, revokes
 * every session of the member and closes the request.
 */
public record RecoveryAccountResetRequest(
        KdfParams kdf,
        byte[] srpSalt,
        byte[] srpVerifier,
        byte[] wrappedAccountKey,
        byte[] signature) {

    public static final String PURPOSE = "strongroom/v1/recovery-account-reset";

    public RecoveryAccountResetRequest {
        present(kdf, "kdf");
        present(srpSalt, "srpSalt");
        present(srpVerifier, "srpVerifier");
        present(wrappedAccountKey, "wrappedAccountKey");
        present(signature, "signature");
    }

    /**
     * What the member's key signs: purpose, team id, request id, account id, then SHA-256 of the
     * KDF salt, SRP salt, SRP verifier and wrapped account key, and the KDF algorithm and numbers
     * (absent numbers as 0).
     */
    public static byte[] message(
            UUID teamId,
            UUID requestId,
            UUID accountId,
            KdfParams kdf,
            byte[] srpSalt,
            byte[] srpVerifier,
            byte[] wrappedAccountKey) {
        return Canonical.of(PURPOSE)
                .add(teamId.toString())
                .add(requestId.toString())
                .add(accountId.toString())
                .add(kdf.algorithm())
                .add(kdf.memoryKib() == null ? 0 : kdf.memoryKib())
                .add(kdf.iterations() == null ? 0 : kdf.iterations())
                .add(kdf.parallelism() == null ? 0 : kdf.parallelism())
                .add(Sha256.hash(kdf.salt()))
                .add(Sha256.hash(srpSalt))
                .add(Sha256.hash(srpVerifier))
                .add(Sha256.hash(wrappedAccountKey))
                .toBytes();
    }

    /** The same message for this request's own fields. */
    public byte[] message(UUID teamId, UUID requestId, UUID accountId) {
        return message(teamId, requestId, accountId, kdf, srpSalt, srpVerifier, wrappedAccountKey);
    }
}
