package dev.strongroom.client.automation.headless;

/**
 * A machine asked to write to a vault its verified grant lets it only read. Raised before anything
 * is sent; the server would refuse the write too (403).
 */
public final class WriteNotGrantedException extends RuntimeException {

    public WriteNotGrantedException(String message) {
        super(message);
    }
}
