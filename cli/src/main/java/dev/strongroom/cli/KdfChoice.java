package dev.strongroom.cli;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;

/**
 * The Argon2id parameters for a new master password: a base (the product default, or the account's
 * pinned parameters) with any of memory, passes and lanes overridden. The overrides are for tests
 * and benchmarks; crypto-core's floors (m >= 19 MiB, t >= 2) are enforced whatever is asked for,
 * and a refused value is a usage error.
 */
public final class KdfChoice {

    private KdfChoice() {}

    /** True when no override is given. */
    public static boolean none(Integer memoryKib, Integer iterations, Integer parallelism) {
        return memoryKib == null && iterations == null && parallelism == null;
    }

    public static KdfParams choose(
            KdfParams base, Integer memoryKib, Integer iterations, Integer parallelism) {
        if (none(memoryKib, iterations, parallelism)) {
            return base;
        }
        Argon2idParams start = base instanceof Argon2idParams a ? a : Argon2idParams.DEFAULT;
        try {
            return new Argon2idParams(
                    memoryKib != null ? memoryKib : start.memoryKiB(),
                    iterations != null ? iterations : start.iterations(),
                    parallelism != null ? parallelism : start.parallelism());
        } catch (ParameterRejectedException e) {
            // The message names the parameter and its allowed range.
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }
}
