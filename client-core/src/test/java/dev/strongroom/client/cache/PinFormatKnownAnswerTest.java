package dev.strongroom.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import dev.strongroom.model.vault.VaultHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers for what the cache writes to disk: the HMAC input layouts of each pin and the pin
 * file. Expected values were computed independently (Python, hmac + struct) from the layouts
 * documented in {@link PinMacs} and {@link PinStore}; a refactor that changes a byte would
 * invalidate every existing cache and must fail here first.
 */
class PinFormatKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir Path dir;

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static String mac(byte[] data) {
        try (CacheKey key = CacheFixture.key()) {
            return HEX.formatHex(key.mac(data));
        }
    }

    @Test
    void teamPinLayout() {
        TeamPin pin = new TeamPin("team-1", filled(32, 1), 5, filled(32, 2));
        byte[] input = PinMacs.team(CacheFixture.PROFILE, pin);
        assertThat(HEX.formatHex(input))
                .isEqualTo(
                        "0000001c7374726f6e67726f6f6d2f76312f63616368652f7465616d2d70696e"
                                + "000000086163632d376631630000001968747470733a2f2f7661756c742e6578"
                                + "616d706c652e6f7267000000067465616d2d3100000020010101010101010101"
                                + "0101010101010101010101010101010101010101010101000000080000000000"
                                + "0000050000002002020202020202020202020202020202020202020202020202"
                                + "02020202020202");
        assertThat(mac(input))
                .isEqualTo("afa189ad57babfaaffd707776ee9002b29e4269474067ac7bbefa09187f07f76");
    }

    @Test
    void vaultHeadPinLayout() {
        VaultHead head = new VaultHead("team-1", "vault-1", 9, 2, filled(32, 3), 12, "author-1", 4);
        byte[] input =
                PinMacs.vaultHead(CacheFixture.PROFILE, new VaultHeadPin(head, filled(64, 4)));
        assertThat(mac(input))
                .isEqualTo("304573a173c567e0a383ee8e0a56c366cd02f72c8349f4969709de1427181a89");
    }

    @Test
    void kdfPinLayouts() {
        assertThat(
                        mac(
                                PinMacs.kdf(
                                        CacheFixture.PROFILE,
                                        KdfFields.of(new Argon2idParams(65536, 3, 4)))))
                .isEqualTo("18ef153950ae28e3eec5f8b2db04bd5e7ab8d3e728e5ee0755cc132a1b4d086f");
        assertThat(mac(PinMacs.kdf(CacheFixture.PROFILE, KdfFields.of(new Pbkdf2Params(600_000)))))
                .isEqualTo("3103777b36f224f3f74fd0f559defefbbee05b410e06a4b7cc80a6a9dbb717fe");
    }

    @Test
    void metaLayout() {
        assertThat(mac(PinMacs.meta(CacheFixture.PROFILE, 1, 1_700_000_000_000L)))
                .isEqualTo("d8cdd1903447592c70b41943b8428cc563d9dad8d8ac40f9d7790372734d1f69");
    }

    private static final String PIN_FILE =
            "000000227374726f6e67726f6f6d2f76312f63616368652f70696e2d73746f72652d66696c6500000004"
                    + "00000001000000086163632d376631630000001968747470733a2f2f7661756c742e6578616d70"
                    + "6c652e6f7267000000086172676f6e32696400000004000100000000000400000003000000040000"
                    + "00040000000400000002000000067465616d2d61000000200a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a"
                    + "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a000000067465616d2d62000000200b0b0b0b0b0b0b0b0b0b"
                    + "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b68a4b4f7b0fd53d871a6cc5e547475674b6b"
                    + "ad219f05a4ea0aa8fcb11ab422f6";

    @Test
    void pinFileBytes() throws Exception {
        Path file = dir.resolve("cache.db.pins");
        PinStore store =
                new PinStore(
                        CacheFixture.PROFILE,
                        KdfFields.of(new Argon2idParams(65536, 3, 4)),
                        Map.of("team-b", filled(32, 0x0b), "team-a", filled(32, 0x0a)));
        try (CacheKey key = CacheFixture.key()) {
            store.save(file, key);
            assertThat(HEX.formatHex(Files.readAllBytes(file))).isEqualTo(PIN_FILE);
            PinStore loaded = PinStore.load(file, key).orElseThrow();
            assertThat(loaded.profile()).isEqualTo(CacheFixture.PROFILE);
            assertThat(loaded.kdfPin()).contains(new Argon2idParams(65536, 3, 4));
            assertThat(loaded.genesis("team-a"))
                    .hasValueSatisfying(g -> assertThat(g).isEqualTo(filled(32, 0x0a)));
            assertThat(loaded.genesis("team-c")).isEmpty();
        }
        assertThat(PinStore.peekKdfPinUnauthenticated(file))
                .contains(new Argon2idParams(65536, 3, 4));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file); // the temporary file was renamed, not left
        }
    }

    @Test
    void pinFileWithTrailingBytesOrAnotherVersionIsRefused() throws Exception {
        byte[] good = HEX.parseHex(PIN_FILE);
        byte[] body = Arrays.copyOf(good, good.length - 32);
        Path file = dir.resolve("x.pins");
        try (CacheKey key = CacheFixture.key()) {
            // a correctly MACed body with one extra field: parses strictly, so it is refused
            byte[] longer =
                    dev.strongroom.crypto.common.Bytes.concat(body, new byte[] {0, 0, 0, 0});
            Files.write(
                    file,
                    dev.strongroom.crypto.common.Bytes.concat(
                            longer, key.mac(PinMacs.pinStore(longer))));
            assertThatThrownBy(() -> PinStore.load(file, key))
                    .isInstanceOf(CacheTamperedException.class);
            // format 2 (byte 0x2d of the body is the low byte of the format field)
            byte[] v2 = body.clone();
            v2[0x2d] = 2;
            Files.write(
                    file,
                    dev.strongroom.crypto.common.Bytes.concat(v2, key.mac(PinMacs.pinStore(v2))));
            assertThatThrownBy(() -> PinStore.load(file, key))
                    .isInstanceOf(UnsupportedCacheFormatException.class);
        }
        assertThat(PinStore.peekKdfPinUnauthenticated(dir.resolve("missing.pins"))).isEmpty();
    }
}
