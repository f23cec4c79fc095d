package dev.strongroom.client.cert;

import dev.strongroom.crypto.common.Bytes;

/**
 * One decoded PEM block: its label (e.g. {@code CERTIFICATE}, {@code PRIVATE KEY}) and DER bytes.
 * For key blocks the bytes are secret: {@link #wipe()} when done.
 */
public final class PemBlock {

    private final String label;
    private final byte[] der;

    PemBlock(String label, byte[] der) {
        this.label = label;
        this.der = der;
    }

    public String label() {
        return label;
    }

    /** The DER bytes themselves (not a copy), so callers can wipe them after use. */
    public byte[] der() {
        return der;
    }

    public void wipe() {
        Bytes.wipe(der);
    }

    @Override
    public String toString() {
        return "PemBlock[" + label + ", " + der.length + " bytes]";
    }
}
