package dev.strongroom.crypto.kdf;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import dev.strongroom.crypto.api.CryptoException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The reference C implementation (libargon2, bundled in argon2-jvm and called through JNA). Runs
 * the lanes on {@code parallelism} threads, so at p = 4 it is several times faster than the
 * pure-Java engine.
 *
 * <p>argon2-jvm copies password, salt, secret and associated data into native buffers and zeroes
 * them after the call; libargon2 zeroes its working memory. The 32-byte output buffer is read back
 * and then released by JNA without being zeroed (argon2-jvm offers no hook for that; fixing it
 * would need JNA on crypto-core's compile classpath).
 */
final class NativeArgon2Engine implements Argon2Engine {

    static final String NAME = "native-libargon2";

    private final Map<Argon2Type, Argon2Advanced> bindings = new EnumMap<>(Argon2Type.class);

    /**
     * Creates the bindings. Does not by itself prove that the native library loads: JNA loads it on
     * the first call, so {@link Argon2Engines} runs a self-test hash before trusting this.
     */
    NativeArgon2Engine() {
        for (Argon2Type type : Argon2Type.values()) {
            bindings.put(type, Argon2Factory.createAdvanced(type.nativeType));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }

    @Override
    public byte[] hash(
            InsecureArgon2Costs costs,
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] associatedData) {
        try {
            return bindings.get(costs.type())
                    .rawHashAdvanced(
                            costs.iterations(),
                            costs.memoryKiB(),
                            costs.parallelism(),
                            password,
                            salt,
                            // argon2-jvm cannot allocate zero-length native buffers: absent = null.
                            emptyToNull(secret),
                            emptyToNull(associatedData),
                            costs.tagLength(),
                            Argon2Version.V13);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // libargon2 error codes (e.g. memory allocation failure); no input is in the message.
            throw new CryptoException("native Argon2 failed: " + e.getMessage(), e);
        }
    }

    private static byte[] emptyToNull(byte[] data) {
        return data == null || data.length == 0 ? null : data;
    }
}
