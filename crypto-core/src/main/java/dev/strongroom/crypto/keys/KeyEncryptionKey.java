package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.InvalidPassphraseException;
import dev.strongroom.crypto.common.SecretBytes;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;

/**
 * Wraps the account key. Changing the master password re-wraps the same account key under a new
 * key-encryption key, so nothing else needs re-encrypting.
 */
public final class KeyEncryptionKey extends SecretBytes {

    KeyEncryptionKey(byte[] bytes) {
        super(bytes);
    }

    public byte[] wrap(AccountKey accountKey, String accountId) {
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            byte[] raw = accountKey.copyBytes();
            try {
                return Envelope.seal(key, 0, raw, Contexts.accountKeyWrap(accountId));
            } finally {
                dev.strongroom.crypto.common.Bytes.wipe(raw);
            }
        }
    }

    /**
     * Unwraps the account key; a wrong password (or an altered wrap, which cannot be told apart)
     * raises {@link InvalidPassphraseException}.
     */
    public AccountKey unwrap(byte[] wrappedAccountKey, String accountId) {
        UnverifiedEnvelope envelope = UnverifiedEnvelope.parse(wrappedAccountKey);
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            return AccountKey.fromBytes(envelope.open(key, Contexts.accountKeyWrap(accountId)));
        } catch (AuthenticationFailedException e) {
            throw new InvalidPassphraseException();
        }
    }
}
