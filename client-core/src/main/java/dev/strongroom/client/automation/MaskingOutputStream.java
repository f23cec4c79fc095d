package dev.strongroom.client.automation;

import dev.strongroom.crypto.common.Bytes;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Passes a child process's output through, replacing every occurrence of a secret value with
 * {@value #MASK}, also when a value is split across writes: bytes that could still be the start of
 * a value are held back until they can be decided (at most the longest value's length minus one).
 * {@link #close()} flushes what is held and wipes the values.
 */
public final class MaskingOutputStream extends FilterOutputStream {

    public static final String MASK = "*****";
    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> secrets = new ArrayList<>();
    private byte[] pending = new byte[0];

    /**
     * {@code secrets} are copied (UTF-8) and longest first, so a longer value wins at a position.
     */
    public MaskingOutputStream(OutputStream out, List<byte[]> secretsUtf8) {
        super(out);
        for (byte[] s : secretsUtf8) {
            if (s.length > 0) {
                secrets.add(s.clone());
            }
        }
        secrets.sort(Comparator.comparingInt((byte[] s) -> s.length).reversed());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        byte[] buf = Arrays.copyOf(pending, pending.length + len);
        System.arraycopy(b, off, buf, pending.length, len);
        Bytes.wipe(pending);
        int kept = emit(buf, false);
        pending = Arrays.copyOfRange(buf, kept, buf.length);
        Bytes.wipe(buf);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            emit(pending, true);
            Bytes.wipe(pending);
            pending = new byte[0];
            out.flush();
        } finally {
            secrets.forEach(Bytes::wipe);
            secrets.clear();
            out.close();
        }
    }

    /** Writes buf up to the first undecidable position (all of it when final); returns it. */
    private int emit(byte[] buf, boolean last) throws IOException {
        int start = 0;
        int i = 0;
        while (i < buf.length) {
            int matched = matchAt(buf, i);
            if (matched > 0) {
                out.write(buf, start, i - start);
                out.write(MASK_BYTES);
                i += matched;
                start = i;
            } else if (!last && couldStartAt(buf, i)) {
                break;
            } else {
                i++;
            }
        }
        out.write(buf, start, i - start);
        return i;
    }

    private int matchAt(byte[] buf, int i) {
        for (byte[] s : secrets) {
            if (s.length <= buf.length - i && Arrays.equals(buf, i, i + s.length, s, 0, s.length)) {
                return s.length;
            }
        }
        return 0;
    }

    /** True when the rest of buf from i is a proper prefix of some secret. */
    private boolean couldStartAt(byte[] buf, int i) {
        int rest = buf.length - i;
        for (byte[] s : secrets) {
            if (s.length > rest && Arrays.equals(buf, i, buf.length, s, 0, rest)) {
                return true;
            }
        }
        return false;
    }
}
