package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.WireJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A requester's client reads and checks a vault of its request ahead of the release, from one
 * approval short of the threshold, and at the release reads only what changed since. Through the
 * proxy in front of a real server, a malicious server then serves an earlier state (a page it
 * answered before the vault changed, or only that page's head), withholds a change, or hides the
 * head: each is refused with nothing opened; the honest answer opens the vault as it is now,
 * changes included.
 */
class ReadAheadAttackTest {

    private static final String ITEMS =
            "/api/v1/teams/[^/]+/recovery/requests/[^/]+/vaults/[^/]+/items";

    @TempDir Path dir;

    @Test
    void aVaultReadAheadOpensAsItIsAtTheReleaseAndNoEarlierStateIsTakenForIt() throws Exception {
        try (BreakGlassScene scene = new BreakGlassScene(dir)) {
            Device alice = scene.alice;
            MaliciousServer proxy = scene.proxy;
            String team = scene.team;
            String vault = scene.vault;
            String db = alice.vaults.add(vault, TeamFixture.apiKey("db", "db-v1"));
            String deploy = alice.vaults.add(vault, TeamFixture.apiKey("deploy", "deploy-1"));
            alice.vaults.sync();
            scene.teamUpWithPolicy(Role.MEMBER, List.of(), List.of()); // 2 of 3

            BreakGlass zedGlass = scene.zedGlass();
            String request = scene.zedRequestsTheVault("x");
            assertThatThrownBy(() -> zedGlass.readAhead(team, request))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("once 1 approvals exist; there are 0");

            scene.glass(scene.bob).approve(team, request);
            proxy.recording(true);
            assertThat(zedGlass.readAhead(team, request)).isEqualTo(2);
            MaliciousServer.Response first = proxy.lastResponse("GET", ITEMS);
            proxy.recording(false);
            // read again after a change: the head now pinned is newer than the first page's
            alice.vaults.edit(vault, db, TeamFixture.apiKey("db", "db-v2"));
            alice.vaults.sync();
            assertThat(zedGlass.readAhead(team, request)).isEqualTo(2);

            // the vault moves on between the reading ahead and the last approval
            alice.vaults.add(vault, TeamFixture.apiKey("new", "new-1"));
            alice.vaults.delete(vault, deploy);
            alice.vaults.sync();
            scene.glass(scene.carol).approve(team, request);

            // the first page again, as the release's changes: db rolled back under its head
            proxy.replay("GET", ITEMS, first);
            refused(zedGlass, team, request, "older revision than the one read ahead");
            proxy.clearRules();
            // the first page's head alone, with no changes: a head older than the one pinned
            proxy.rewriteResponse(
                    "GET",
                    ITEMS,
                    r ->
                            JsonEdits.set(
                                    JsonEdits.set(r, "/items", WireJson.mapper().createArrayNode()),
                                    "/head",
                                    first.json().get("head").deepCopy()));
            refused(zedGlass, team, request, "older than pinned");
            proxy.clearRules();
            // a change withheld from the release's changes
            proxy.rewriteResponse("GET", ITEMS, r -> JsonEdits.drop(r, "/items", 0));
            refused(zedGlass, team, request, "not the ones its signed head lists");
            proxy.clearRules();
            // no head at all, though one was read ahead
            proxy.rewriteResponse("GET", ITEMS, r -> JsonEdits.remove(r, "/head"));
            refused(zedGlass, team, request, "though one was seen before");
            proxy.clearRules();

            proxy.clearRecorded();
            proxy.recording(true);
            List<OpenedVault> opened = zedGlass.combine(team, request);
            assertThat(opened)
                    .singleElement()
                    .satisfies(v -> assertThat(secrets(v)).containsExactly("db-v2", "new-1"));
            opened.forEach(OpenedVault::close);
            // only the changes were read at the release: the item pages start past zero
            assertThat(proxy.recorded("GET", ITEMS))
                    .allSatisfy(e -> assertThat(e.request().query()).doesNotContain("since=0"))
                    .isNotEmpty();
        }
    }

    private static void refused(BreakGlass glass, String team, String request, String why) {
        assertThatThrownBy(() -> glass.combine(team, request))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining(why);
    }

    private static Set<String> secrets(OpenedVault v) {
        Set<String> out = new TreeSet<>();
        for (ItemContent c : v.items().values()) {
            out.add(new String(((ApiKey) c.data()).key().chars()));
        }
        return out;
    }
}
