package dev.strongroom.client.cache;

/**
 * The file is a Strongroom cache of a format version this build does not read (typically written by
 * a newer client). There is no fallback and no automatic rebuild: moving a newer cache aside would
 * throw away its queued offline writes, so the caller should tell the user to upgrade.
 */
public class UnsupportedCacheFormatException extends CacheException {

    private final int detected;
    private final int supported;

    public UnsupportedCacheFormatException(int detected, int supported) {
        super("Unsupported cache format version: found " + detected + ", supported " + supported);
        this.detected = detected;
        this.supported = supported;
    }

    public int detected() {
        return detected;
    }

    public int supported() {
        return supported;
    }
}
