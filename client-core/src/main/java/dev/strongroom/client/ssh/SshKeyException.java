package dev.strongroom.client.ssh;

/** An SSH key or key line could not be read or is inconsistent. Never carries key material. */
public final class SshKeyException extends IllegalArgumentException {

    public SshKeyException(String message) {
        super(message);
    }
}
