package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SecretBytes;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;

/**
 * A vault's random 256-bit key at one version. It wraps the item keys of the vault; it is itself
 * given to each member, machine account and the recovery key with {@link VaultKeyWrap}. Rotation
 * creates the next version and re-wraps item keys, which costs one small envelope per item and
 * re-encrypts no item content.
 */
public final class VaultKey extends SecretBytes {

    public static final int LENGTH = 32;
    private final int version;

    private VaultKey(byte[] bytes, int version) {
        super(bytes);
        if (version < 1) {
            throw new ParameterRejectedException("vault key version must be >= 1, got " + version);
        }
        this.version = version;
    }

    public static VaultKey generate(int version) {
        return new VaultKey(Randoms.bytes(LENGTH), version);
    }

    /** Takes ownership of {@code bytes} (an unwrapped key). */
    static VaultKey fromBytes(byte[] bytes, int version) {
        if (bytes.length != LENGTH) {
            Bytes.wipe(bytes);
            throw new MalformedInputException("vault key must be 32 bytes");
        }
        return new VaultKey(bytes, version);
    }

    public int version() {
        return version;
    }

    /** Wraps an item key; the wrap names this vault, the item and this key version. */
    public byte[] wrapItemKey(ItemKey itemKey, String vaultId, String itemId) {
        byte[] raw = itemKey.copyBytes();
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            return Envelope.seal(key, version, raw, Contexts.itemKeyWrap(vaultId, itemId, version));
        } finally {
            Bytes.wipe(raw);
        }
    }

    /**
     * Unwraps an item key of this vault. A wrap made for another vault, item or key version fails
     * authentication, and so does one whose header claims a different key version.
     */
    public ItemKey unwrapItemKey(byte[] wrappedItemKey, String vaultId, String itemId) {
        UnverifiedEnvelope envelope = UnverifiedEnvelope.parse(wrappedItemKey);
        try (SymmetricKey key = SymmetricKey.takeOwnership(copyBytes())) {
            return ItemKey.fromBytes(
                    envelope.open(key, Contexts.itemKeyWrap(vaultId, itemId, version)));
        }
    }
}
