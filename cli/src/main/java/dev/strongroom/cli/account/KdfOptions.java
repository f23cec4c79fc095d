package dev.strongroom.cli.account;

import dev.strongroom.cli.KdfChoice;
import dev.strongroom.crypto.kdf.KdfParams;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Hidden Argon2id overrides for {@code register} and {@code passwd}, meant for tests and benchmarks
 * (cheap parameters make a KDF run take milliseconds). The floors m >= 19456 KiB and t >= 2 are
 * enforced whatever is asked for.
 */
public final class KdfOptions {

    @Option(names = "--kdf-memory", hidden = true, paramLabel = "KIB")
    Integer memoryKib;

    @Option(names = "--kdf-iterations", hidden = true, paramLabel = "T")
    Integer iterations;

    @Option(names = "--kdf-parallelism", hidden = true, paramLabel = "P")
    Integer parallelism;

    KdfParams resolve(KdfParams base) {
        return KdfChoice.choose(base, memoryKib, iterations, parallelism);
    }

    /** The overrides as agent request args (only those given). */
    Map<String, String> asArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        if (memoryKib != null) {
            args.put("kdfMemory", memoryKib.toString());
        }
        if (iterations != null) {
            args.put("kdfIterations", iterations.toString());
        }
        if (parallelism != null) {
            args.put("kdfParallelism", parallelism.toString());
        }
        return args;
    }
}
