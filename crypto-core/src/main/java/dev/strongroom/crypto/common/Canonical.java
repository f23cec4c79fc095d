package dev.strongroom.crypto.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Unambiguous binary encoding of labelled tuples, used for AEAD associated data, HPKE info and
 * signature inputs. Each field is a 4-byte big-endian length followed by its bytes, and the tuple
 * starts with a purpose label, so two different tuples (or the same values for two purposes) never
 * encode to the same bytes.
 */
public final class Canonical {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Canonical(String purpose) {
        add(purpose);
    }

    /** Starts a tuple for one purpose, e.g. {@code "strongroom/v1/item"}. */
    public static Canonical of(String purpose) {
        return new Canonical(purpose);
    }

    public Canonical add(byte[] field) {
        out.writeBytes(Bytes.int32(field.length));
        out.writeBytes(field);
        return this;
    }

    public Canonical add(String field) {
        return add(field.getBytes(StandardCharsets.UTF_8));
    }

    /** A 4-byte big-endian field (versions, counts). */
    public Canonical add(int field) {
        return add(Bytes.int32(field));
    }

    /** An 8-byte big-endian field (revisions, timestamps). */
    public Canonical add(long field) {
        return add(
                new byte[] {
                    (byte) (field >>> 56),
                    (byte) (field >>> 48),
                    (byte) (field >>> 40),
                    (byte) (field >>> 32),
                    (byte) (field >>> 24),
                    (byte) (field >>> 16),
                    (byte) (field >>> 8),
                    (byte) field
                });
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
