package dev.strongroom.cli.agent;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A byte buffer whose contents can be wiped: requests carrying passwords are built in one, sized up
 * front so that growing does not leave unwiped copies behind.
 */
final class SecretBuffer extends ByteArrayOutputStream {

    SecretBuffer(int initialSize) {
        super(initialSize);
    }

    @Override
    public synchronized void write(int b) {
        ensure(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ensure(len);
        super.write(b, off, len);
    }

    /** Grows by hand, wiping the old array, before the superclass would copy it silently. */
    private void ensure(int more) {
        if (count + more > buf.length) {
            byte[] bigger = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            Arrays.fill(buf, (byte) 0);
            buf = bigger;
        }
    }

    /** A copy of the contents (the caller wipes it), then the buffer is wiped. */
    synchronized byte[] takeAndWipe() {
        byte[] copy = Arrays.copyOf(buf, count);
        wipe();
        return copy;
    }

    synchronized void wipe() {
        Arrays.fill(buf, (byte) 0);
        count = 0;
    }
}
