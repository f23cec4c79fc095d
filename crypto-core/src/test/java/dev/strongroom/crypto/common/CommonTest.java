package dev.strongroom.crypto.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.CryptoException;
import org.junit.jupiter.api.Test;

class CommonTest {

    private static final class TestSecret extends SecretBytes {
        TestSecret(byte[] bytes) {
            super(bytes);
        }
    }

    @Test
    void canonicalEncodingSeparatesFieldsUnambiguously() {
        byte[] ab = Canonical.of("p").add("ab").add("c").toBytes();
        byte[] a = Canonical.of("p").add("a").add("bc").toBytes();
        assertThat(ab).isNotEqualTo(a);
        assertThat(Canonical.of("p").add("x").toBytes())
                .isNotEqualTo(Canonical.of("q").add("x").toBytes());
        assertThat(Canonical.of("p").add(1L).toBytes())
                .containsExactly(0, 0, 0, 1, 'p', 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void secretIsWipedOnCloseAndNeverPrinted() {
        byte[] raw = {1, 2, 3, 4};
        TestSecret secret = new TestSecret(raw);
        assertThat(secret.toString()).doesNotContain("1, 2").contains("redacted");
        byte[] copy = secret.copyBytes();
        assertThat(copy).containsExactly(1, 2, 3, 4);
        secret.close();
        assertThat(raw).containsOnly(0);
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(secret::copyBytes).isInstanceOf(CryptoException.class);
    }

    @Test
    void constantTimeEquality() {
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[] {1, 2}, new byte[] {1})).isFalse();
        assertThat(ConstantTime.equals(null, new byte[] {1})).isFalse();
    }
}
