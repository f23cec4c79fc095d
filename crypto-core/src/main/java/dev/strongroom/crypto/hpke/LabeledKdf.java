package dev.strongroom.crypto.hpke;

import dev.strongroom.crypto.common.Bytes;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * RFC 9180 section 4 LabeledExtract / LabeledExpand over HKDF-SHA256 for one suite_id. The labels
 * and suite_id bind every derived value to its purpose and to the suite.
 */
final class LabeledKdf {

    /** Nh: output length of HKDF-SHA256 extract. */
    static final int HASH_LENGTH = 32;

    static final short KDF_ID = 0x0001;

    private static final byte[] VERSION_LABEL = ascii("HPKE-v1");

    private final byte[] suiteId;

    LabeledKdf(byte[] suiteId) {
        this.suiteId = suiteId.clone();
    }

    /**
     * {@code Extract(salt, "HPKE-v1" || suite_id || label || ikm)}; an empty salt means Nh zeros.
     */
    byte[] extract(byte[] salt, String label, byte[] ikm) {
        byte[] labeledIkm = Bytes.concat(VERSION_LABEL, suiteId, ascii(label), ikm);
        try {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            return hkdf.extractPRK(salt.length == 0 ? null : salt, labeledIkm);
        } finally {
            Bytes.wipe(labeledIkm);
        }
    }

    /** {@code Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L)}. */
    byte[] expand(byte[] prk, String label, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output length out of range: " + length);
        }
        byte[] labeledInfo =
                Bytes.concat(
                        new byte[] {(byte) (length >>> 8), (byte) length},
                        VERSION_LABEL,
                        suiteId,
                        ascii(label),
                        info);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(prk, labeledInfo));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** I2OSP(value, 2): the big-endian 16-bit encoding of an algorithm identifier. */
    static byte[] i2osp2(short value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
