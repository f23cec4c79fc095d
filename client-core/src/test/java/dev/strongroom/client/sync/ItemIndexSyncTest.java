package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.search.SearchHit;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.client.vault.ItemSummary;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.server.StrongroomServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept item index (listing summaries and search) follows every change another device makes,
 * survives a new session through its sealed file without exposing names in it, and is rebuilt from
 * the verified cache when that file is altered.
 */
class ItemIndexSyncTest {

    @TempDir Path dir;

    private static ItemContent named(ItemType type, String name) {
        ItemContent c = ItemSamples.item(type);
        return c.toBuilder().name(name).modified(c.modified().plusSeconds(1)).build();
    }

    private static List<String> names(VaultService vs, String vaultId) {
        return vs.summaries(vaultId).stream().map(ItemSummary::name).sorted().toList();
    }

    private static List<String> hits(VaultService vs, String query) {
        return vs.search(query, 10).stream().map(SearchHit::document).map(d -> d.name()).toList();
    }

    @Test
    void followsOtherDevicesAndSurvivesANewSessionThroughItsSealedFile() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            var endpoint = TestServers.endpoint(server);
            String email = SyncFixture.register(endpoint);
            try (Device a = new Device(endpoint, email, dir.resolve("a"));
                    Device b = new Device(endpoint, email, dir.resolve("b"))) {
                VaultInfo v = a.vaults.createPersonalVault("Personal");
                String first = a.vaults.add(v.vaultId(), named(ItemType.LOGIN, "zebra portal"));
                a.vaults.add(v.vaultId(), named(ItemType.API_KEY, "walrus api"));
                a.vaults.add(v.vaultId(), named(ItemType.SECURE_NOTE, "okapi note"));
                assertThat(names(a.vaults, v.vaultId()))
                        .containsExactly("okapi note", "walrus api", "zebra portal");
                assertThat(hits(a.vaults, "zebra")).containsExactly("zebra portal");

                b.vaults.sync();
                b.vaults.edit(v.vaultId(), first, named(ItemType.LOGIN, "giraffe portal"));
                a.vaults.sync();
                assertThat(hits(a.vaults, "zebra")).isEmpty();
                assertThat(hits(a.vaults, "giraffe")).containsExactly("giraffe portal");
                assertThat(a.vaults.summaries(v.vaultId()))
                        .filteredOn(s -> s.itemId().equals(first))
                        .singleElement()
                        .satisfies(s -> assertThat(s.revision()).isEqualTo(2));

                a.vaults.delete(v.vaultId(), first);
                assertThat(names(a.vaults, v.vaultId()))
                        .containsExactly("okapi note", "walrus api");

                // visiting a chunk at a time yields what the full listing holds
                List<String> visited = new java.util.ArrayList<>();
                a.vaults.forEachLive(v.vaultId(), view -> visited.add(view.content().name()));
                List<String> listed = new java.util.ArrayList<>();
                for (var view : a.vaults.list(v.vaultId())) {
                    listed.add(view.content().name());
                    view.close();
                }
                assertThat(visited).containsExactlyInAnyOrderElementsOf(listed).hasSize(2);

                // released from memory (a front end copied it), then reloaded on the next use,
                // with a change made meanwhile
                a.vaults.releaseIndex();
                a.vaults.add(v.vaultId(), named(ItemType.SECURE_NOTE, "quokka note"));
                assertThat(names(a.vaults, v.vaultId()))
                        .containsExactly("okapi note", "quokka note", "walrus api");
                assertThat(hits(a.vaults, "quokka")).containsExactly("quokka note");
                a.vaults.releaseIndex();
                assertThat(hits(a.vaults, "walrus")).containsExactly("walrus api");
                a.vaults.close();

                Path file = a.file.resolveSibling(a.file.getFileName() + ".index");
                assertThat(file).exists();
                String sealed = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(sealed).doesNotContain("walrus").doesNotContain("okapi");

                try (VaultService next = new VaultService(a.engine)) {
                    assertThat(names(next, v.vaultId()))
                            .containsExactly("okapi note", "quokka note", "walrus api");
                    assertThat(hits(next, "walrus")).containsExactly("walrus api");
                }

                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 2] ^= 1;
                Files.write(file, bytes);
                try (VaultService rebuilt = new VaultService(a.engine)) {
                    assertThat(hits(rebuilt, "okapi")).containsExactly("okapi note");
                    assertThat(names(rebuilt, v.vaultId()))
                            .containsExactly("okapi note", "quokka note", "walrus api");
                }
            }
        }
    }
}
