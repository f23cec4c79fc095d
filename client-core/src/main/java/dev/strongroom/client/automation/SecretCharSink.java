package dev.strongroom.client.automation;

import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;

/**
 * A growing char buffer for output that contains secrets: every superseded array is wiped, and
 * {@link #take()} hands over an exact-size copy after wiping its own.
 */
final class SecretCharSink {

    private char[] buf = new char[256];
    private int length;

    SecretCharSink append(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buf[length++] = text.charAt(i);
        }
        return this;
    }

    SecretCharSink append(char c) {
        ensure(1);
        buf[length++] = c;
        return this;
    }

    /** Appends and wipes {@code secret}. */
    SecretCharSink appendAndWipe(char[] secret) {
        try {
            ensure(secret.length);
            System.arraycopy(secret, 0, buf, length, secret.length);
            length += secret.length;
            return this;
        } finally {
            Bytes.wipe(secret);
        }
    }

    /** The content; the caller wipes it. This sink is empty afterwards. */
    char[] take() {
        char[] out = Arrays.copyOf(buf, length);
        Bytes.wipe(buf);
        buf = new char[16];
        length = 0;
        return out;
    }

    void wipe() {
        Bytes.wipe(buf);
        length = 0;
    }

    private void ensure(int extra) {
        if (length + extra > buf.length) {
            char[] bigger = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
            Bytes.wipe(buf);
            buf = bigger;
        }
    }
}
