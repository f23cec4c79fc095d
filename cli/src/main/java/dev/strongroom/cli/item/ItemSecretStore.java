package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.VaultCall;
import dev.strongroom.client.item.ItemContent;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Stores a secret made elsewhere in the CLI (by {@code generate --store}) into one field of an
 * item, as a new revision: the same read, change, check-and-set path as {@code item edit}.
 */
public final class ItemSecretStore {

    private ItemSecretStore() {}

    /**
     * Sets {@code field} of {@code item} (the type's main secret when null) to {@code secret}.
     * Returns the agent's reply ({@code item} summary). The caller wipes {@code secret}.
     */
    public static ObjectNode store(
            CommandSpec spec, String item, String vault, String field, char[] secret) {
        ObjectNode current =
                VaultCall.of(spec)
                        .arg("item", item)
                        .arg("vault", vault)
                        .arg("content", true)
                        .silent()
                        .call("item.get");
        try (ItemContent before = ItemTransfer.received(current);
                ItemContent after =
                        ItemBuilder.withField(
                                before,
                                field != null ? field : ItemSources.mainSecret(before.type()),
                                secret)) {
            return ItemTransfer.send(
                    VaultCall.of(spec)
                            .arg("vault", current.path("item").path("vaultId").asText())
                            .arg("item", current.path("item").path("id").asText())
                            .arg("baseRevision", current.path("item").path("revision").asLong()),
                    "item.edit",
                    after);
        }
    }
}
