package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.asym.Ed25519KeyPair;
import dev.strongroom.crypto.asym.Ed25519PrivateKey;
import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;

/**
 * An account's (or machine account's) two key pairs: X25519 to receive vault keys by HPKE, Ed25519
 * to sign membership-log entries, item revisions and its own public bundle.
 */
public final class IdentityKeys implements AutoCloseable {

    private final X25519KeyPair encryption;
    private final Ed25519KeyPair signing;

    private IdentityKeys(X25519KeyPair encryption, Ed25519KeyPair signing) {
        this.encryption = encryption;
        this.signing = signing;
    }

    public static IdentityKeys generate() {
        return new IdentityKeys(X25519.generate(), Ed25519.generate());
    }

    static IdentityKeys fromPrivateKeyBytes(byte[] privateKeys) {
        if (privateKeys.length != 64) {
            throw new MalformedInputException("identity private keys must be 64 bytes");
        }
        byte[] x = Arrays.copyOfRange(privateKeys, 0, 32);
        byte[] ed = Arrays.copyOfRange(privateKeys, 32, 64);
        try {
            X25519PrivateKey xPrivate = X25519PrivateKey.fromBytes(x);
            Ed25519PrivateKey edPrivate = Ed25519PrivateKey.fromBytes(ed);
            return new IdentityKeys(
                    new X25519KeyPair(xPrivate, xPrivate.publicKey()),
                    new Ed25519KeyPair(edPrivate, edPrivate.publicKey()));
        } finally {
            Bytes.wipe(x);
            Bytes.wipe(ed);
        }
    }

    /** x25519 private (32) || ed25519 seed (32); the caller wipes the result. */
    byte[] privateKeyBytes() {
        byte[] x = encryption.privateKey().copyBytes();
        byte[] ed = signing.privateKey().copyBytes();
        try {
            return Bytes.concat(x, ed);
        } finally {
            Bytes.wipe(x);
            Bytes.wipe(ed);
        }
    }

    public X25519PublicKey encryptionPublicKey() {
        return encryption.publicKey();
    }

    public Ed25519PublicKey signingPublicKey() {
        return signing.publicKey();
    }

    public X25519PrivateKey encryptionPrivateKey() {
        return encryption.privateKey();
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(signing.privateKey(), message);
    }

    /** The self-signed public half, as published in the key directory. */
    public PublicBundle publicBundle(String accountId, String email, long createdMillis) {
        byte[] signed =
                Contexts.publicBundle(
                        accountId,
                        email,
                        encryption.publicKey().bytes(),
                        signing.publicKey().bytes(),
                        createdMillis);
        return new PublicBundle(
                accountId,
                email,
                encryption.publicKey(),
                signing.publicKey(),
                createdMillis,
                sign(signed));
    }

    @Override
    public void close() {
        encryption.close();
        signing.close();
    }

    @Override
    public String toString() {
        return "IdentityKeys[redacted]";
    }
}
