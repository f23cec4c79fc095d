package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.vault.ItemView;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's last test: a server response altered in transit (bytes flipped in a blob, a stale vault
 * head, a weaker KDF offer) is refused with a security alert and the cache is unchanged.
 */
class AlteredInTransitTest extends WorldTest {

    @Test
    void flippedBytesInABlobAreRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        rename(w.itemA);
        for (String field : new String[] {"content", "itemKeyWrap", "signature"}) {
            w.proxy.clearRules();
            w.proxy.rewriteResponse(
                    "GET",
                    w.vaultPath(w.shared),
                    t -> JsonEdits.flipByte(t, "/items/0/" + field, -5));
            d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
        }
    }

    @Test
    void aStaleVaultHeadIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        JsonNode old = Forgery.served(d.cache.vaultHead(w.shared).orElseThrow());
        rename(w.itemB);
        d.engine.pull();
        w.proxy.rewriteResponse("GET", w.vaultPath(w.shared), t -> JsonEdits.set(t, "/head", old));
        d.pullRefused(SecurityAlertCode.HEAD_ROLLBACK);
    }

    @Test
    void aWeakerKdfOfferIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        // the device's own pin store, as it stands after its login
        var pinned = d.kdfPins.pinned(w.proxy.endpoint().id(), w.bobEmail);
        assertThat(pinned).contains(World.KDF);
        w.proxy.rewriteResponse(
                "POST",
                "/api/v1/accounts/prelogin",
                t -> {
                    ((ObjectNode) t.get("kdf")).put("memoryKib", 8192);
                    return t;
                });
        d.refuses(
                SecurityAlertCode.KDF_DOWNGRADE,
                () ->
                        new AccountService(d.kdfPins)
                                .login(
                                        ServerApi.connect(w.proxy.endpoint()),
                                        w.bobEmail,
                                        World.password(w.bobEmail),
                                        "again"));
        assertThat(d.kdfPins.pinned(w.proxy.endpoint().id(), w.bobEmail)).isEqualTo(pinned);
    }

    static void rename(String itemId) {
        try (ItemView v = w.alice.vaults.get(w.shared, itemId).orElseThrow()) {
            ItemContent c = v.content();
            w.alice.vaults.edit(
                    w.shared,
                    itemId,
                    c.toBuilder()
                            .name("renamed " + UUID.randomUUID())
                            .modified(c.modified().plusSeconds(1))
                            .build());
        }
    }
}
