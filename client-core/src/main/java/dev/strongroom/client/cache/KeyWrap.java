package dev.strongroom.client.cache;

import java.util.Arrays;
import java.util.Objects;

/**
 * One version of a vault key wrapped (HPKE) to this account, stored opaque: only the key hierarchy
 * in crypto-core opens it.
 *
 * @param vaultId the vault
 * @param keyVersion the vault key version, at least 0
 * @param wrap the wrapped key as received
 */
public record KeyWrap(String vaultId, int keyVersion, byte[] wrap) {

    public KeyWrap {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(wrap, "wrap");
        if (keyVersion < 0) {
            throw new IllegalArgumentException("keyVersion must not be negative");
        }
        wrap = wrap.clone();
    }

    @Override
    public byte[] wrap() {
        return wrap.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyWrap other
                && vaultId.equals(other.vaultId)
                && keyVersion == other.keyVersion
                && Arrays.equals(wrap, other.wrap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vaultId, keyVersion, Arrays.hashCode(wrap));
    }

    @Override
    public String toString() {
        return "KeyWrap[" + vaultId + " v" + keyVersion + "]";
    }
}
