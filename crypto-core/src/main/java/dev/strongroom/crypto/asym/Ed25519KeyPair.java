package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.util.Objects;

/**
 * An Ed25519 private key with its public key. Closing the pair destroys the private key.
 *
 * @param privateKey the private key (owned by the pair)
 * @param publicKey its public key
 */
public record Ed25519KeyPair(Ed25519PrivateKey privateKey, Ed25519PublicKey publicKey)
        implements AutoCloseable {

    /**
     * @throws ParameterRejectedException if {@code publicKey} is not the public key of {@code
     *     privateKey}
     */
    public Ed25519KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.publicKey().equals(publicKey)) {
            throw new ParameterRejectedException(
                    "Ed25519 public key does not belong to the private key");
        }
    }

    /** The pair for an existing private key (the pair takes it over; closing it destroys it). */
    public static Ed25519KeyPair of(Ed25519PrivateKey privateKey) {
        return new Ed25519KeyPair(privateKey, privateKey.publicKey());
    }

    /** Destroys the private key. */
    @Override
    public void close() {
        privateKey.destroy();
    }
}
