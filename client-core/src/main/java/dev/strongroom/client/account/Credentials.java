package dev.strongroom.client.account;

import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.keys.AuthSecret;
import dev.strongroom.crypto.keys.KeyEncryptionKey;
import dev.strongroom.crypto.keys.MasterKey;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.crypto.srp.SrpVerifier;
import java.nio.charset.StandardCharsets;

/**
 * The two keys a master password yields (one KDF run): the SRP authentication secret and the
 * key-encryption key. The master key itself is wiped as soon as both are derived. Closing wipes
 * both.
 */
final class Credentials implements AutoCloseable {

    /** RFC 5054 4096-bit group with SHA-256, as the server uses. */
    static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;

    private final AuthSecret authSecret;
    private final KeyEncryptionKey kek;

    private Credentials(AuthSecret authSecret, KeyEncryptionKey kek) {
        this.authSecret = authSecret;
        this.kek = kek;
    }

    /** Runs the KDF; the password is read, not modified (the caller wipes it). */
    static Credentials derive(char[] password, byte[] kdfSalt, KdfParams params) {
        try (MasterKey master = MasterKey.derive(password, kdfSalt, params)) {
            AuthSecret auth = master.authSecret();
            try {
                return new Credentials(auth, master.keyEncryptionKey());
            } catch (RuntimeException e) {
                auth.close();
                throw e;
            }
        }
    }

    KeyEncryptionKey kek() {
        return kek;
    }

    /** The SRP identity: the normalised email, UTF-8 (the server's convention). */
    static byte[] identity(String normalizedEmail) {
        return normalizedEmail.getBytes(StandardCharsets.UTF_8);
    }

    /** PAD(v) for registration or a password change. */
    byte[] verifier(String normalizedEmail, byte[] srpSalt) {
        byte[] secret = authSecret.copyBytes();
        try {
            return SrpVerifier.compute(GROUP, identity(normalizedEmail), secret, srpSalt);
        } finally {
            Bytes.wipe(secret);
        }
    }

    /** A fresh SRP login attempt with this secret. */
    SrpClient srpClient(String normalizedEmail, byte[] srpSalt) {
        byte[] secret = authSecret.copyBytes();
        try {
            return new SrpClient(GROUP, identity(normalizedEmail), secret, srpSalt);
        } finally {
            Bytes.wipe(secret);
        }
    }

    @Override
    public void close() {
        try {
            authSecret.close();
        } finally {
            kek.close();
        }
    }

    @Override
    public String toString() {
        return "Credentials[redacted]";
    }
}
