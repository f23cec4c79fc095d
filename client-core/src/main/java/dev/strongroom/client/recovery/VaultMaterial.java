package dev.strongroom.client.recovery;

import dev.strongroom.model.wire.ItemResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What opening one vault by recovery takes, all ciphertext: its key versions' wraps to the recovery
 * key (the current one, {@code keyVersion}, and any older one its items still use) and its items'
 * current revisions as served (or as an offline kit carries them).
 */
public record VaultMaterial(
        String vaultId, int keyVersion, Map<Integer, byte[]> wraps, List<ItemResponse> items) {

    public VaultMaterial {
        Map<Integer, byte[]> copy = new TreeMap<>();
        wraps.forEach((v, w) -> copy.put(v, w.clone()));
        wraps = copy;
        items = List.copyOf(items);
    }

    /** Material with the current key version's wrap only. */
    public VaultMaterial(
            String vaultId, int keyVersion, byte[] recoveryWrap, List<ItemResponse> items) {
        this(vaultId, keyVersion, Map.of(keyVersion, recoveryWrap), items);
    }

    @Override
    public Map<Integer, byte[]> wraps() {
        Map<Integer, byte[]> copy = new TreeMap<>();
        wraps.forEach((v, w) -> copy.put(v, w.clone()));
        return copy;
    }

    /** The wrap of key {@code version}, or null when the material has none. */
    public byte[] wrap(int version) {
        byte[] w = wraps.get(version);
        return w == null ? null : w.clone();
    }

    /** The current key version's wrap. */
    public byte[] recoveryWrap() {
        byte[] w = wrap(keyVersion);
        if (w == null) {
            throw new RecoveryException("no current key of vault " + vaultId + " was released");
        }
        return w;
    }
}
