package dev.strongroom.bench;

import dev.strongroom.crypto.shamir.Shamir;
import dev.strongroom.crypto.shamir.ShamirShare;
import dev.strongroom.crypto.slip39.GroupSpec;
import dev.strongroom.crypto.slip39.Slip39;
import dev.strongroom.crypto.slip39.Slip39Share;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secret sharing of a 32-byte key (the size of the team recovery private key) at two levels:
 * SLIP-39 (iteration exponent 0, so PBKDF2 runs 10000 times per split or combine, and dominates)
 * and raw GF(256) Shamir (split, and recover = two interpolations plus the digest).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShamirBenchmark {

    /** threshold-of-count */
    @Param({"3-of-5", "8-of-16"})
    public String scheme;

    private final byte[] secret = new byte[32];
    private int threshold;
    private int count;
    private List<Slip39Share> slip39Shares;
    private List<ShamirShare> rawShares;

    @Setup
    public void setUp() {
        String[] parts = scheme.split("-of-");
        threshold = Integer.parseInt(parts[0]);
        count = Integer.parseInt(parts[1]);
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7 + 1);
        }
        slip39Shares = splitSlip39().subList(0, threshold);
        rawShares = Shamir.split(threshold, count, secret).subList(0, threshold);
    }

    private List<Slip39Share> splitSlip39() {
        return Slip39.split(secret, null, 1, List.of(new GroupSpec(threshold, count)), 0, true)
                .get(0);
    }

    @Benchmark
    public List<Slip39Share> slip39Split() {
        return splitSlip39();
    }

    @Benchmark
    public byte[] slip39Combine() {
        return Slip39.combine(slip39Shares, null);
    }

    @Benchmark
    public List<ShamirShare> shamirSplit() {
        return Shamir.split(threshold, count, secret);
    }

    @Benchmark
    public byte[] shamirRecover() {
        return Shamir.recover(threshold, rawShares);
    }

    @Benchmark
    public byte[] shamirInterpolate() {
        return Shamir.interpolate(rawShares, 255);
    }
}
