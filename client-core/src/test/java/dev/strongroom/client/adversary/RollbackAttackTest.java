package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static dev.strongroom.client.adversary.JsonEdits.indexWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.model.wire.WireJson;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attack 6: the server drops an item, duplicates one, or rolls back an item, a vault head, a whole
 * changes page or the membership log. Signed vault heads (pinned at the highest seen) cover every
 * item's latest revision; log positions are pinned; revisions never go back.
 */
class RollbackAttackTest extends WorldTest {

    @BeforeAll
    static void start() throws Exception {
        w.proxy.recording(true);
    }

    void rewriteShared(UnaryOperator<JsonNode> edit) {
        w.proxy.rewriteResponse("GET", w.vaultPath(w.shared), edit);
    }

    /** Alice (honest, direct) renames an item: a new revision and a new signed head. */
    static void edit(String vaultId, String itemId) {
        try (ItemView v = w.alice.vaults.get(vaultId, itemId).orElseThrow()) {
            ItemContent c = v.content();
            w.alice.vaults.edit(
                    vaultId,
                    itemId,
                    c.toBuilder()
                            .name("renamed " + UUID.randomUUID())
                            .modified(c.modified().plusSeconds(1))
                            .build());
        }
    }

    @Test
    void aDroppedItemIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(t -> JsonEdits.drop(t, "/items", 0));
        d.pullRefused(SecurityAlertCode.ITEM_TAMPERING);
    }

    @Test
    void aDroppedChangeIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        edit(w.shared, w.itemA);
        edit(w.shared, w.itemB);
        rewriteShared(t -> JsonEdits.drop(t, "/items", indexWhere(t, "/items", "itemId", w.itemB)));
        d.pullRefused(SecurityAlertCode.ITEM_TAMPERING);
    }

    @Test
    void anItemMarkedDeletedByTheServerIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(
                t -> {
                    ((ObjectNode) t.at("/items/0")).put("deleted", true);
                    return t;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void anItemDuplicatedUnderANewIdIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(
                t -> {
                    JsonEdits.duplicate(t, "/items", 0);
                    ((ObjectNode) t.at("/items/1")).put("itemId", UUID.randomUUID().toString());
                    return t;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aVerbatimDuplicateAddsNothing() throws Exception {
        Device d = fresh();
        rewriteShared(t -> JsonEdits.duplicate(t, "/items", 0));
        d.engine.pull();
        assertThat(d.vaults.list(w.shared))
                .extracting(ItemView::itemId)
                .containsExactlyInAnyOrderElementsOf(
                        w.alice.vaults.list(w.shared).stream().map(ItemView::itemId).toList());
    }

    @Test
    void anItemRolledBackToAnOlderRevisionIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        JsonNode old = Forgery.served(w.alice.cache.item(w.shared, w.itemA).orElseThrow());
        edit(w.shared, w.itemA);
        d.engine.pull();
        rewriteShared(
                t -> {
                    array(t, "/items").add(old);
                    return t;
                });
        d.pullRefused(SecurityAlertCode.HEAD_ROLLBACK);
    }

    @Test
    void aStaleVaultHeadIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        JsonNode old = Forgery.served(d.cache.vaultHead(w.shared).orElseThrow());
        edit(w.shared, w.itemB);
        d.engine.pull();
        rewriteShared(t -> JsonEdits.set(t, "/head", old));
        d.pullRefused(SecurityAlertCode.HEAD_ROLLBACK);
    }

    @Test
    void anEarlierChangesPageReplayedWholeIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        MaliciousServer.Response first = w.proxy.lastResponse("GET", w.vaultPath(w.shared));
        edit(w.shared, w.itemA);
        d.engine.pull();
        w.proxy.replay("GET", w.vaultPath(w.shared), first);
        d.pullRefused(SecurityAlertCode.TAMPERED_DATA);
    }

    @Test
    void aMembershipLogOlderThanThePinIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        long pinned = d.engine.logSeq(w.teamId);
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    array(t, "/entries").removeAll();
                    ((ObjectNode) t).put("headSeq", pinned - 2);
                    return t;
                });
        d.pullRefused(SecurityAlertCode.LOG_ROLLBACK);
    }

    @Test
    void aMembershipLogReplayedFromGenesisToAPinnedDeviceIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        MaliciousServer.Response genesisOnly =
                w.proxy.recorded("GET", w.logPath()).get(0).response();
        w.proxy.replay("GET", w.logPath(), genesisOnly);
        d.pullRefused(SecurityAlertCode.LOG_ROLLBACK);
    }

    @Test
    void anOlderVaultNameIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        JsonNode before = WireJson.mapper().valueToTree(w.alice.engine.api().vault(w.ops));
        w.alice.vaults.rename(w.ops, "renamed " + UUID.randomUUID());
        d.engine.pull();
        w.proxy.rewriteResponse("GET", w.vaultPath(w.ops), t -> JsonEdits.set(t, "/vault", before));
        d.pullRefused(SecurityAlertCode.HEAD_ROLLBACK);
    }
}
