package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static dev.strongroom.client.adversary.JsonEdits.indexWhere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.cache.CachedItem;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Attack 5: the server swaps fields between items (an item's whole content is one AEAD ciphertext,
 * so a "field swap" is a swap of content or wrapped key), swaps items, or moves an item into
 * another vault. Every revision is signed over its team, vault, item id and blob digests, and the
 * AEAD binds vault and item id, so a writer re-using another item's ciphertext fails too.
 */
class ItemSwapAttackTest extends WorldTest {

    void rewrite(String vaultId, UnaryOperator<JsonNode> edit) {
        w.proxy.rewriteResponse("GET", w.vaultPath(vaultId), edit);
    }

    static ObjectNode item(JsonNode changes, String itemId) {
        return (ObjectNode)
                array(changes, "/items").get(indexWhere(changes, "/items", "itemId", itemId));
    }

    static CachedItem cached(String vaultId, String itemId) {
        return w.alice.cache.item(vaultId, itemId).orElseThrow();
    }

    @Test
    void theContentOfOneItemUnderAnothersIdIsRefused() throws Exception {
        Device d = fresh();
        rewrite(
                w.shared,
                t -> {
                    ObjectNode a = item(t, w.itemA);
                    ObjectNode b = item(t, w.itemB);
                    b.set("content", a.get("content"));
                    b.set("itemKeyWrap", a.get("itemKeyWrap"));
                    return t;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void swappedItemIdsAreRefused() throws Exception {
        Device d = fresh();
        rewrite(
                w.shared,
                t -> {
                    ObjectNode a = item(t, w.itemA);
                    ObjectNode b = item(t, w.itemB);
                    a.put("itemId", w.itemB);
                    b.put("itemId", w.itemA);
                    return t;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void anItemOfAnotherVaultServedInThisOneIsRefused() throws Exception {
        Device d = fresh();
        JsonNode c = Forgery.served(cached(w.ops, w.itemC));
        rewrite(
                w.shared,
                t -> {
                    array(t, "/items").add(c);
                    return t;
                });
        d.pullRefused(SecurityAlertCode.ITEM_TAMPERING);
    }

    @Test
    void anItemMovedIntoAnotherVaultUnderItsNameIsRefused() throws Exception {
        Device d = fresh();
        ObjectNode c = (ObjectNode) Forgery.served(cached(w.ops, w.itemC));
        c.put("vaultId", w.shared);
        rewrite(
                w.shared,
                t -> {
                    array(t, "/items").add(c);
                    return t;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aWriterReusingAnotherItemsCiphertextIsRefusedByTheAeadBinding() throws Exception {
        Device victim = w.victim(w.aliceEmail);
        CachedItem a = cached(w.shared, w.itemA);
        JsonNode forged =
                Forgery.item(
                        w.bob,
                        w.teamId,
                        w.shared,
                        UUID.randomUUID().toString(),
                        1,
                        a.revision().keyVersion(),
                        a.wrappedItemKey(),
                        a.content(),
                        w.bob.engine.logSeq(w.teamId));
        rewrite(
                w.shared,
                t -> {
                    array(t, "/items").add(forged);
                    return t;
                });
        victim.pullRefused(SecurityAlertCode.ITEM_TAMPERING);
    }

    @Test
    void aWriterMovingCiphertextFromAnotherVaultIsRefusedByTheAeadBinding() throws Exception {
        Device victim = w.victim(w.aliceEmail);
        CachedItem c = cached(w.ops, w.itemC);
        JsonNode forged =
                Forgery.item(
                        w.bob,
                        w.teamId,
                        w.shared,
                        w.itemC,
                        1,
                        c.revision().keyVersion(),
                        c.wrappedItemKey(),
                        c.content(),
                        w.bob.engine.logSeq(w.teamId));
        rewrite(
                w.shared,
                t -> {
                    array(t, "/items").add(forged);
                    return t;
                });
        victim.pullRefused(SecurityAlertCode.ITEM_TAMPERING);
    }

    @Test
    void anotherVaultsNameIsRefused() throws Exception {
        Device d = fresh();
        byte[] opsName =
                w.alice.cache.vaults().stream()
                        .filter(v -> v.vaultId().equals(w.ops))
                        .findFirst()
                        .orElseThrow()
                        .metadata();
        rewrite(w.shared, t -> JsonEdits.setBytes(t, "/vault/metadata", opsName));
        d.pullRefused(SecurityAlertCode.TAMPERED_DATA);
    }
}
