package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
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
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                MaliciousServer proxy = new MaliciousServer(TestServers.endpoint(server))) {
            ServerEndpoint direct = TestServers.endpoint(server);
            Device alice = device(direct, "alice");
            Device bob = device(direct, "bob");
            Device carol = device(direct, "carol");
            String zedEmail = TeamFixture.register(direct, "zed");
            Device zed = new Device(proxy.endpoint(), zedEmail, dir.resolve("zed"));
            try {
                String team = alice.teams.createTeam("Acme");
                String vault = alice.vaults.createVault(team, "prod").vaultId();
                String db = alice.vaults.add(vault, TeamFixture.apiKey("db", "db-v1"));
                alice.vaults.add(vault, TeamFixture.apiKey("deploy", "deploy-secret"));
                alice.vaults.sync();
                for (Device d : List.of(bob, carol, zed)) {
                    alice.teams.verify(d.email, d.teams.myFingerprint().digits());
                    alice.teams.addMember(team, d.email, dev.strongroom.model.log.Role.MEMBER);
                    TeamFixture.join(d, alice, team);
                }
                new RecoveryService(alice.vaults, alice.engine, alice.teams)
                        .setup(team, List.of(alice.id, bob.id, carol.id), 2, 0, false);
                // the first revision of db, really signed by alice, kept for the rollback
                JsonNode dbFirst = WireJson.mapper().valueToTree(served(alice, vault, db));
                alice.vaults.edit(vault, db, TeamFixture.apiKey("db", "db-v2"));
                alice.vaults.sync();

                BreakGlass zedGlass = glass(zed);
                String request =
                        zedGlass.request(team, new RecoveryScope(RecoveryScope.VAULT, vault), "x");
                glass(bob).approve(team, request);
                glass(carol).approve(team, request);

                attack(proxy, zedGlass, team, request, r -> JsonEdits.drop(r, "/items", 0));
                attack(proxy, zedGlass, team, request, r -> rollBack(r, db, dbFirst));
                // a head dropped along with the items it lists is no way out either
                attack(proxy, zedGlass, team, request, r -> JsonEdits.remove(r, "/head"));

                List<OpenedVault> opened = zedGlass.combine(team, request);
                assertThat(opened)
                        .singleElement()
                        .satisfies(
                                v ->
                                        assertThat(secrets(v))
                                                .containsExactly("db-v2", "deploy-secret"));
                opened.forEach(OpenedVault::close);
            } finally {
                for (Device d : List.of(alice, bob, carol, zed)) {
                    d.close();
                }
            }
        }
    }

    /** The server's items page is edited; zed's combine refuses it and opens nothing. */
    private static void attack(
            MaliciousServer proxy,
            BreakGlass glass,
            String team,
            String request,
            UnaryOperator<JsonNode> edit) {
        proxy.rewriteResponse("GET", ITEMS, edit);
        try {
            assertThatThrownBy(() -> glass.combine(team, request))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("not the ones its signed head lists");
        } finally {
            proxy.clearRules();
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

    private BreakGlass glass(Device d) {
        return new BreakGlass(
                new RecoveryService(d.vaults, d.engine, d.teams),
                d.engine,
                dir.resolve("state-" + d.id));
    }

    private Device device(ServerEndpoint endpoint, String name) {
        return new Device(endpoint, TeamFixture.register(endpoint, name), dir.resolve(name));
    }
}
