package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CachedVault;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the verified log ends this account's access (revoke_vault, delete_vault, remove_member), a
 * pull drops the vault's items, history and keys in the same batch, reports the loss, and keeps
 * queued writes to it as stranded writes the user sees, never silently lost and never blocking the
 * rest of the outbox.
 */
class AccessLossTest {

    @TempDir Path dir;

    @Test
    void revokeDeleteAndRemovalEachDropTheVaultAndStrandItsQueuedWrites() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            String ownerEmail = SyncFixture.register(endpoint);
            String memberEmail = SyncFixture.register(endpoint);
            try (Device owner = new Device(endpoint, ownerEmail, dir.resolve("owner"));
                    Device member = new Device(endpoint, memberEmail, dir.resolve("member"))) {
                String me = member.session.accountId().toString();
                var v1 = owner.vaults.createPersonalVault("Shared");
                String team = v1.teamId();
                String v2 = owner.vaults.createVault(team, "Doomed").vaultId();
                String v3 = owner.vaults.createVault(team, "Read only").vaultId();
                TeamOps ops = new TeamOps(owner.engine);
                ops.addMember(team, member.engine, Role.MEMBER);
                ops.grant(team, v1.vaultId(), member.session.publicBundle(), Permission.WRITE);
                ops.grant(team, v2, member.session.publicBundle(), Permission.WRITE);
                ops.grant(team, v3, member.session.publicBundle(), Permission.READ);
                for (String v : new String[] {v1.vaultId(), v2, v3}) {
                    owner.vaults.add(v, ItemSamples.item(ItemType.LOGIN));
                }
                member.engine.pull();
                assertThat(member.cache.vaults()).hasSize(3);
                assertThat(member.cache.items(v1.vaultId())).hasSize(1);

                // an edit queued offline, then the grant is revoked
                queueOffline(member, team, v1.vaultId());
                ops.revoke(team, v1.vaultId(), me);
                SyncEngine.PullReport r = member.engine.pull();
                assertThat(r.lost())
                        .containsExactly(
                                new VaultLoss(v1.vaultId(), team, VaultLoss.Reason.REVOKED, 1));
                assertThat(member.cache.vaults())
                        .extracting(CachedVault::vaultId)
                        .containsExactlyInAnyOrder(v2, v3);
                assertThat(member.cache.items(v1.vaultId())).isEmpty();
                assertThat(member.cache.keyWraps(v1.vaultId())).isEmpty();
                assertThat(member.cache.vaultHead(v1.vaultId())).isEmpty();
                assertThat(member.engine.strandedWrites())
                        .singleElement()
                        .satisfies(s -> assertThat(s.vaultId()).isEqualTo(v1.vaultId()));
                // the stranded write neither blocks nor vanishes on push
                queueOffline(member, team, v2);
                SyncEngine.PushReport push = member.engine.push();
                assertThat(push.accepted()).isEqualTo(1);
                assertThat(push.stranded()).isEqualTo(1);
                assertThat(member.cache.outbox()).hasSize(1);
                member.engine.discardStrandedWrite(member.engine.strandedWrites().get(0).writeId());
                assertThat(member.cache.outbox()).isEmpty();

                // a vault deleted for everyone
                queueOffline(member, team, v2);
                ops.deleteVault(team, v2);
                r = member.engine.pull();
                assertThat(r.lost())
                        .containsExactly(new VaultLoss(v2, team, VaultLoss.Reason.DELETED, 1));
                assertThat(member.cache.items(v2)).isEmpty();
                assertThat(member.engine.strandedWrites()).hasSize(1);

                // removed from the team: the team and its last vault go
                ops.remove(team, me);
                r = member.engine.pull();
                assertThat(r.lost())
                        .containsExactly(
                                new VaultLoss(v3, team, VaultLoss.Reason.TEAM_NOT_SERVED, 0));
                assertThat(member.engine.teams()).doesNotContain(team);
                assertThat(member.engine.team(team)).isEmpty();
                assertThat(member.cache.vaults()).isEmpty();
                assertThat(member.cache.logEntries(team)).isEmpty();
                assertThat(member.cache.pinnedGenesis(team)).isPresent(); // kept in the pin file
                assertThat(member.engine.strandedWrites()).hasSize(1);
                assertThat(member.engine.pull().lost()).isEmpty(); // nothing left to lose

                // the owner is unaffected
                assertThat(owner.engine.pull().lost()).isEmpty();
                assertThat(owner.cache.items(v3)).hasSize(1);
            }
        }
    }

    private static void queueOffline(Device d, String team, String vaultId) {
        String itemId = UUID.randomUUID().toString();
        QueuedWrite q =
                QueuedWrite.seal(
                        d.session.identity(),
                        d.session.accountId().toString(),
                        team,
                        d.engine.currentVaultKey(vaultId),
                        vaultId,
                        itemId,
                        1,
                        ItemSamples.item(ItemType.SECURE_NOTE).toBytes(),
                        d.engine.logSeq(team));
        d.cache.enqueue(vaultId, itemId, 0, q.toBytes());
    }
}
