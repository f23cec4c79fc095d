package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.ssh.SshKeyException;
import dev.strongroom.client.ssh.SshKeyPair;
import dev.strongroom.client.ssh.SshPublicKey;
import java.util.Map;

/**
 * An SSH key pair. {@code privateKey} is an OpenSSH private key file ({@code -----BEGIN OPENSSH
 * PRIVATE KEY-----}, any algorithm, possibly passphrase-protected); {@code publicKey} is {@code
 * type base64} without comment (the comment has its own field); {@code fingerprint} is the
 * ssh-keygen SHA256 form. On construction the public key stored inside the private key file must
 * equal {@code publicKey}, and the fingerprint must be the public key's.
 *
 * <p>Use {@link #generateEd25519(String)} or {@link #fromOpenSsh(SecretText, String)} rather than
 * the canonical constructor: they derive the fingerprint and comment.
 */
public record SshKey(SecretText privateKey, String publicKey, String fingerprint, String comment)
        implements ItemData {

    public SshKey {
        privateKey = Check.secret("ssh_key.privateKey", privateKey, 65_536);
        publicKey = Check.text("ssh_key.publicKey", publicKey, 16_384);
        fingerprint = Check.text("ssh_key.fingerprint", fingerprint, 128);
        comment = Check.optionalText("ssh_key.comment", comment, 1024);
        SshPublicKey parsed;
        try {
            parsed = SshPublicKey.parse(publicKey);
        } catch (SshKeyException e) {
            throw new ItemValidationException("ssh_key.publicKey", e.getMessage());
        }
        if (parsed.comment() != null) {
            throw new ItemValidationException(
                    "ssh_key.publicKey",
                    "must be 'type base64' without a comment (the comment has its own field)");
        }
        if (!parsed.fingerprintSha256().equals(fingerprint)) {
            throw new ItemValidationException(
                    "ssh_key.fingerprint", "does not match the public key");
        }
        SshPublicKey inPrivate = publicKeyInside(privateKey);
        if (!inPrivate.sameKeyAs(parsed)) {
            throw new ItemValidationException(
                    "ssh_key.privateKey", "does not belong to the public key");
        }
    }

    /** A new Ed25519 key pair. */
    public static SshKey generateEd25519(String comment) {
        try (SshKeyPair pair = SshKeyPair.generateEd25519(comment)) {
            return fromPair(pair);
        }
    }

    /**
     * From an existing OpenSSH private key file (takes ownership of it) and optionally its .pub
     * line; with no line the public key is read from the private key file. The comment comes from
     * the .pub line, or from an unencrypted Ed25519 key.
     */
    public static SshKey fromOpenSsh(SecretText privateKey, String publicLine) {
        SshPublicKey inside = publicKeyInside(privateKey);
        SshPublicKey line;
        try {
            line = publicLine == null ? inside : SshPublicKey.parse(publicLine);
        } catch (SshKeyException e) {
            throw new ItemValidationException("ssh_key.publicKey", e.getMessage());
        }
        String comment = line.comment();
        if (comment == null) {
            try (SshKeyPair pair = SshKeyPair.parseOpenSshPrivateKey(privateKey)) {
                comment = pair.comment();
            } catch (SshKeyException e) {
                comment = null; // encrypted or not Ed25519: no comment readable
            }
        }
        return new SshKey(
                privateKey,
                line.withComment(null).toAuthorizedKeysLine(),
                line.fingerprintSha256(),
                comment);
    }

    private static SshKey fromPair(SshKeyPair pair) {
        return new SshKey(
                pair.toOpenSshPrivateKey(),
                pair.publicKey().withComment(null).toAuthorizedKeysLine(),
                pair.fingerprintSha256(),
                pair.comment());
    }

    private static SshPublicKey publicKeyInside(SecretText privateKey) {
        char[] chars = privateKey.chars();
        try {
            return SshKeyPair.readPublicKey(chars);
        } catch (SshKeyException e) {
            throw new ItemValidationException("ssh_key.privateKey", e.getMessage());
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    /** The authorized_keys line, with the comment when there is one. */
    public String authorizedKeysLine() {
        return comment == null ? publicKey : publicKey + " " + comment;
    }

    @Override
    public ItemType type() {
        return ItemType.SSH_KEY;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields()
                .put("privateKey", privateKey)
                .put("publicKey", publicKey)
                .put("fingerprint", fingerprint)
                .put("comment", comment)
                .build();
    }
}
