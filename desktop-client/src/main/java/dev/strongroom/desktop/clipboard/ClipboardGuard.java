package dev.strongroom.desktop.clipboard;

import dev.strongroom.client.secret.SecretText;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Copies values to the system clipboard and clears it after a timeout, but only if it still holds
 * what we put there (the user may have copied something else meanwhile). Only a SHA-256 digest of
 * the copied value is kept for that check, never the value. FX thread only.
 *
 * <p>Limit: the system clipboard API takes a String, so a copied secret exists as a String in this
 * process (and in the clipboard owner) until cleared and collected.
 */
public final class ClipboardGuard {

    private final Supplier<Duration> timeout;
    private final Clipboard clipboard;
    private PauseTransition pending;
    private byte[] ours;

    public ClipboardGuard(Supplier<Duration> timeout) {
        this(timeout, Clipboard.getSystemClipboard());
    }

    ClipboardGuard(Supplier<Duration> timeout, Clipboard clipboard) {
        this.timeout = timeout;
        this.clipboard = clipboard;
    }

    /** Copies a secret; the clipboard is cleared after the configured time if still ours. */
    public void copy(SecretText value) {
        char[] chars = value.chars();
        try {
            put(new String(chars), digest(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Copies a non-secret value (a username), under the same clearing rule. */
    public void copy(String value) {
        put(value, digest(value.toCharArray()));
    }

    private void put(String text, byte[] digest) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        clipboard.setContent(content);
        ours = digest;
        if (pending != null) {
            pending.stop();
        }
        pending = new PauseTransition(javafx.util.Duration.millis(timeout.get().toMillis()));
        pending.setOnFinished(e -> clearIfOurs());
        pending.play();
    }

    /** Clears the clipboard now if it still holds our last value (lock and exit call this). */
    public void clearIfOurs() {
        if (pending != null) {
            pending.stop();
            pending = null;
        }
        if (ours == null) {
            return;
        }
        if (clipboard.hasString()) {
            char[] current = clipboard.getString().toCharArray();
            try {
                if (MessageDigest.isEqual(digest(current), ours)) {
                    clipboard.clear();
                }
            } finally {
                Arrays.fill(current, '\0');
            }
        }
        ours = null;
    }

    private static byte[] digest(char[] chars) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        if (utf8.hasArray()) {
            Arrays.fill(utf8.array(), (byte) 0);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
