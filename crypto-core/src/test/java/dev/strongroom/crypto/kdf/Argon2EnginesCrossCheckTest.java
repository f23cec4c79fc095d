package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The native and the Bouncy Castle engine must agree bit for bit on any input, not only on the
 * published vectors: a difference would lock users out when a client falls back to pure Java.
 */
class Argon2EnginesCrossCheckTest {

    private static final Argon2Engine NATIVE = Argon2Engines.loadNative();
    private static final Argon2Engine JAVA = new BouncyCastleArgon2Engine();

    @Property(tries = 150)
    void enginesAgree(
            @ForAll Argon2Type type,
            @ForAll @Size(min = 1, max = 80) byte[] password,
            @ForAll @Size(min = 8, max = 40) byte[] salt,
            @ForAll @Size(max = 32) byte[] secret,
            @ForAll @Size(max = 32) byte[] associatedData,
            @ForAll @IntRange(min = 1, max = 5) int parallelism,
            @ForAll @IntRange(min = 0, max = 200) int extraMemoryKiB,
            @ForAll @IntRange(min = 1, max = 3) int iterations,
            @ForAll @IntRange(min = 4, max = 100) int tagLength) {
        InsecureArgon2Costs costs =
                new InsecureArgon2Costs(
                        type, 8 * parallelism + extraMemoryKiB, iterations, parallelism, tagLength);
        byte[] fromNative = NATIVE.hash(costs, password, salt, secret, associatedData);
        byte[] fromJava = JAVA.hash(costs, password, salt, secret, associatedData);
        assertThat(fromNative).as(costs.toString()).isEqualTo(fromJava).hasSize(tagLength);
    }
}
