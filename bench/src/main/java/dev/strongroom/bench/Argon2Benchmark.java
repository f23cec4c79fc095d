package dev.strongroom.bench;

import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.kdf.Argon2id;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.PasswordKdf;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One master-key derivation with the product default Argon2id parameters (m = 64 MiB, t = 3, p =
 * 4), through the public {@link PasswordKdf} API, on each engine. Each benchmark method runs in its
 * own forked JVM whose {@code strongroom.argon2.engine} property forces the engine; the setup
 * checks that the forced engine is really the one in use.
 *
 * <p>Same inputs as {@code bench/argon2-vs-reference.sh} gives the C reference CLI: password
 * "password", salt "somesalt16bytes!" (16 bytes). Run: {@code java -jar bench/target/benchmarks.jar
 * Argon2Benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Argon2Benchmark {

    private static final char[] PASSWORD = "password".toCharArray();
    private static final byte[] SALT = "somesalt16bytes!".getBytes(StandardCharsets.US_ASCII);

    @Setup
    public void checkEngine() {
        String wanted = System.getProperty("strongroom.argon2.engine", "auto");
        String actual = Argon2id.engineName();
        boolean ok =
                switch (wanted) {
                    case "native" -> actual.equals("native-libargon2");
                    case "java" -> actual.equals("bouncycastle-java");
                    default -> true;
                };
        if (!ok) {
            throw new IllegalStateException("wanted engine " + wanted + " but got " + actual);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dstrongroom.argon2.engine=native")
    public byte[] nativeEngine() {
        return derive();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dstrongroom.argon2.engine=java")
    public byte[] bouncyCastleEngine() {
        return derive();
    }

    /** Returned to JMH so the derivation is not dead code. */
    private static byte[] derive() {
        return PasswordKdf.deriveMasterKey(PASSWORD, SALT, Argon2idParams.DEFAULT);
    }

    /**
     * Without arguments: prints the engine in use and the derived key in hex, so the comparison
     * script can check that we and the C reference compute the same thing before comparing speed.
     *
     * <p>With {@code paired N}: N rounds, each timing one run of the C reference CLI ({@code
     * argon2}, as a process, so including a few ms of process start) and then one in-process
     * derivation, and prints min and median of both. Pairing the runs exposes both to the same
     * machine load, which matters on a shared machine where JMH and a CLI loop run minutes apart.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("paired")) {
            paired(Integer.parseInt(args[1]));
            return;
        }
        byte[] key = derive();
        System.out.println(Argon2id.engineName() + " " + HexFormat.of().formatHex(key));
        Bytes.wipe(key);
    }

    private static void paired(int rounds) throws Exception {
        String expected = HexFormat.of().formatHex(derive());
        for (int i = 0; i < 3; i++) {
            derive(); // warm-up: JIT, page cache, library load
            reference("65536", expected);
        }
        long[] reference = new long[rounds];
        long[] ours = new long[rounds];
        long[] startup = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            reference[i] = reference("65536", expected);
            long start = System.nanoTime();
            derive();
            ours[i] = System.nanoTime() - start;
            // Same CLI at 8 KiB, t=3: almost pure process start-up, to correct the CLI figure.
            startup[i] = reference("8", null);
        }
        Arrays.sort(reference);
        Arrays.sort(ours);
        Arrays.sort(startup);
        double refMin = (reference[0] - startup[0]) / 1e6;
        double refMedian = (reference[rounds / 2] - startup[rounds / 2]) / 1e6;
        double oursMin = ours[0] / 1e6;
        double oursMedian = ours[rounds / 2] / 1e6;
        System.out.printf(
                "paired, %d rounds (CLI minus its process start-up of %.1f ms median):%n"
                        + "  C reference CLI    min %.1f ms, median %.1f ms%n"
                        + "  Strongroom %s min %.1f ms, median %.1f ms%n"
                        + "  difference         min %+.1f%%, median %+.1f%%%n",
                rounds,
                startup[rounds / 2] / 1e6,
                refMin,
                refMedian,
                Argon2id.engineName(),
                oursMin,
                oursMedian,
                (oursMin / refMin - 1) * 100,
                (oursMedian / refMedian - 1) * 100);
    }

    /**
     * One run of the C reference CLI (m = memoryKiB, t = 3, p = 4); returns its wall time in ns
     * after checking its output against {@code expectedHex} (unless null).
     */
    private static long reference(String memoryKiB, String expectedHex) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(
                        "argon2",
                        new String(SALT, StandardCharsets.US_ASCII),
                        "-id",
                        "-t",
                        "3",
                        "-k",
                        memoryKiB,
                        "-p",
                        "4",
                        "-l",
                        "32",
                        "-r");
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(new String(PASSWORD).getBytes(StandardCharsets.US_ASCII));
        }
        String output =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        process.waitFor();
        long elapsed = System.nanoTime() - start;
        if (expectedHex != null && !output.trim().equals(expectedHex)) {
            throw new IllegalStateException("C reference output differs: " + output.trim());
        }
        return elapsed;
    }
}
