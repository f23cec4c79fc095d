package dev.strongroom.client.ssh;

import dev.strongroom.client.cert.Pem;
import dev.strongroom.client.cert.PemBlock;
import dev.strongroom.client.cert.PemException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * OpenSSH's "openssh-key-v1" private key container (PROTOCOL.key in the OpenSSH sources), the
 * format ssh-keygen writes by default. Writing: one unencrypted Ed25519 key. Reading: the public
 * key of any single-key file (it is stored in clear even when the private part is encrypted), and
 * the full key pair of an unencrypted Ed25519 file.
 */
final class OpenSshKeyFormat {

    static final String PEM_LABEL = "OPENSSH PRIVATE KEY";
    static final String ED25519 = "ssh-ed25519";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    /** ssh-keygen wraps the Base64 at 70 characters. */
    private static final int LINE_LENGTH = 70;

    private OpenSshKeyFormat() {}

    static byte[] ed25519Blob(byte[] publicKey) {
        SshWire.Buffer out = new SshWire.Buffer();
        SshWire.writeString(out, ED25519);
        SshWire.writeString(out, publicKey);
        return out.toByteArray();
    }

    /** PEM-armoured openssh-key-v1 text; the caller owns (and wipes) the result. */
    static char[] encodeEd25519(byte[] seed, byte[] publicKey, String comment) {
        SshWire.Buffer secret = new SshWire.Buffer();
        SshWire.Buffer outer = new SshWire.Buffer();
        byte[] seedAndPublic = Bytes.concat(seed, publicKey);
        byte[] privateSection = null;
        byte[] container = null;
        try {
            int check = Randoms.secureRandom().nextInt();
            SshWire.writeUint32(secret, check);
            SshWire.writeUint32(secret, check);
            SshWire.writeString(secret, ED25519);
            SshWire.writeString(secret, publicKey);
            SshWire.writeString(secret, seedAndPublic);
            SshWire.writeString(secret, comment == null ? "" : comment);
            for (int pad = 1; secret.size() % 8 != 0; pad++) {
                secret.write(pad);
            }
            privateSection = secret.toByteArray();

            outer.writeBytes(MAGIC);
            SshWire.writeString(outer, "none"); // cipher
            SshWire.writeString(outer, "none"); // kdf
            SshWire.writeString(outer, new byte[0]); // kdf options
            SshWire.writeUint32(outer, 1);
            SshWire.writeString(outer, ed25519Blob(publicKey));
            SshWire.writeString(outer, privateSection);
            container = outer.toByteArray();
            return Pem.encode(PEM_LABEL, container, LINE_LENGTH);
        } finally {
            secret.wipe();
            outer.wipe();
            Bytes.wipe(seedAndPublic);
            Bytes.wipe(privateSection);
            Bytes.wipe(container);
        }
    }

    /** The parsed container: header fields and the (possibly encrypted) private section. */
    static final class Container {
        final String cipher;
        final byte[] publicBlob;
        final byte[] privateSection;

        private Container(String cipher, byte[] publicBlob, byte[] privateSection) {
            this.cipher = cipher;
            this.publicBlob = publicBlob;
            this.privateSection = privateSection;
        }
    }

    static Container readContainer(char[] pem) {
        PemBlock block;
        try {
            block = Pem.decodeSingle(pem, PEM_LABEL);
        } catch (PemException e) {
            throw new SshKeyException("not an OpenSSH private key: " + e.getMessage());
        }
        byte[] data = block.der();
        try {
            if (data.length < MAGIC.length
                    || !MessageDigest.isEqual(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
                throw new SshKeyException("not an openssh-key-v1 private key (bad magic)");
            }
            SshWire.Reader in =
                    new SshWire.Reader(Arrays.copyOfRange(data, MAGIC.length, data.length));
            String cipher = in.utf8("cipher name");
            String kdf = in.utf8("KDF name");
            in.string("KDF options");
            int keys = in.uint32("key count");
            if (keys != 1) {
                throw new SshKeyException("only files holding exactly one SSH key are supported");
            }
            byte[] publicBlob = in.string("public key");
            byte[] privateSection = in.string("private section");
            if (in.remaining() != 0) {
                throw new SshKeyException("trailing data after the OpenSSH private key");
            }
            if (cipher.equals("none") != kdf.equals("none")) {
                throw new SshKeyException("inconsistent cipher and KDF in OpenSSH private key");
            }
            return new Container(cipher, publicBlob, privateSection);
        } finally {
            block.wipe();
        }
    }

    /** Seed (32 bytes), public key (32 bytes) and comment of an unencrypted Ed25519 file. */
    static SshKeyPair decodeEd25519(char[] pem) {
        Container container = readContainer(pem);
        if (!container.cipher.equals("none")) {
            Bytes.wipe(container.privateSection);
            throw new SshKeyException(
                    "passphrase-protected SSH private keys are not supported;"
                            + " remove the passphrase with ssh-keygen -p first");
        }
        SshWire.Reader in = new SshWire.Reader(container.privateSection);
        byte[] seedAndPublic = null;
        try {
            if (in.uint32("check value") != in.uint32("check value")) {
                throw new SshKeyException("corrupt OpenSSH private key (check values differ)");
            }
            String type = in.utf8("key type");
            if (!type.equals(ED25519)) {
                throw new SshKeyException(
                        "only Ed25519 private keys are supported, found " + safe(type));
            }
            byte[] publicKey = in.string("public key");
            seedAndPublic = in.string("private key");
            String comment = in.utf8("comment");
            for (int pad = 1; in.remaining() > 0; pad++) {
                if (in.nextByte() != (byte) pad) {
                    throw new SshKeyException("corrupt OpenSSH private key (bad padding)");
                }
            }
            if (container.privateSection.length % 8 != 0) {
                throw new SshKeyException("corrupt OpenSSH private key (bad block length)");
            }
            if (publicKey.length != 32 || seedAndPublic.length != 64) {
                throw new SshKeyException("corrupt Ed25519 private key (bad key lengths)");
            }
            byte[] embedded = Arrays.copyOfRange(seedAndPublic, 32, 64);
            boolean consistent =
                    MessageDigest.isEqual(embedded, publicKey)
                            && MessageDigest.isEqual(ed25519Blob(publicKey), container.publicBlob);
            if (!consistent) {
                throw new SshKeyException(
                        "corrupt OpenSSH private key (public key copies disagree)");
            }
            return SshKeyPair.fromSeed(Arrays.copyOf(seedAndPublic, 32), publicKey, comment);
        } finally {
            Bytes.wipe(seedAndPublic);
            Bytes.wipe(container.privateSection);
        }
    }

    private static String safe(String type) {
        return type.matches("[a-z0-9@.+-]{1,64}") ? type : "an unknown type";
    }
}
