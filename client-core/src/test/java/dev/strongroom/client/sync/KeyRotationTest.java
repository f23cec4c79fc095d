package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rotation through the real server API: the rotate_vault_key entry with new wraps and
 * re-wrapped items is verified and applied on pull by every device (old history still opens under
 * the old key version), writes continue under the new version, and a rotation after a revocation
 * leaves the revoked member without the new key.
 */
class KeyRotationTest {

    @TempDir Path dir;

    @Test
    void aRotationIsVerifiedAndAppliedOnPullAndOldHistoryStillOpens() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            String ownerEmail = SyncFixture.register(endpoint);
            String memberEmail = SyncFixture.register(endpoint);
            try (Device owner = new Device(endpoint, ownerEmail, dir.resolve("owner"));
                    Device member = new Device(endpoint, memberEmail, dir.resolve("member"))) {
                var info = owner.vaults.createPersonalVault("Shared");
                String team = info.teamId();
                String vault = info.vaultId();
                TeamOps ops = new TeamOps(owner.engine);
                ops.addMember(team, member.engine, Role.MEMBER);
                ops.grant(team, vault, member.session.publicBundle(), Permission.WRITE);
                String login = owner.vaults.add(vault, ItemSamples.item(ItemType.LOGIN));
                String note = owner.vaults.add(vault, ItemSamples.item(ItemType.SECURE_NOTE));
                owner.vaults.edit(vault, login, ItemSamples.item(ItemType.API_KEY));
                String gone = owner.vaults.add(vault, ItemSamples.item(ItemType.SSH_KEY));
                owner.vaults.delete(vault, gone);
                member.engine.pull();

                assertThat(owner.engine.rotateVaultKey(vault)).isEqualTo(2);

                for (Device d : List.of(owner, member)) {
                    d.engine.pull();
                    assertThat(d.engine.team(team).orElseThrow().vaults().get(vault).keyVersion())
                            .isEqualTo(2);
                    assertThat(d.cache.keyWraps(vault))
                            .extracting(w -> w.keyVersion())
                            .contains(1, 2);
                    CachedItem l = d.cache.item(vault, login).orElseThrow();
                    assertThat(l.revision().keyVersion()).isEqualTo(2);
                    assertThat(l.revisionNumber()).isEqualTo(3);
                    assertThat(name(d, l)).isEqualTo(ItemSamples.item(ItemType.API_KEY).name());
                    assertThat(name(d, d.cache.item(vault, note).orElseThrow()))
                            .isEqualTo(ItemSamples.item(ItemType.SECURE_NOTE).name());
                    assertThat(d.cache.item(vault, gone).orElseThrow().deleted()).isTrue();
                }
                // old history opens under key version 1
                List<CachedItem> history = owner.cache.history(vault, login);
                assertThat(history)
                        .extracting(i -> i.revision().keyVersion())
                        .containsExactly(1, 1);
                assertThat(name(owner, history.get(0)))
                        .isEqualTo(ItemSamples.item(ItemType.LOGIN).name());
                assertThat(name(member, member.cache.history(vault, login).get(0)))
                        .isEqualTo(ItemSamples.item(ItemType.API_KEY).name());

                // a new device verifies the rotated vault from scratch
                try (Device fresh = new Device(endpoint, memberEmail, dir.resolve("fresh"))) {
                    // joined on this device too (the member checked who added them again)
                    fresh.engine
                            .joins()
                            .join(
                                    team,
                                    owner.engine.team(team).orElseThrow().genesisHash(),
                                    "joined");
                    fresh.engine.pull();
                    assertThat(name(fresh, fresh.cache.item(vault, note).orElseThrow()))
                            .isEqualTo(ItemSamples.item(ItemType.SECURE_NOTE).name());
                }

                // writing goes on under the new key version, on both sides
                String added = member.vaults.add(vault, ItemSamples.item(ItemType.CERTIFICATE));
                owner.engine.pull();
                assertThat(owner.cache.item(vault, added).orElseThrow().revision().keyVersion())
                        .isEqualTo(2);

                // revoke, rotate again: the revoked member gets no wrap of version 3
                ops.revoke(team, vault, member.session.accountId().toString());
                assertThat(owner.engine.rotateVaultKey(vault)).isEqualTo(3);
                assertThat(owner.engine.team(team).orElseThrow().vaults().get(vault).grants())
                        .containsOnlyKeys(owner.session.accountId().toString());
                assertThat(member.engine.pull().lost()).hasSize(1);
                assertThat(name(owner, owner.cache.item(vault, added).orElseThrow()))
                        .isEqualTo(ItemSamples.item(ItemType.CERTIFICATE).name());
            }
        }
    }

    /**
     * The rotator's own writes right after a rotation carry the rotation's log position and the new
     * key version, like its re-wraps: they are writes (judged by write access), not re-wraps that
     * "changed" content, on devices that saw the previous revision and on a fresh one that did not.
     */
    @Test
    void theRotatorsOwnWritesRightAfterARotationAreNotMistakenForReWraps() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            String ownerEmail = SyncFixture.register(endpoint);
            String memberEmail = SyncFixture.register(endpoint);
            try (Device owner = new Device(endpoint, ownerEmail, dir.resolve("owner"));
                    Device member = new Device(endpoint, memberEmail, dir.resolve("member"))) {
                var info = owner.vaults.createPersonalVault("Shared");
                String team = info.teamId();
                String vault = info.vaultId();
                TeamOps ops = new TeamOps(owner.engine);
                ops.addMember(team, member.engine, Role.MEMBER);
                ops.grant(team, vault, member.session.publicBundle(), Permission.READ);
                String login = owner.vaults.add(vault, ItemSamples.item(ItemType.LOGIN));
                member.engine.pull();

                assertThat(owner.engine.rotateVaultKey(vault)).isEqualTo(2);
                String added = owner.vaults.add(vault, ItemSamples.item(ItemType.SECURE_NOTE));
                owner.vaults.edit(vault, login, ItemSamples.item(ItemType.API_KEY));

                member.engine.pull();
                assertThat(name(member, member.cache.item(vault, added).orElseThrow()))
                        .isEqualTo(ItemSamples.item(ItemType.SECURE_NOTE).name());
                assertThat(name(member, member.cache.item(vault, login).orElseThrow()))
                        .isEqualTo(ItemSamples.item(ItemType.API_KEY).name());
                try (Device fresh = new Device(endpoint, memberEmail, dir.resolve("fresh"))) {
                    fresh.engine
                            .joins()
                            .join(
                                    team,
                                    owner.engine.team(team).orElseThrow().genesisHash(),
                                    "joined");
                    fresh.engine.pull();
                    assertThat(name(fresh, fresh.cache.item(vault, login).orElseThrow()))
                            .isEqualTo(ItemSamples.item(ItemType.API_KEY).name());
                }
            }
        }
    }

    private static String name(Device d, CachedItem item) {
        byte[] plain =
                ItemContents.open(
                        d.engine.vaultKey(item.vaultId(), item.revision().keyVersion()), item);
        try (ItemContent c = ItemContent.fromBytes(plain)) {
            return c.name();
        } finally {
            Bytes.wipe(plain);
        }
    }
}
