package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SecretBytes;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;

/**
 * The random 256-bit key at the top of an account's hierarchy. It encrypts the account's identity
 * private keys; it is itself wrapped by the key-encryption key (and, when enrolled, to the team
 * recovery key).
 */
public final class AccountKey extends SecretBytes {

    public static final int LENGTH = 32;

    private AccountKey(byte[] bytes) {
        super(bytes);
    }

    public static AccountKey generate() {
        return new AccountKey(Randoms.bytes(LENGTH));
    }

    /** Takes ownership of {@code bytes} (an unwrapped key). */
    static AccountKey fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            Bytes.wipe(bytes);
            throw new MalformedInputException("account key must be 32 bytes");
        }
        return new AccountKey(bytes);
    }

    /** Encrypts the identity private keys for storage on the server. */
    public byte[] sealIdentity(IdentityKeys identity, String accountId) {
        byte[] privateKeys = identity.privateKeyBytes();
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            return Envelope.seal(key, 0, privateKeys, Contexts.identityKeys(accountId));
        } finally {
            Bytes.wipe(privateKeys);
        }
    }

    public IdentityKeys openIdentity(byte[] sealedIdentity, String accountId) {
        UnverifiedEnvelope envelope = UnverifiedEnvelope.parse(sealedIdentity);
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            byte[] privateKeys = envelope.open(key, Contexts.identityKeys(accountId));
            try {
                return IdentityKeys.fromPrivateKeyBytes(privateKeys);
            } finally {
                Bytes.wipe(privateKeys);
            }
        }
    }
}
