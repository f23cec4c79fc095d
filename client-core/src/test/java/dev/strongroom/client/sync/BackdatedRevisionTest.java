package dev.strongroom.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TamperingProxy;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.SyncFixture.Device;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backdating rule (docs/CRYPTO.md): a removed member who signs a new revision with the log
 * position at which they still could write, served by a colluding server together with a head they
 * also signed at that old position, is refused with a typed alert by a device that pinned the
 * checkpoint head sealed after the removal; their legitimate earlier revision stays accepted.
 */
class BackdatedRevisionTest {

    @TempDir Path dir;

    @Test
    void aRemovedWritersRevisionSignedAtAnOldLogPositionIsRefused() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                TamperingProxy proxy = TamperingProxy.forwardingTo(TestServers.endpoint(server))) {
            ServerEndpoint direct = TestServers.endpoint(server);
            String ownerEmail = SyncFixture.register(direct);
            String memberEmail = SyncFixture.register(direct);
            try (Device owner = new Device(proxy.endpoint(), ownerEmail, dir.resolve("owner"));
                    Device member = new Device(direct, memberEmail, dir.resolve("member"))) {
                var info = owner.vaults.createPersonalVault("Shared");
                String team = info.teamId();
                String vault = info.vaultId();
                TeamOps ops = new TeamOps(owner.engine);
                ops.addMember(team, member.engine, Role.MEMBER);
                ops.grant(team, vault, member.session.publicBundle(), Permission.WRITE);
                owner.vaults.add(vault, ItemSamples.item(ItemType.LOGIN));
                member.engine.pull();
                String mine = member.vaults.add(vault, ItemSamples.item(ItemType.API_KEY));
                long oldSeq = member.engine.logSeq(team);
                owner.engine.pull();
                assertThat(owner.cache.item(vault, mine)).isPresent(); // written while allowed

                String memberId = member.session.accountId().toString();
                ops.remove(team, memberId);
                long removedAt = owner.engine.logSeq(team);
                // the owner's pull after the removal sealed a checkpoint head at that position
                VaultHeadPin checkpoint = owner.cache.vaultHead(vault).orElseThrow();
                assertThat(checkpoint.head().logSeq()).isGreaterThanOrEqualTo(removedAt);

                // the removed member signs revision 2 of their item at the old position, and a
                // head over it, and a colluding server serves both to the owner
                QueuedWrite forged =
                        QueuedWrite.seal(
                                member.session.identity(),
                                memberId,
                                team,
                                member.engine.currentVaultKey(vault),
                                vault,
                                mine,
                                2,
                                ItemSamples.item(ItemType.SECURE_NOTE).toBytes(),
                                oldSeq);
                Map<String, CachedItem> items = new TreeMap<>();
                owner.cache.items(vault).forEach(i -> items.put(i.itemId(), i));
                items.put(mine, forged.cachedItem());
                VaultHead head =
                        new VaultHead(
                                team,
                                vault,
                                checkpoint.head().counter() + 1,
                                1,
                                VaultHead.digestOf(VaultVerifier.hashes(items)),
                                items.size(),
                                memberId,
                                oldSeq);
                byte[] headSig = head.sign(member.session.identity());
                proxy.rewrite(
                        "GET",
                        "/api/v1/vaults/" + vault + "/changes",
                        t -> {
                            ((ArrayNode) t.get("items"))
                                    .add(WireJson.mapper().valueToTree(response(forged)));
                            t.set(
                                    "head",
                                    WireJson.mapper()
                                            .valueToTree(
                                                    new VaultHeadResponse(
                                                            UUID.fromString(vault),
                                                            head.counter(),
                                                            1,
                                                            head.itemsDigest(),
                                                            head.itemCount(),
                                                            UUID.fromString(memberId),
                                                            oldSeq,
                                                            headSig,
                                                            1_000_000)));
                        });
                byte[] before = owner.fingerprint();
                assertThatThrownBy(owner.engine::pull)
                        .isInstanceOfSatisfying(
                                SecurityAlert.class,
                                a -> {
                                    assertThat(a.code())
                                            .isEqualTo(SecurityAlertCode.UNAUTHORIZED_CHANGE);
                                    assertThat(a.getMessage())
                                            .contains("lost write access at " + removedAt)
                                            .contains("backdated");
                                });
                assertThat(owner.fingerprint()).isEqualTo(before);
                assertThat(owner.cache.item(vault, mine).orElseThrow().revisionNumber())
                        .isEqualTo(1);

                // a head alone, signed at a position older than the pinned one, is refused too
                proxy.clearRules();
                proxy.rewrite(
                        "GET",
                        "/api/v1/vaults/" + vault + "/changes",
                        t ->
                                t.set(
                                        "head",
                                        WireJson.mapper()
                                                .valueToTree(
                                                        new VaultHeadResponse(
                                                                UUID.fromString(vault),
                                                                head.counter(),
                                                                1,
                                                                head.itemsDigest(),
                                                                head.itemCount(),
                                                                UUID.fromString(memberId),
                                                                oldSeq,
                                                                headSig,
                                                                1_000_000))));
                assertThatThrownBy(owner.engine::pull)
                        .isInstanceOfSatisfying(
                                SecurityAlert.class,
                                a ->
                                        assertThat(a.getMessage())
                                                .contains("older than the pinned head's"));
                assertThat(owner.fingerprint()).isEqualTo(before);

                // the honest answer is accepted, and so is the member's earlier revision
                proxy.clearRules();
                owner.engine.pull();
                try (Device fresh = new Device(direct, ownerEmail, dir.resolve("fresh"))) {
                    fresh.engine.pull();
                    assertThat(fresh.cache.item(vault, mine).orElseThrow().revision().authorId())
                            .isEqualTo(memberId);
                }
            }
        }
    }

    private static ItemResponse response(QueuedWrite q) {
        return new ItemResponse(
                UUID.fromString(q.itemId()),
                UUID.fromString(q.vaultId()),
                q.revision(),
                q.keyVersion(),
                q.itemKeyWrap(),
                q.content(),
                q.deleted(),
                UUID.fromString(q.authorId()),
                q.logSeq(),
                q.signature(),
                999_999L,
                System.currentTimeMillis());
    }
}
