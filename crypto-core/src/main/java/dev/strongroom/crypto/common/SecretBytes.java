package dev.strongroom.crypto.common;

import dev.strongroom.crypto.api.CryptoException;
import javax.security.auth.Destroyable;

/**
 * Base of every key or secret held by crypto-core: owns a byte array, wipes it on {@link
 * #destroy()} or {@link #close()}, and never prints it. Use with try-with-resources.
 */
public abstract class SecretBytes implements Destroyable, AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    /** Takes ownership of {@code bytes}: the caller must not keep or wipe its own reference. */
    protected SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A copy of the secret. The caller owns the copy and must wipe it with {@link Bytes#wipe} when
     * done.
     */
    public final byte[] copyBytes() {
        return view().clone();
    }

    /** Direct access for subclasses and crypto-core internals; never hand it out. */
    protected final byte[] view() {
        if (destroyed) {
            throw new CryptoException(getClass().getSimpleName() + " has been destroyed");
        }
        return bytes;
    }

    public final int length() {
        return bytes.length;
    }

    @Override
    public final void destroy() {
        Bytes.wipe(bytes);
        destroyed = true;
    }

    @Override
    public final boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public final void close() {
        destroy();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + bytes.length + " bytes, redacted]";
    }

    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
