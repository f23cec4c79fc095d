package dev.strongroom.server.vaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultListResponse;
import dev.strongroom.server.audit.ChainedEvent;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestMachine;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A delete_vault log entry drops the vault's ciphertext; only owners and admins may append one. */
@ParameterizedClass
@EnumSource(Backend.class)
class VaultDeleteTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("vault-delete"));
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void deletingAVaultDropsItsCiphertextAndRetiresItsId() {
        TestUser alice = new TestUser("alice").register(api).login(api);
        TestUser bob = new TestUser("bob").register(api).login(api);
        TestTeam team = new TestTeam(api).create(alice);
        UUID vault = team.createVault(alice);
        UUID kept = team.createVault(alice);
        team.addMember(alice, bob, Role.MEMBER);
        team.grant(alice, vault, bob, Permission.WRITE, 1);
        TestMachine machine = new TestMachine();
        machine.create(api, team, alice, null);
        team.grantMachine(alice, vault, machine.id, Permission.READ, 1);
        UUID item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(api, alice, vault, item, 1));
        TestTeam.updateItem(api, bob, vault, item, 1, 1, false);
        TestTeam.created(TestTeam.createItem(api, alice, kept, UUID.randomUUID(), 1));
        Api.Response head =
                api.put(
                        "/api/v1/vaults/" + vault + "/head",
                        alice.token,
                        new VaultHeadRequest(
                                10L, 1, Randoms.bytes(32), 1, team.seq(), Randoms.bytes(64)));
        assertThat(head.status()).as(head.body()).isEqualTo(200);

        // a member, even a writer of the vault, may not delete it
        List<String> before = server.snapshot();
        Api.Response refused =
                team.append(bob, new LogAction.DeleteVault(vault.toString()), null, List.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(server.snapshot()).isEqualTo(before);

        team.ok(team.append(alice, new LogAction.DeleteVault(vault.toString()), null, List.of()));

        assertThat(rows("item_revisions", vault)).isZero();
        assertThat(rows("items", vault)).isZero();
        assertThat(rows("vault_key_wraps", vault)).isZero();
        assertThat(rows("vault_heads", vault)).isZero();
        assertThat(rows("vault_access", vault)).isZero();
        assertThat(rows("items", kept)).isEqualTo(1);
        String v = "/api/v1/vaults/" + vault;
        for (String path :
                List.of(v, v + "/keys", v + "/items/" + item, v + "/head", v + "/changes")) {
            assertThat(api.get(path, alice.token).status()).as(path).isEqualTo(404);
            assertThat(api.get(path, bob.token).status()).as(path).isEqualTo(404);
            assertThat(api.get(path, machine.token).status()).as(path).isEqualTo(404);
        }
        assertThat(TestTeam.updateItem(api, alice, vault, item, 2, 1, false).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/vaults", alice.token).as(VaultListResponse.class).vaults())
                .extracting(s -> s.vaultId())
                .containsExactly(kept);

        // the id is retired: neither the log nor the server takes it again
        byte[] wrap = Randoms.bytes(80);
        Api.Response again =
                team.append(
                        alice,
                        new LogAction.CreateVault(vault.toString(), TestTeam.digest(wrap)),
                        Randoms.bytes(40),
                        List.of(new KeyWrapUpload(1, alice.id.toString(), wrap)));
        assertThat(again.status()).isBetween(400, 409);

        List<ChainedEvent> deletes = new ArrayList<>();
        server.server()
                .audit()
                .forEach(
                        e -> {
                            if ("vault.delete".equals(e.action())) {
                                deletes.add(e);
                            }
                        });
        assertThat(deletes)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.targetId()).isEqualTo(vault.toString());
                            assertThat(e.actorId()).isEqualTo(alice.id.toString());
                        });
        assertThat(server.server().audit().verify().ok()).isTrue();
    }

    private static long rows(String table, UUID vault) {
        return server.db()
                .read(
                        tx ->
                                tx.queryLong(
                                        "SELECT COUNT(*) FROM " + table + " WHERE vault_id = ?",
                                        vault));
    }
}
