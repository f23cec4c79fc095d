package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.WireJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malicious server serving a released vault's items to a requester without a grant (through the
 * proxy in front of a real server): it withholds an item, or rolls one back to an earlier revision
 * its author really signed. Each signature still verifies, so only the vault's signed head can
 * tell; each is a clear error with nothing opened, and the honest answer still opens the vault.
 */
class RecoveredItemsAttackTest {

    private static final String ITEMS =
            "/api/v1/teams/[^/]+/recovery/requests/[^/]+/vaults/[^/]+/items";

    @TempDir Path dir;

    @Test
    void withheldAndRolledBackItemsOfAReleasedScopeAreRefused() throws Exception {
        try (BreakGlassScene s = new BreakGlassScene(dir)) {
            String vault = s.vault;
            String db = s.alice.vaults.add(vault, TeamFixture.apiKey("db", "db-v1"));
            s.alice.vaults.add(vault, TeamFixture.apiKey("deploy", "deploy-secret"));
            s.alice.vaults.sync();
            s.teamUpWithPolicy(Role.MEMBER, List.of(), List.of());
            // the first revision of db, really signed by alice, kept for the rollback
            JsonNode dbFirst = WireJson.mapper().valueToTree(served(s.alice, vault, db));
            s.alice.vaults.edit(vault, db, TeamFixture.apiKey("db", "db-v2"));
            s.alice.vaults.sync();

            String request = s.zedRequestsTheVault("x");
            s.approvedByBobAndCarol(request);

            attack(s, request, r -> JsonEdits.drop(r, "/items", 0));
            attack(s, request, r -> rollBack(r, db, dbFirst));
            // a head dropped along with the items it lists is no way out either
            attack(s, request, r -> JsonEdits.remove(r, "/head"));

            List<OpenedVault> opened = s.zedGlass().combine(s.team, request);
            assertThat(opened)
                    .singleElement()
                    .satisfies(
                            v -> assertThat(secrets(v)).containsExactly("db-v2", "deploy-secret"));
            opened.forEach(OpenedVault::close);
        }
    }

    /** The server's items page is edited; zed's combine refuses it and opens nothing. */
    private static void attack(BreakGlassScene s, String request, UnaryOperator<JsonNode> edit) {
        s.proxy.rewriteResponse("GET", ITEMS, edit);
        try {
            assertThatThrownBy(() -> s.zedGlass().combine(s.team, request))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("not the ones its signed head lists");
        } finally {
            s.proxy.clearRules();
        }
    }

    /** The served db item with its first revision's signed fields (a consistent old revision). */
    private static JsonNode rollBack(JsonNode page, String itemId, JsonNode first) {
        String at = "/items/" + JsonEdits.indexWhere(page, "/items", "itemId", itemId);
        for (String field :
                List.of(
                        "revision",
                        "keyVersion",
                        "itemKeyWrap",
                        "content",
                        "logSeq",
                        "signature")) {
            JsonEdits.set(page, at + "/" + field, first.get(field).deepCopy());
        }
        return page;
    }

    /** An item's latest revision as the server serves it, from the author's own cache. */
    private static ItemResponse served(Device author, String vault, String itemId) {
        CachedItem c =
                author.cache.items(vault).stream()
                        .filter(i -> i.itemId().equals(itemId))
                        .findFirst()
                        .orElseThrow();
        ItemRevision r = c.revision();
        return new ItemResponse(
                UUID.fromString(r.itemId()),
                UUID.fromString(r.vaultId()),
                r.revision(),
                r.keyVersion(),
                c.wrappedItemKey(),
                c.content(),
                false,
                UUID.fromString(r.authorId()),
                r.logSeq(),
                c.signature(),
                null,
                0L);
    }

    private static Set<String> secrets(OpenedVault v) {
        Set<String> out = new TreeSet<>();
        for (ItemContent c : v.items().values()) {
            out.add(new String(((ApiKey) c.data()).key().chars()));
        }
        return out;
    }
}
