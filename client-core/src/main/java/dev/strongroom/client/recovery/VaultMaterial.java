package dev.strongroom.client.recovery;

import dev.strongroom.model.wire.ItemResponse;
import java.util.List;

/**
 * What opening one vault by recovery takes, all ciphertext: its key version's wrap to the recovery
 * key and its items' current revisions as served (or as an offline kit carries them).
 */
public record VaultMaterial(
        String vaultId, int keyVersion, byte[] recoveryWrap, List<ItemResponse> items) {

    public VaultMaterial {
        recoveryWrap = recoveryWrap.clone();
        items = List.copyOf(items);
    }

    @Override
    public byte[] recoveryWrap() {
        return recoveryWrap.clone();
    }
}
