package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.util.Objects;

/**
 * An X25519 private key with its public key. Closing the pair destroys the private key.
 *
 * @param privateKey the private key (owned by the pair)
 * @param publicKey its public key
 */
public record X25519KeyPair(X25519PrivateKey privateKey, X25519PublicKey publicKey)
        implements AutoCloseable {

    /**
     * @throws ParameterRejectedException if {@code publicKey} is not the public key of {@code
     *     privateKey}
     */
    public X25519KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.publicKey().equals(publicKey)) {
            throw new ParameterRejectedException(
                    "X25519 public key does not belong to the private key");
        }
    }

    /** The pair for an existing private key (the pair takes it over; closing it destroys it). */
    public static X25519KeyPair of(X25519PrivateKey privateKey) {
        return new X25519KeyPair(privateKey, privateKey.publicKey());
    }

    /** Destroys the private key. */
    @Override
    public void close() {
        privateKey.destroy();
    }
}
