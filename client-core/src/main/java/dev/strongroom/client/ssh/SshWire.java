package dev.strongroom.client.ssh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** RFC 4251 wire encoding: uint32 and length-prefixed strings, with bounds-checked reading. */
final class SshWire {

    private SshWire() {}

    /** A ByteArrayOutputStream whose internal buffer can be wiped (it may hold private keys). */
    static final class Buffer extends ByteArrayOutputStream {
        void wipe() {
            Arrays.fill(buf, (byte) 0);
            count = 0;
        }
    }

    static void writeUint32(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    static void writeString(ByteArrayOutputStream out, byte[] value) {
        writeUint32(out, value.length);
        out.writeBytes(value);
    }

    static void writeString(ByteArrayOutputStream out, String value) {
        writeString(out, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sequential reader; every overrun is an {@link SshKeyException} naming what was read. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        int uint32(String what) {
            if (data.length - pos < 4) {
                throw new SshKeyException("truncated SSH key data reading " + what);
            }
            int value =
                    ((data[pos] & 0xff) << 24)
                            | ((data[pos + 1] & 0xff) << 16)
                            | ((data[pos + 2] & 0xff) << 8)
                            | (data[pos + 3] & 0xff);
            pos += 4;
            return value;
        }

        byte[] string(String what) {
            int length = uint32(what);
            if (length < 0 || length > data.length - pos) {
                throw new SshKeyException("truncated SSH key data reading " + what);
            }
            byte[] out = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return out;
        }

        String utf8(String what) {
            return new String(string(what), StandardCharsets.UTF_8);
        }

        byte[] bytes(int length, String what) {
            if (length > data.length - pos) {
                throw new SshKeyException("truncated SSH key data reading " + what);
            }
            byte[] out = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return out;
        }

        int remaining() {
            return data.length - pos;
        }

        byte nextByte() {
            return data[pos++];
        }
    }
}
