package dev.strongroom.client.totp;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** The HMAC hash functions RFC 6238 allows. SHA1 is the otpauth default. */
public enum TotpAlgorithm {
    SHA1,
    SHA256,
    SHA512;

    Digest newDigest() {
        switch (this) {
            case SHA1:
                return new SHA1Digest();
            case SHA256:
                return new SHA256Digest();
            default:
                return new SHA512Digest();
        }
    }

    /** The otpauth {@code algorithm} parameter value (case-insensitive); unknown names rejected. */
    public static TotpAlgorithm fromUriName(String name) {
        for (TotpAlgorithm algorithm : values()) {
            if (algorithm.name().equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        throw new TotpException("unsupported TOTP algorithm: must be SHA1, SHA256 or SHA512");
    }
}
