package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opening a vault by recovery in two halves: the key-free checks of every item (author signatures,
 * the signed head) while the last approval or the delay is awaited, and at the release only the
 * changes since, the head again and the opening with the released keys. The Ed25519 checks are most
 * of the work of opening a large vault, so the vault opens within a second of the last approval
 * (bench/RESULTS.md, "Recovery"); nothing is trusted that was not checked as {@link
 * ScopeOpener#openServed} checks it.
 */
public final class ScopeReadAhead {

    private ScopeReadAhead() {}

    /**
     * Checks a scope's vault as served ahead of the release.
     *
     * @param cursor where the server's pages stopped (the release reads on from it)
     * @throws RecoveryException if the scope does not cover the vault, an item does not verify or
     *     the items are not exactly those the signed head lists
     */
    public static PrefetchedVault check(
            RecoveryLog log,
            RecoveryScope scope,
            String vaultId,
            List<ItemResponse> items,
            VaultHeadResponse head,
            long cursor) {
        ScopeOpener.requireCovered(log, scope, vaultId);
        Map<String, ItemPass.Checked> checked = ItemPass.check(log, vaultId, items, true);
        Optional<VaultHeadPin> pin =
                ScopeOpener.requireHead(log, vaultId, head, checked, Optional.empty());
        return new PrefetchedVault(vaultId, cursor, checked, pin);
    }

    /**
     * Opens a vault checked ahead, at its release: the items served since (in {@code since}, with
     * the released wraps) are checked and take the place of their earlier revisions, and the whole
     * must be exactly what the current signed {@code head} lists, a head not older than the one
     * seen ahead.
     *
     * @throws RecoveryException if an item changed since does not verify or is older than the
     *     revision read ahead, the head does not match or went back, or a wrap or item does not
     *     open
     */
    public static OpenedVault open(
            RecoveryLog log,
            RecoveryKey key,
            RecoveryScope scope,
            PrefetchedVault ahead,
            VaultMaterial since,
            VaultHeadResponse head) {
        if (!ahead.vaultId().equals(since.vaultId())) {
            throw new RecoveryException("the released vault is not the one read ahead");
        }
        ScopeOpener.requireCovered(log, scope, since.vaultId());
        Map<String, ItemPass.Checked> merged = new LinkedHashMap<>(ahead.items());
        for (var e : ItemPass.check(log, since.vaultId(), since.items(), true).entrySet()) {
            ItemPass.Checked before = merged.get(e.getKey());
            if (before != null
                    && e.getValue().response().revision() < before.response().revision()) {
                throw new RecoveryException(
                        "an item of vault "
                                + since.vaultId()
                                + " was served at an older revision than the one read ahead");
            }
            merged.put(e.getKey(), e.getValue());
        }
        ScopeOpener.requireHead(log, since.vaultId(), head, merged, ahead.head());
        return ScopeOpener.openChecked(log, key, since, merged);
    }
}
