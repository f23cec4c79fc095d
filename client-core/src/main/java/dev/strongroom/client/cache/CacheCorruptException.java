package dev.strongroom.client.cache;

/**
 * The cache file cannot be trusted to be read at all: it is empty, truncated, not SQLite, not a
 * Strongroom cache, fails SQLite's integrity check, has an unexpected schema or meta row, or
 * belongs to another account or server. Nothing is read from such a file; the remedy is {@link
 * LocalCache#rebuild}, which keeps the bad file aside and starts a fresh cache that sync refills.
 */
public class CacheCorruptException extends CacheException {

    public CacheCorruptException(String message) {
        super(message);
    }

    public CacheCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
