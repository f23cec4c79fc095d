package dev.strongroom.client.ssh;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import java.security.MessageDigest;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * An Ed25519 SSH key pair: generate one, write the private key as OpenSSH writes it
 * ("openssh-key-v1", unencrypted, PEM label "OPENSSH PRIVATE KEY") and the public key as an
 * authorized_keys line, or read an unencrypted Ed25519 private key back. Holds the 32-byte seed and
 * wipes it on {@link #close()}. (Bouncy Castle's key objects used during generation keep their own
 * copy, which we cannot wipe.)
 */
public final class SshKeyPair implements AutoCloseable, Destroyable {

    private final byte[] seed;
    private final SshPublicKey publicKey;
    private volatile boolean destroyed;

    private SshKeyPair(byte[] seed, SshPublicKey publicKey) {
        this.seed = seed;
        this.publicKey = publicKey;
    }

    /** A new random Ed25519 pair (randomness from crypto-core's {@code Randoms}). */
    public static SshKeyPair generateEd25519(String comment) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(Randoms.secureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] seed = ((Ed25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
        byte[] pub = ((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded();
        return new SshKeyPair(
                seed, SshPublicKey.ofBlob(OpenSshKeyFormat.ed25519Blob(pub), comment));
    }

    /**
     * Reads an unencrypted Ed25519 key in openssh-key-v1 PEM form, checking that every copy of the
     * public key inside agrees with the one derived from the seed.
     */
    public static SshKeyPair parseOpenSshPrivateKey(char[] pem) {
        return OpenSshKeyFormat.decodeEd25519(pem);
    }

    public static SshKeyPair parseOpenSshPrivateKey(SecretText pem) {
        char[] chars = pem.chars();
        try {
            return parseOpenSshPrivateKey(chars);
        } finally {
            Bytes.wipe(chars);
        }
    }

    /**
     * The public key stored in clear in any single-key openssh-key-v1 file, whatever its algorithm
     * and even when its private part is passphrase-protected. Comment: none (it lives in the
     * private part).
     */
    public static SshPublicKey readPublicKey(char[] pem) {
        OpenSshKeyFormat.Container container = OpenSshKeyFormat.readContainer(pem);
        Bytes.wipe(container.privateSection);
        return SshPublicKey.ofBlob(container.publicBlob, null);
    }

    static SshKeyPair fromSeed(byte[] seed, byte[] publicKey, String comment) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
        byte[] derived = key.generatePublicKey().getEncoded();
        if (!MessageDigest.isEqual(derived, publicKey)) {
            Bytes.wipe(seed);
            throw new SshKeyException("Ed25519 private key does not match its public key");
        }
        return new SshKeyPair(
                seed, SshPublicKey.ofBlob(OpenSshKeyFormat.ed25519Blob(publicKey), comment));
    }

    public SshPublicKey publicKey() {
        return publicKey;
    }

    /** The comment, or null. */
    public String comment() {
        return publicKey.comment();
    }

    public String fingerprintSha256() {
        return publicKey.fingerprintSha256();
    }

    /** The private key as OpenSSH writes it (unencrypted openssh-key-v1 PEM, LF line ends). */
    public SecretText toOpenSshPrivateKey() {
        byte[] pub = publicKeyBytes();
        return SecretText.takeOwnership(
                OpenSshKeyFormat.encodeEd25519(seed(), pub, publicKey.comment()));
    }

    private byte[] publicKeyBytes() {
        SshWire.Reader in = new SshWire.Reader(publicKey.blob());
        in.string("type");
        return in.string("public key");
    }

    private byte[] seed() {
        if (destroyed) {
            throw new IllegalStateException("SshKeyPair has been destroyed");
        }
        return seed;
    }

    @Override
    public void destroy() {
        Bytes.wipe(seed);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "SshKeyPair[" + publicKey.fingerprintSha256() + ", private key redacted]";
    }
}
