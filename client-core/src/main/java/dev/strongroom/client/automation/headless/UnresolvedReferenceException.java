package dev.strongroom.client.automation.headless;

/**
 * A well-formed secret reference, vault or folder that names nothing this machine can see: an
 * unknown team, a vault not granted to it, an item or field that does not exist, or a name that
 * matches more than one object. The message names the reference, never a value.
 */
public final class UnresolvedReferenceException extends RuntimeException {

    public UnresolvedReferenceException(String message) {
        super(message);
    }
}
