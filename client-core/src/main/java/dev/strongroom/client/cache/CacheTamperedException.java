package dev.strongroom.client.cache;

/**
 * Pinned trust state failed its HMAC under the {@link CacheKey}, or the cache and its {@link
 * PinStore} disagree about something that never changes (a team's genesis hash). Either the file
 * was edited outside Strongroom or it was opened with the wrong key. This is a security alert, not
 * a corruption to repair silently: the pins are what stops a server from rolling the client back.
 */
public class CacheTamperedException extends CacheException {

    public CacheTamperedException(String message) {
        super(message);
    }
}
