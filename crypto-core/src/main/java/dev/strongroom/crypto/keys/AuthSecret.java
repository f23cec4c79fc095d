package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.common.SecretBytes;

/**
 * The SRP-6a password input. It is derived from the master key, so the server (which only ever sees
 * an SRP verifier made from it) learns nothing that unwraps the account key.
 */
public final class AuthSecret extends SecretBytes {

    AuthSecret(byte[] bytes) {
        super(bytes);
    }
}
