package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.api.ParameterRejectedException;

/**
 * Argon2id (RFC 9106, version 0x13) cost parameters.
 *
 * <p>The constructor refuses values below the floor whatever their source, so a server that offers
 * weaker parameters (downgrade attack) is refused with {@link ParameterRejectedException}. It also
 * refuses values above a ceiling, so that a malicious parameter set cannot make a client allocate
 * more than 1 GiB or run for minutes.
 *
 * <table>
 *   <caption>Allowed ranges</caption>
 *   <tr><th>parameter</th><th>floor</th><th>ceiling</th></tr>
 *   <tr><td>memoryKiB</td><td>19456 (19 MiB)</td><td>1048576 (1 GiB)</td></tr>
 *   <tr><td>iterations</td><td>2</td><td>64</td></tr>
 *   <tr><td>parallelism</td><td>1</td><td>16</td></tr>
 * </table>
 *
 * <p>In addition memoryKiB must be at least 8 × parallelism (an Argon2 requirement; with the floors
 * above it always holds, it is checked so the record stays correct if floors change).
 *
 * @param memoryKiB memory cost m in KiB
 * @param iterations number of passes t
 * @param parallelism number of lanes p (the native engine also uses p threads)
 */
public record Argon2idParams(int memoryKiB, int iterations, int parallelism) implements KdfParams {

    public static final int MIN_MEMORY_KIB = 19456;
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MIN_ITERATIONS = 2;
    public static final int MAX_ITERATIONS = 64;
    public static final int MIN_PARALLELISM = 1;
    public static final int MAX_PARALLELISM = 16;

    /** m = 64 MiB, t = 3, p = 4: the product default (DESIGN.md, key hierarchy). */
    public static final Argon2idParams DEFAULT = new Argon2idParams(65536, 3, 4);

    public Argon2idParams {
        requireRange("memoryKiB", memoryKiB, MIN_MEMORY_KIB, MAX_MEMORY_KIB);
        requireRange("iterations", iterations, MIN_ITERATIONS, MAX_ITERATIONS);
        requireRange("parallelism", parallelism, MIN_PARALLELISM, MAX_PARALLELISM);
        if (memoryKiB < 8L * parallelism) {
            throw new ParameterRejectedException(
                    "Argon2id memoryKiB "
                            + memoryKiB
                            + " is below 8 x parallelism ("
                            + 8L * parallelism
                            + "); allowed range is ["
                            + 8L * parallelism
                            + ", "
                            + MAX_MEMORY_KIB
                            + "]");
        }
    }

    static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterRejectedException(
                    "Argon2id "
                            + name
                            + " "
                            + value
                            + " is outside the allowed range ["
                            + min
                            + ", "
                            + max
                            + "]");
        }
    }
}
