package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SecretBytes;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;

/**
 * The per-item key. An item's whole content (type, name, fields, notes, tags, attachments) is one
 * envelope under it, bound to the vault, the item and the revision, so the server cannot swap
 * fields between items, move an item to another vault or relabel an old revision as a new one.
 */
public final class ItemKey extends SecretBytes {

    public static final int LENGTH = 32;

    private ItemKey(byte[] bytes) {
        super(bytes);
    }

    public static ItemKey generate() {
        return new ItemKey(Randoms.bytes(LENGTH));
    }

    static ItemKey fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            Bytes.wipe(bytes);
            throw new MalformedInputException("item key must be 32 bytes");
        }
        return new ItemKey(bytes);
    }

    public byte[] sealContent(byte[] plaintext, String vaultId, String itemId, long revision) {
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            return Envelope.seal(
                    key, 0, plaintext, Contexts.itemContent(vaultId, itemId, revision));
        }
    }

    /** The caller owns (and wipes) the returned plaintext. */
    public byte[] openContent(byte[] sealed, String vaultId, String itemId, long revision) {
        UnverifiedEnvelope envelope = UnverifiedEnvelope.parse(sealed);
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            return envelope.open(key, Contexts.itemContent(vaultId, itemId, revision));
        }
    }
}
