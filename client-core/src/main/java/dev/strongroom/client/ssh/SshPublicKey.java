package dev.strongroom.client.ssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An SSH public key of any algorithm: its type name, wire blob and optional comment, read from and
 * written as an authorized_keys line ({@code type base64 [comment]}). Options before the type (as
 * in {@code command="..." ssh-ed25519 ...}) are not accepted here.
 */
public final class SshPublicKey {

    private static final Pattern KEY_TYPE = Pattern.compile("[a-z0-9][a-z0-9@.+-]{0,63}");

    private final String keyType;
    private final byte[] blob;
    private final String comment;

    private SshPublicKey(String keyType, byte[] blob, String comment) {
        this.keyType = keyType;
        this.blob = blob;
        this.comment = comment;
    }

    /**
     * Wraps a wire blob; the type is read from the blob's first string. The comment may be null or
     * empty (no comment); it must be one line.
     */
    public static SshPublicKey ofBlob(byte[] blob, String comment) {
        String type;
        try {
            type = new SshWire.Reader(blob).utf8("public key type");
        } catch (SshKeyException e) {
            throw new SshKeyException("SSH public key blob is malformed");
        }
        if (!KEY_TYPE.matcher(type).matches()) {
            throw new SshKeyException("SSH public key blob has an invalid key type");
        }
        return new SshPublicKey(type, blob.clone(), normaliseComment(comment));
    }

    /** Parses an authorized_keys / .pub line: {@code type base64 [comment]}. */
    public static SshPublicKey parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            throw new SshKeyException("SSH public key line is empty");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new SshKeyException("SSH public key must be a single line");
        }
        String[] parts = text.split("[ \t]+", 3);
        if (!KEY_TYPE.matcher(parts[0]).matches()) {
            throw new SshKeyException(
                    "SSH public key line must start with a key type such as ssh-ed25519"
                            + " (options before it are not supported)");
        }
        if (parts.length < 2) {
            throw new SshKeyException("SSH public key line has no Base64 key after the type");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SshKeyException("SSH public key line has invalid Base64");
        }
        SshPublicKey key = ofBlob(blob, parts.length == 3 ? parts[2] : null);
        if (!key.keyType.equals(parts[0])) {
            throw new SshKeyException(
                    "SSH public key type in the line does not match the type inside the key");
        }
        return key;
    }

    public String keyType() {
        return keyType;
    }

    /** A copy of the wire blob. */
    public byte[] blob() {
        return blob.clone();
    }

    /** The comment, or null when there is none. */
    public String comment() {
        return comment;
    }

    /** The same key with another comment. */
    public SshPublicKey withComment(String newComment) {
        return new SshPublicKey(keyType, blob, normaliseComment(newComment));
    }

    /** {@code type base64 [comment]}, as ssh-keygen writes .pub files (without newline). */
    public String toAuthorizedKeysLine() {
        String base = keyType + " " + Base64.getEncoder().encodeToString(blob);
        return comment == null ? base : base + " " + comment;
    }

    /** {@code SHA256:} and unpadded Base64 of the blob's SHA-256, as {@code ssh-keygen -l}. */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** True when both hold the same key material (comments are ignored). */
    public boolean sameKeyAs(SshPublicKey other) {
        return MessageDigest.isEqual(blob, other.blob);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshPublicKey
                && sameKeyAs((SshPublicKey) other)
                && java.util.Objects.equals(comment, ((SshPublicKey) other).comment);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return toAuthorizedKeysLine();
    }

    private static String normaliseComment(String comment) {
        if (comment == null) {
            return null;
        }
        String stripped = comment.strip();
        if (stripped.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new SshKeyException("SSH key comment must not contain control characters");
        }
        if (stripped.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw new SshKeyException("SSH key comment must be at most 1024 bytes");
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
