package dev.strongroom.bench;

import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.asym.Ed25519KeyPair;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of handing a 32-byte vault key to one recipient with HPKE (what sharing a vault or rotating
 * its key does once per member) and of Ed25519 signing and verifying a membership-log-sized message
 * (what every log entry and item revision costs).
 *
 * <p>Quick run: {@code java -jar bench/target/benchmarks.jar HpkeBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HpkeBenchmark {

    private X25519KeyPair recipient;
    private X25519KeyPair sender;
    private byte[] info;
    private byte[] aad;
    private byte[] vaultKey;
    private HpkeSealed sealedBase;
    private HpkeSealed sealedAuth;

    private Ed25519KeyPair signer;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() {
        recipient = X25519.generate();
        sender = X25519.generate();
        info =
                Canonical.of("strongroom/v1/vault-key")
                        .add("team")
                        .add("vault")
                        .add(1L)
                        .add(recipient.publicKey().bytes())
                        .toBytes();
        aad = new byte[0];
        vaultKey = Randoms.bytes(32);
        sealedBase = Hpke.sealBase(recipient.publicKey(), info, aad, vaultKey);
        sealedAuth = Hpke.sealAuth(recipient.publicKey(), sender.privateKey(), info, aad, vaultKey);

        signer = Ed25519.generate();
        message = Randoms.bytes(256);
        signature = Ed25519.sign(signer.privateKey(), message);
    }

    @TearDown
    public void tearDown() {
        recipient.close();
        sender.close();
        signer.close();
    }

    @Benchmark
    public HpkeSealed sealBase() {
        return Hpke.sealBase(recipient.publicKey(), info, aad, vaultKey);
    }

    @Benchmark
    public byte[] openBase() {
        return Hpke.openBase(recipient.privateKey(), sealedBase, info, aad);
    }

    @Benchmark
    public HpkeSealed sealAuth() {
        return Hpke.sealAuth(recipient.publicKey(), sender.privateKey(), info, aad, vaultKey);
    }

    @Benchmark
    public byte[] openAuth() {
        return Hpke.openAuth(recipient.privateKey(), sender.publicKey(), sealedAuth, info, aad);
    }

    @Benchmark
    public byte[] ed25519Sign() {
        return Ed25519.sign(signer.privateKey(), message);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return Ed25519.isValid(signer.publicKey(), message, signature);
    }
}
