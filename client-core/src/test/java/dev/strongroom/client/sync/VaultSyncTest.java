package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.client.vault.ItemConflict;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vaults and items end to end: a real server in this JVM, real SQLite caches, two devices. */
class VaultSyncTest {

    @TempDir Path dir;

    private static ItemContent renamed(ItemContent c, String name) {
        return c.toBuilder().name(name).modified(c.modified().plusSeconds(1)).build();
    }

    @Test
    void everyTypeAddEditHistoryRestoreMoveDeleteAndASecondDeviceConverges() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            var endpoint = TestServers.endpoint(server);
            String email = SyncFixture.register(endpoint);
            try (Device a = new Device(endpoint, email, dir.resolve("a"));
                    Device b = new Device(endpoint, email, dir.resolve("b"))) {
                VaultInfo personal = a.vaults.createPersonalVault("Personal");
                VaultInfo work = a.vaults.createVault(personal.teamId(), "Work");
                assertThat(a.vaults.listVaults())
                        .extracting(VaultInfo::name)
                        .containsExactly("Personal", "Work");
                Map<ItemType, String> ids = new HashMap<>();
                for (ItemType t : ItemType.values()) {
                    ids.put(t, a.vaults.add(personal.vaultId(), ItemSamples.item(t)));
                }
                assertThat(a.vaults.list(personal.vaultId())).hasSize(ItemType.values().length);
                String login = ids.get(ItemType.LOGIN);
                try (ItemView v = a.vaults.get(personal.vaultId(), login).orElseThrow()) {
                    a.vaults.edit(personal.vaultId(), login, renamed(v.content(), "edited"));
                }
                List<ItemView> history = a.vaults.history(personal.vaultId(), login);
                assertThat(history).extracting(ItemView::revision).containsExactly(1L, 2L);
                assertThat(history.get(1).content().name()).isEqualTo("edited");
                a.vaults.restore(personal.vaultId(), login, 1);
                try (ItemView v = a.vaults.get(personal.vaultId(), login).orElseThrow()) {
                    assertThat(v.revision()).isEqualTo(3);
                    assertThat(v.content().name())
                            .isEqualTo(ItemSamples.item(ItemType.LOGIN).name());
                }
                String moved =
                        a.vaults.move(
                                personal.vaultId(), ids.get(ItemType.SSH_KEY), work.vaultId());
                a.vaults.delete(personal.vaultId(), ids.get(ItemType.SECURE_NOTE));
                a.vaults.rename(work.vaultId(), "Work (renamed)");
                assertThat(a.vaults.list(personal.vaultId())).hasSize(ItemType.values().length - 2);

                b.vaults.sync();
                assertThat(b.vaults.listVaults())
                        .extracting(VaultInfo::name)
                        .containsExactly("Personal", "Work (renamed)");
                assertThat(b.vaults.list(personal.vaultId()))
                        .extracting(ItemView::itemId)
                        .containsExactlyElementsOf(
                                a.vaults.list(personal.vaultId()).stream()
                                        .map(ItemView::itemId)
                                        .toList());
                assertThat(b.vaults.list(work.vaultId()))
                        .extracting(ItemView::itemId)
                        .containsExactly(moved);
                assertThat(b.vaults.search("edited", 10)).isEmpty();
                assertThat(b.vaults.search(ItemSamples.item(ItemType.LOGIN).name(), 10))
                        .isNotEmpty();
                assertThat(b.vaults.rotationReport(java.time.Clock.systemUTC(), 36500)).isNotNull();
                // b edits, a converges
                try (ItemView v = b.vaults.get(personal.vaultId(), login).orElseThrow()) {
                    b.vaults.edit(personal.vaultId(), login, renamed(v.content(), "from b"));
                }
                a.vaults.sync();
                try (ItemView v = a.vaults.get(personal.vaultId(), login).orElseThrow()) {
                    assertThat(v.content().name()).isEqualTo("from b");
                    assertThat(v.revision()).isEqualTo(4);
                }
            }
        }
    }

    @Test
    void offlineReadsAndEditsThenPushAndAConflictKeepsBothVersions() {
        Path data = dir.resolve("server");
        StrongroomServer server = TestServers.start(data);
        int port = server.port();
        var endpoint = TestServers.endpoint(server);
        String email = SyncFixture.register(endpoint);
        try (Device a = new Device(endpoint, email, dir.resolve("a"));
                Device b = new Device(endpoint, email, dir.resolve("b"))) {
            VaultInfo v = a.vaults.createPersonalVault("Personal");
            String id = a.vaults.add(v.vaultId(), ItemSamples.item(ItemType.API_KEY));
            b.vaults.sync();

            server.close(); // offline
            try (ItemView read = a.vaults.get(v.vaultId(), id).orElseThrow()) {
                a.vaults.edit(v.vaultId(), id, renamed(read.content(), "offline edit"));
            }
            try (ItemView read = a.vaults.get(v.vaultId(), id).orElseThrow()) {
                assertThat(read.pending()).isTrue();
                assertThat(read.content().name()).isEqualTo("offline edit");
            }
            assertThat(a.cache.outbox()).hasSize(1);

            server = StrongroomServer.start(ServerConfig.defaults(data).withPort(port));
            a.vaults.sync();
            assertThat(a.cache.outbox()).isEmpty();
            b.vaults.sync();
            try (ItemView read = b.vaults.get(v.vaultId(), id).orElseThrow()) {
                assertThat(read.content().name()).isEqualTo("offline edit");
                assertThat(read.revision()).isEqualTo(2);
            }

            // both edit revision 2; a is offline meanwhile
            server.close();
            try (ItemView read = a.vaults.get(v.vaultId(), id).orElseThrow()) {
                a.vaults.edit(v.vaultId(), id, renamed(read.content(), "mine"));
            }
            server = StrongroomServer.start(ServerConfig.defaults(data).withPort(port));
            try (ItemView read = b.vaults.get(v.vaultId(), id).orElseThrow()) {
                b.vaults.edit(v.vaultId(), id, renamed(read.content(), "theirs"));
            }
            var pushed = a.vaults.sync();
            assertThat(pushed.conflicts()).isEqualTo(1);
            List<ItemConflict> conflicts = a.vaults.conflicts();
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.get(0).mine().name()).isEqualTo("mine");
            assertThat(conflicts.get(0).theirs().name()).isEqualTo("theirs");
            a.vaults.keepMine(conflicts.get(0).conflictId());
            assertThat(a.vaults.conflicts()).isEmpty();
            b.vaults.sync();
            try (ItemView read = b.vaults.get(v.vaultId(), id).orElseThrow()) {
                assertThat(read.content().name()).isEqualTo("mine");
                assertThat(read.revision()).isEqualTo(4);
            }
            assertThat(b.vaults.history(v.vaultId(), id))
                    .extracting(h -> h.content().name())
                    .contains("theirs");
        } finally {
            server.close();
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
