package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.common.Canonical;

/**
 * The associated data and HPKE info of every wrap in the key hierarchy. Each starts with its own
 * purpose label and lists every id the ciphertext belongs to, so a ciphertext moved to another
 * account, team, vault, item, version or recipient fails to authenticate. Byte layouts are listed
 * in docs/CRYPTO.md and pinned by known-answer tests.
 */
final class Contexts {

    static final String FORMAT = "strongroom/v1";

    private Contexts() {}

    static byte[] accountKeyWrap(String accountId) {
        return Canonical.of(FORMAT + "/account-key").add(accountId).toBytes();
    }

    static byte[] identityKeys(String accountId) {
        return Canonical.of(FORMAT + "/identity-keys").add(accountId).toBytes();
    }

    static byte[] vaultKeyWrap(
            String teamId,
            String vaultId,
            int keyVersion,
            String recipientId,
            byte[] recipientKey) {
        return Canonical.of(FORMAT + "/vault-key")
                .add(teamId)
                .add(vaultId)
                .add(keyVersion)
                .add(recipientId)
                .add(recipientKey)
                .toBytes();
    }

    static byte[] itemKeyWrap(String vaultId, String itemId, int vaultKeyVersion) {
        return Canonical.of(FORMAT + "/item-key")
                .add(vaultId)
                .add(itemId)
                .add(vaultKeyVersion)
                .toBytes();
    }

    static byte[] itemContent(String vaultId, String itemId, long revision) {
        return Canonical.of(FORMAT + "/item-content")
                .add(vaultId)
                .add(itemId)
                .add(revision)
                .toBytes();
    }

    static byte[] publicBundle(
            String accountId, String email, byte[] encryptionKey, byte[] signingKey, long created) {
        return Canonical.of(FORMAT + "/public-bundle")
                .add(accountId)
                .add(email)
                .add(encryptionKey)
                .add(signingKey)
                .add(created)
                .toBytes();
    }

    static byte[] fingerprint(String accountId, byte[] encryptionKey, byte[] signingKey) {
        return Canonical.of(FORMAT + "/fingerprint")
                .add(accountId)
                .add(encryptionKey)
                .add(signingKey)
                .toBytes();
    }
}
