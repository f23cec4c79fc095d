package dev.strongroom.crypto.shamir;

import dev.strongroom.crypto.common.SecretBytes;

/**
 * One point of a byte-wise Shamir split: a public index (the x coordinate) and a secret value
 * vector (one y coordinate per byte of the secret). Wiped on {@link #close()}; never printed.
 */
public final class ShamirShare extends SecretBytes {

    private final int index;

    private ShamirShare(int index, byte[] value) {
        super(value);
        if (index < 0 || index > 255) {
            throw new IllegalArgumentException("share index must be in [0, 255]: " + index);
        }
        this.index = index;
    }

    /** A share holding a copy of {@code value}; the caller keeps (and wipes) its own array. */
    public static ShamirShare of(int index, byte[] value) {
        return new ShamirShare(index, value.clone());
    }

    /** Takes ownership of {@code value}; the caller must not reuse the array. */
    static ShamirShare takeOwnership(int index, byte[] value) {
        return new ShamirShare(index, value);
    }

    /** The x coordinate of this share. */
    public int index() {
        return index;
    }

    /** The live value array, for this package's arithmetic only. */
    byte[] value() {
        return view();
    }
}
