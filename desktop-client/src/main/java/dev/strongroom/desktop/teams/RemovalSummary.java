package dev.strongroom.desktop.teams;

import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.team.RemovalReport;
import dev.strongroom.client.vault.ItemSummary;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.desktop.app.OpenAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A removal report in words, built on the worker: vault and item names instead of ids (names come
 * from the item index; no secret is decrypted for this).
 */
record RemovalSummary(
        String who, List<String> rotated, List<String> pending, List<String> exposed) {

    static RemovalSummary of(OpenAccount account, RemovalReport report, String who) {
        VaultService vaults = account.vaults();
        Map<String, String> vaultNames = new HashMap<>();
        for (VaultInfo v : vaults.listVaults()) {
            vaultNames.put(v.vaultId(), v.name());
        }
        List<String> rotated =
                report.rotatedVaults().stream().map(id -> name(vaultNames, id)).toList();
        List<String> pending =
                report.rotationPending().stream().map(id -> name(vaultNames, id)).toList();
        List<String> exposed = new ArrayList<>();
        for (ExposureFinding f : report.exposure()) {
            exposed.add(
                    name(vaultNames, f.vaultId())
                            + " / "
                            + itemName(vaults, f.vaultId(), f.itemId())
                            + " · revisions "
                            + f.revisions()
                            + " · "
                            + status(f));
        }
        return new RemovalSummary(who, rotated, pending, exposed);
    }

    private static String name(Map<String, String> names, String vaultId) {
        return names.getOrDefault(vaultId, vaultId);
    }

    private static String itemName(VaultService vaults, String vaultId, String itemId) {
        for (ItemSummary s : vaults.summaries(vaultId)) {
            if (s.itemId().equals(itemId)) {
                return s.name();
            }
        }
        return itemId;
    }

    private static String status(ExposureFinding f) {
        return switch (f.status()) {
            case MUST_ROTATE -> "change this secret";
            case ROTATED -> "already changed since";
            case DISMISSED -> "dismissed: " + f.reason();
        };
    }
}
