package dev.strongroom.client.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultKeysResponse;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine with write access writes like a member: an item it seals and signs with the token's
 * keys is accepted by the server and verified by the team's other clients, which read it with the
 * machine as its author.
 */
class MachineWriteTest {

    @TempDir Path dir;

    @Test
    void anItemWrittenByAMachineWithWriteAccessVerifiesOnOtherClients() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice")) {
                String team = alice.teams.createTeam("Platform");
                String staging = alice.vaults.createVault(team, "staging").vaultId();
                MachineService machines = new MachineService(alice.engine, alice.teams);
                MachineRequests as = new MachineRequests(endpoint);
                try (MachineToken token =
                                machines.create(
                                        team, "ci", Map.of(staging, Permission.WRITE), null);
                        IdentityKeys keys = token.identity()) {
                    String machineId = token.machineId().toString();
                    byte[] wrap =
                            as.get(token, "/api/v1/vaults/" + staging + "/keys")
                                    .as(VaultKeysResponse.class)
                                    .wraps()
                                    .get(0)
                                    .wrap();
                    String itemId = UUID.randomUUID().toString();
                    long logSeq = alice.engine.logSeq(team);
                    try (VaultKey key =
                            VaultKeyWrap.open(
                                    wrap,
                                    new VaultKeyWrap.Binding(
                                            team,
                                            staging,
                                            1,
                                            machineId,
                                            keys.encryptionPublicKey()),
                                    keys.encryptionPrivateKey(),
                                    alice.session.publicBundle().encryptionKey())) {
                        QueuedWrite w =
                                QueuedWrite.seal(
                                        keys,
                                        machineId,
                                        team,
                                        key,
                                        staging,
                                        itemId,
                                        1,
                                        TeamFixture.apiKey("deploy", "from-ci").toBytes(),
                                        logSeq);
                        MachineRequests.Reply created =
                                as.post(
                                        token,
                                        "/api/v1/vaults/" + staging + "/items",
                                        new CreateItemRequest(
                                                UUID.fromString(itemId),
                                                w.keyVersion(),
                                                w.itemKeyWrap(),
                                                w.content(),
                                                w.signature(),
                                                w.logSeq()));
                        assertThat(created.status()).as(created.body()).isEqualTo(201);
                        // and the vault head over the item, signed by the machine like a writer
                        byte[] hash =
                                ItemRevision.of(
                                                team,
                                                staging,
                                                itemId,
                                                1,
                                                1,
                                                w.itemKeyWrap(),
                                                w.content(),
                                                false,
                                                machineId,
                                                logSeq)
                                        .revisionHash(w.signature());
                        long counter =
                                alice.cache.vaultHead(staging).orElseThrow().head().counter() + 1;
                        VaultHead head =
                                new VaultHead(
                                        team,
                                        staging,
                                        counter,
                                        1,
                                        VaultHead.digestOf(Map.of(itemId, hash)),
                                        1,
                                        machineId,
                                        logSeq);
                        MachineRequests.Reply sealed =
                                as.put(
                                        token,
                                        "/api/v1/vaults/" + staging + "/head",
                                        new VaultHeadRequest(
                                                counter,
                                                1,
                                                head.itemsDigest(),
                                                1,
                                                logSeq,
                                                head.sign(keys)));
                        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
                    }

                    alice.engine.pull();
                    CachedItem cached = alice.cache.item(staging, itemId).orElseThrow();
                    assertThat(cached.revision().authorId()).isEqualTo(machineId);
                    assertThat(alice.cache.vaultHead(staging).orElseThrow().head().authorId())
                            .isEqualTo(machineId);
                    try (ItemView v = alice.vaults.get(staging, itemId).orElseThrow()) {
                        assertThat(new String(((ApiKey) v.content().data()).key().chars()))
                                .isEqualTo("from-ci");
                    }
                }
            }
        }
    }

    private Device device(ServerEndpoint endpoint, String name) {
        String email = TeamFixture.register(endpoint, name);
        return new Device(endpoint, email, dir.resolve(name));
    }
}
