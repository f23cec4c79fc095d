package dev.strongroom.bench;

import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seal and open of a 1 KiB item payload through {@link Envelope}, the path every item read and
 * write takes. Includes parsing, header/context AAD assembly and the random nonce.
 *
 * <p>Quick run: {@code java -jar bench/target/benchmarks.jar AeadBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AeadBenchmark {

    @Param({"XCHACHA20_POLY1305", "AES_256_GCM"})
    public AeadAlgorithm algorithm;

    @Param({"1024"})
    public int payloadBytes;

    private SymmetricKey key;
    private byte[] payload;
    private byte[] context;
    private byte[] envelope;

    @Setup(Level.Trial)
    public void setUp() {
        key = SymmetricKey.random(32);
        payload = Randoms.bytes(payloadBytes);
        context =
                Canonical.of("strongroom/v1/item")
                        .add("vault-0001")
                        .add("item-0001")
                        .add(1L)
                        .toBytes();
        envelope = Envelope.seal(algorithm, key, 1, payload, context);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        key.destroy();
    }

    @Benchmark
    public byte[] seal() {
        return Envelope.seal(algorithm, key, 1, payload, context);
    }

    @Benchmark
    public byte[] open() {
        return UnverifiedEnvelope.parse(envelope).open(key, context);
    }
}
