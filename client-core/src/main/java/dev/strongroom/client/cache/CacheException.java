package dev.strongroom.client.cache;

/**
 * Root of every failure of the local cache: an I/O or SQLite error, or one of the typed subclasses
 * a caller can act on (corrupt file, tampering, unsupported format, refused rollback). Messages
 * name files, tables and ids, never a key or any other secret (the cache holds only ciphertext).
 */
public class CacheException extends RuntimeException {

    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
