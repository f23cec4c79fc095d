package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both Argon2 engines against RFC 9106 section 5 and the reference implementation's KATs. The
 * vectors use tiny costs (32 KiB), so they go through {@link InsecureArgon2Costs} and the engines
 * directly, never through the product floors.
 */
class Argon2VectorsTest {

    /** Run the 1 GiB reference case too: {@code -Dstrongroom.test.largeMemory=true}. */
    private static final boolean LARGE_MEMORY = Boolean.getBoolean("strongroom.test.largeMemory");

    static Stream<Argon2Engine> engines() {
        return Stream.of(Argon2Engines.loadNative(), new BouncyCastleArgon2Engine());
    }

    @Test
    void nativeEngineLoadsOnThisPlatform() {
        assertThat(Argon2Engines.loadNative().name()).isEqualTo(NativeArgon2Engine.NAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void rfc9106Section5(Argon2Engine engine) {
        JsonNode tests = Vectors.json("argon2/argon2_rfc9106_section5.json").get("tests");
        Failures failures = new Failures("RFC 9106 section 5 on " + engine.name());
        for (JsonNode t : tests) {
            InsecureArgon2Costs costs =
                    new InsecureArgon2Costs(
                            Argon2Type.parse(t.get("type").asText()),
                            t.get("memoryKiB").asInt(),
                            t.get("iterations").asInt(),
                            t.get("parallelism").asInt(),
                            t.get("tagLength").asInt());
            assertThat(t.get("version").asInt()).isEqualTo(0x13);
            byte[] tag =
                    engine.hash(
                            costs,
                            Vectors.hex(t.get("password")),
                            Vectors.hex(t.get("salt")),
                            Vectors.hex(t.get("secret")),
                            Vectors.hex(t.get("associatedData")));
            String expected = t.get("tag").asText();
            failures.check(
                    HexFormat.of().formatHex(tag).equals(expected),
                    "tcId " + t.get("tcId") + " " + costs.type(),
                    "got " + HexFormat.of().formatHex(tag));
        }
        failures.assertAllPassed(3);
    }

    /** Parses the verbatim reference KAT trace (header lines and the final Tag line). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void referenceKatArgon2id(Argon2Engine engine) {
        String kat = new String(Vectors.text("argon2/kats/argon2id"), StandardCharsets.US_ASCII);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : kat.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("Block") && !line.startsWith(" ")) {
                fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1));
            }
        }
        assertThat(kat)
                .startsWith("=======================================\nArgon2id version number 19");
        assertThat(fields.get("Memory"))
                .isEqualTo(" 32 KiB, Iterations: 3, Parallelism: 4 lanes, Tag length: 32 bytes");
        InsecureArgon2Costs costs = new InsecureArgon2Costs(Argon2Type.ARGON2ID, 32, 3, 4, 32);
        byte[] tag =
                engine.hash(
                        costs,
                        spacedHex(fields.get("Password[32]")),
                        spacedHex(fields.get("Salt[16]")),
                        spacedHex(fields.get("Secret[8]")),
                        spacedHex(fields.get("Associated data[12]")));
        Failures failures = new Failures("kats/argon2id on " + engine.name());
        failures.check(
                HexFormat.of()
                        .formatHex(tag)
                        .equals(HexFormat.of().formatHex(spacedHex(fields.get("Tag")))),
                "kats/argon2id",
                "got " + HexFormat.of().formatHex(tag));
        failures.assertAllPassed(1);
    }

    /**
     * The v=19 hashtest() cases of the reference src/test.c (Argon2i and Argon2id, no secret or
     * AD). Skipped unless {@code -Dstrongroom.test.largeMemory=true}, to keep the suite fast on a
     * shared 2-core machine: the 1 GiB case on both engines (about 4.5 s native, 10 s and a 1 GiB
     * heap in Java), and the two 256 MiB cases on the single-threaded Java engine only (they run on
     * the native engine; the random cross-check test covers engine agreement). The four {@code
     * invalidEncodings} cases test PHC-string parsing in argon2_verify, which Strongroom does not
     * have (it stores raw parameters, never PHC strings): not applicable.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void referenceHashtest(Argon2Engine engine) {
        JsonNode file = Vectors.json("argon2/argon2_reference_hashtest.json");
        Failures failures = new Failures("reference hashtest on " + engine.name());
        int skipped = 0;
        for (JsonNode t : file.get("tests")) {
            boolean heavy =
                    t.get("largeMemory").asBoolean()
                            || (t.get("memoryKiB").asInt() > 65536
                                    && engine instanceof BouncyCastleArgon2Engine);
            if (heavy && !LARGE_MEMORY) {
                skipped++;
                continue;
            }
            InsecureArgon2Costs costs =
                    new InsecureArgon2Costs(
                            Argon2Type.parse(t.get("type").asText()),
                            t.get("memoryKiB").asInt(),
                            t.get("iterations").asInt(),
                            t.get("parallelism").asInt(),
                            t.get("tagLength").asInt());
            byte[] tag =
                    engine.hash(
                            costs,
                            t.get("password").asText().getBytes(StandardCharsets.US_ASCII),
                            t.get("salt").asText().getBytes(StandardCharsets.US_ASCII),
                            null,
                            null);
            failures.check(
                    HexFormat.of().formatHex(tag).equals(t.get("hash").asText()),
                    "tcId " + t.get("tcId"),
                    "got " + HexFormat.of().formatHex(tag));
        }
        assertThat(file.get("tests")).hasSize(18);
        assertThat(file.get("invalidEncodings")).hasSize(4);
        int expectedSkips = LARGE_MEMORY ? 0 : engine instanceof NativeArgon2Engine ? 1 : 3;
        assertThat(skipped).isEqualTo(expectedSkips);
        failures.assertAllPassed(18 - expectedSkips);
    }

    private static byte[] spacedHex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", "").trim());
    }
}
