package dev.strongroom.crypto.srp;

import java.math.BigInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.SRP6GroupParameters;

/** An SRP group: safe prime N, generator g and the hash function H used with them. */
public final class SrpGroup {

    /** RFC 5054 Appendix A 4096-bit group (g = 5) with SHA-256: the product's group. */
    public static final SrpGroup RFC5054_4096_SHA256 =
            new SrpGroup("RFC5054-4096-SHA256", SRP6StandardGroups.rfc5054_4096, SHA256Digest::new);

    /**
     * RFC 5054 Appendix A 1024-bit group with SHA-1. INSECURE (1024-bit prime, SHA-1): exists only
     * so the RFC 5054 Appendix B test vector can run; package-private so no product code can pick
     * it.
     */
    static final SrpGroup INSECURE_RFC5054_1024_SHA1 =
            new SrpGroup("RFC5054-1024-SHA1", SRP6StandardGroups.rfc5054_1024, SHA1Digest::new);

    private final String name;
    private final BigInteger n;
    private final BigInteger g;
    private final int length;
    private final Supplier<Digest> digest;

    private SrpGroup(String name, SRP6GroupParameters parameters, Supplier<Digest> digest) {
        this.name = name;
        this.n = parameters.getN();
        this.g = parameters.getG();
        this.length = (n.bitLength() + 7) / 8;
        this.digest = digest;
    }

    /** Stable name, e.g. {@code "RFC5054-4096-SHA256"}. */
    public String name() {
        return name;
    }

    /** Byte length L of N; every padded value (A, B, v) has this length. */
    public int length() {
        return length;
    }

    /** Output length of H in bytes (M1, M2 and the session key have this length). */
    public int hashLength() {
        return digest.get().getDigestSize();
    }

    BigInteger n() {
        return n;
    }

    BigInteger g() {
        return g;
    }

    /** PAD(value): unsigned big-endian, left-padded with zeros to {@link #length()} bytes. */
    byte[] pad(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > length * 8) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        // toByteArray may carry one leading sign byte; copy only the low-order bytes.
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    byte[] hash(byte[]... parts) {
        Digest d = digest.get();
        for (byte[] part : parts) {
            d.update(part, 0, part.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
