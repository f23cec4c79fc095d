package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.TamperingProxy;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy between a device and the real server rewrites sync responses; every attack must raise the
 * right security alert and leave the cache file byte for byte as it was.
 */
class TamperingSyncTest {

    @TempDir Path dir;

    private static void refused(Device d, SecurityAlertCode code) throws Exception {
        byte[] before = d.fingerprint();
        SecurityAlert alert = catchThrowableOfType(d.engine::pull, SecurityAlert.class);
        assertThat(alert).as("expected " + code).isNotNull();
        assertThat(alert.code()).isEqualTo(code);
        assertThat(d.fingerprint()).isEqualTo(before);
    }

    private static void flipFirst(ObjectNode item, String field) {
        byte[] b = Base64Url.decode(item.get(field).asText());
        b[b.length / 2] ^= 1;
        item.put(field, Base64Url.encode(b));
    }

    private static void edit(Device d, String vault, String id, String name) {
        try (ItemView v = d.vaults.get(vault, id).orElseThrow()) {
            ItemContent c = v.content();
            d.vaults.edit(
                    vault,
                    id,
                    c.toBuilder().name(name).modified(c.modified().plusSeconds(1)).build());
        }
    }

    @Test
    void everyRewriteIsRefusedAndTheCacheIsUnchanged() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                TamperingProxy proxy = TamperingProxy.forwardingTo(TestServers.endpoint(server))) {
            var direct = TestServers.endpoint(server);
            String email = SyncFixture.register(direct);
            try (Device a = new Device(direct, email, dir.resolve("a"));
                    Device b = new Device(proxy.endpoint(), email, dir.resolve("b"))) {
                VaultInfo v = a.vaults.createPersonalVault("Personal");
                String x = a.vaults.add(v.vaultId(), ItemSamples.item(ItemType.LOGIN));
                a.vaults.add(v.vaultId(), ItemSamples.item(ItemType.API_KEY));
                String changes = "/api/v1/vaults/" + v.vaultId() + "/changes";
                String log = "/api/v1/teams/" + v.teamId() + "/log";

                // b's first sync, recording the head and x at revision 1
                AtomicReference<JsonNode> oldHead = new AtomicReference<>();
                AtomicReference<JsonNode> oldX = new AtomicReference<>();
                proxy.on(
                        "GET",
                        changes,
                        (body, up) -> {
                            TamperingProxy.Reply r = up.get();
                            ObjectNode t = r.tree();
                            if (t.hasNonNull("head")) {
                                oldHead.compareAndSet(null, t.get("head").deepCopy());
                            }
                            for (JsonNode i : t.get("items")) {
                                if (i.get("itemId").asText().equals(x)) {
                                    oldX.compareAndSet(null, i.deepCopy());
                                }
                            }
                            return r;
                        });
                b.engine.pull();
                proxy.clearRules();
                edit(a, v.vaultId(), x, "r2");
                b.engine.pull(); // pins the newer head and x at r2
                edit(a, v.vaultId(), x, "r3");

                // 1. a flipped byte in an item blob
                rewrite(
                        proxy,
                        changes,
                        t -> flipFirst((ObjectNode) t.get("items").get(0), "content"));
                refused(b, SecurityAlertCode.BAD_SIGNATURE);
                // 2. a stale vault head
                rewrite(proxy, changes, t -> t.set("head", oldHead.get()));
                refused(b, SecurityAlertCode.HEAD_ROLLBACK);
                // 3. an older revision replayed
                rewrite(
                        proxy,
                        changes,
                        t -> ((ArrayNode) t.get("items")).removeAll().add(oldX.get()));
                refused(b, SecurityAlertCode.HEAD_ROLLBACK);
                // 4. an item dropped (a fresh device syncing from scratch)
                try (Device c = new Device(proxy.endpoint(), email, dir.resolve("c"))) {
                    rewrite(proxy, changes, t -> ((ArrayNode) t.get("items")).remove(0));
                    refused(c, SecurityAlertCode.ITEM_TAMPERING);
                }
                // 5. log entries reordered, then forged
                a.vaults.createVault(v.teamId(), "Two");
                a.vaults.createVault(v.teamId(), "Three");
                rewrite(
                        proxy,
                        log,
                        t -> {
                            List<JsonNode> es = new ArrayList<>();
                            t.get("entries").forEach(es::add);
                            ArrayNode arr = ((ArrayNode) t.get("entries")).removeAll();
                            for (int i = es.size() - 1; i >= 0; i--) {
                                arr.add(es.get(i));
                            }
                        });
                refused(b, SecurityAlertCode.LOG_ROLLBACK);
                rewrite(
                        proxy,
                        log,
                        t -> flipFirst((ObjectNode) t.get("entries").get(0), "signature"));
                refused(b, SecurityAlertCode.BAD_SIGNATURE);

                proxy.clearRules();
                b.engine.pull(); // the honest server's answer is accepted
                assertThat(b.vaults.get(v.vaultId(), x).orElseThrow().content().name())
                        .isEqualTo("r3");
            }
        }
    }

    private static void rewrite(TamperingProxy proxy, String path, Consumer<ObjectNode> edit) {
        proxy.clearRules();
        proxy.rewrite("GET", path, edit);
    }
}
