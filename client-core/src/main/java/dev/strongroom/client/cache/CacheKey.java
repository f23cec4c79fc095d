package dev.strongroom.client.cache;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.SecretBytes;
import dev.strongroom.crypto.mac.Hmac;

/**
 * The 32-byte key that authenticates the cache's pinned trust state (HMAC-SHA256). The caller
 * derives it from the unlocked account key (for example with HKDF and its own label), so only the
 * account holder can produce pins that verify, and a file edited offline is detected.
 *
 * <p>{@link LocalCache} keeps its own copy until it is closed; close this one when done.
 */
public final class CacheKey extends SecretBytes {

    public static final int LENGTH = 32;

    private CacheKey(byte[] bytes) {
        super(bytes);
    }

    /**
     * Takes ownership of {@code bytes} (the caller must not reuse or wipe the array).
     *
     * @throws MalformedInputException unless exactly 32 bytes; the array is wiped
     */
    public static CacheKey fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            Bytes.wipe(bytes);
            throw new MalformedInputException("cache key must be " + LENGTH + " bytes");
        }
        return new CacheKey(bytes);
    }

    CacheKey copy() {
        return new CacheKey(copyBytes());
    }

    byte[] mac(byte[] data) {
        return Hmac.sha256(view(), data);
    }

    boolean verify(byte[] data, byte[] tag) {
        return tag != null && Hmac.verifySha256(view(), data, tag);
    }
}
