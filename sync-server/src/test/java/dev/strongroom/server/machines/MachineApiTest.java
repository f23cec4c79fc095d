package dev.strongroom.server.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.LogEntriesResponse;
import dev.strongroom.model.wire.MachineListResponse;
import dev.strongroom.model.wire.MachineSummary;
import dev.strongroom.model.wire.MachineTokens;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultKeysResponse;
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

/** Machine accounts end to end: creation, token use, scope, revocation, expiry, rotation. */
@ParameterizedClass
@EnumSource(Backend.class)
class MachineApiTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("machines"));
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private record Setup(
            TestUser alice, TestTeam team, UUID writable, UUID readable, UUID hidden, UUID item) {}

    /**
     * alice owns a team with three vaults; the machine gets write on one, read on another, nothing
     * on the third. One item lives in each of the first two.
     */
    private Setup setup(TestMachine m) {
        TestUser alice = new TestUser("alice").register(api).login(api);
        TestTeam team = new TestTeam(api).create(alice);
        UUID writable = team.createVault(alice);
        UUID readable = team.createVault(alice);
        UUID hidden = team.createVault(alice);
        m.create(api, team, alice, null);
        team.grantMachine(alice, writable, m.id, Permission.WRITE, 1);
        team.grantMachine(alice, readable, m.id, Permission.READ, 1);
        UUID item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(api, alice, readable, item, 1));
        return new Setup(alice, team, writable, readable, hidden, item);
    }

    @Test
    void aMachineReadsAndWritesWhatItIsGrantedAndIsAuditedAsItself() {
        TestMachine m = new TestMachine();
        Setup s = setup(m);

        MachineSummary self = api.get("/api/v1/machine", m.token).as(MachineSummary.class);
        assertThat(self.machineId()).isEqualTo(m.id);
        assertThat(self.teamId()).isEqualTo(s.team().id);
        assertThat(self.createdBy()).isEqualTo(s.alice().id);
        assertThat(self.name()).isEqualTo("ci runner");
        assertThat(self.lastUsedAt()).isNotNull();

        VaultListResponse vaults = api.get("/api/v1/vaults", m.token).as(VaultListResponse.class);
        assertThat(vaults.vaults())
                .extracting(v -> v.vaultId() + ":" + v.permission())
                .containsExactlyInAnyOrder(s.writable() + ":write", s.readable() + ":read");
        VaultKeysResponse keys =
                api.get("/api/v1/vaults/" + s.readable() + "/keys", m.token)
                        .as(VaultKeysResponse.class);
        assertThat(keys.wraps()).hasSize(1);
        String r = "/api/v1/vaults/" + s.readable();
        assertThat(api.get(r + "/items/" + s.item(), m.token).as(ItemResponse.class).revision())
                .isEqualTo(1);
        assertThat(api.get(r + "/items/" + s.item() + "/history", m.token).status()).isEqualTo(200);
        assertThat(api.get(r + "/changes", m.token).as(ChangesResponse.class).items()).hasSize(1);
        assertThat(api.get(r + "/head", m.token).status()).isEqualTo(404); // none signed yet
        LogEntriesResponse log =
                api.get("/api/v1/teams/" + s.team().id + "/log", m.token)
                        .as(LogEntriesResponse.class);
        assertThat(log.headSeq()).isEqualTo(s.team().seq());

        UUID own = UUID.randomUUID();
        ItemResponse created =
                TestTeam.created(TestTeam.createItem(api, m.identity(), s.writable(), own, 1));
        assertThat(created.authorId()).isEqualTo(m.id);
        Api.Response updated =
                TestTeam.updateItem(api, m.identity(), s.writable(), own, 1, 1, false);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Api.Response deleted =
                TestTeam.updateItem(api, m.identity(), s.writable(), own, 2, 1, true);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        Api.Response head =
                api.put(
                        "/api/v1/vaults/" + s.writable() + "/head",
                        m.token,
                        new VaultHeadRequest(1L, 1, Randoms.bytes(32), 0, 0L, Randoms.bytes(64)));
        assertThat(head.status()).as(head.body()).isEqualTo(200);

        // a read-only grant refuses writes; an ungranted vault does not exist
        assertThat(
                        TestTeam.updateItem(api, m.identity(), s.readable(), s.item(), 1, 1, false)
                                .errorCode())
                .isEqualTo("forbidden");
        assertThat(TestTeam.createItem(api, m.identity(), s.readable(), UUID.randomUUID(), 1))
                .satisfies(x -> assertThat(x.status()).isEqualTo(403));
        assertThat(api.get("/api/v1/vaults/" + s.hidden(), m.token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/vaults/" + s.hidden() + "/keys", m.token).status())
                .isEqualTo(404);

        List<ChainedEvent> mine = new ArrayList<>();
        server.server()
                .audit()
                .forEach(
                        e -> {
                            if ("machine".equals(e.actorKind())
                                    && m.id.toString().equals(e.actorId())) {
                                mine.add(e);
                            }
                        });
        assertThat(mine)
                .extracting(ChainedEvent::action)
                .contains(
                        "machine.request",
                        "vault.keys_read",
                        "item.read",
                        "item.create",
                        "item.update",
                        "item.delete",
                        "vault.head_write",
                        "vault.sync");
        assertThat(mine).allSatisfy(e -> assertThat(e.teamId()).isEqualTo(s.team().id.toString()));
        assertThat(mine).anySatisfy(e -> assertThat(e.result()).isEqualTo("denied"));
        assertThat(server.server().audit().verify().ok()).isTrue();
    }

    @Test
    void aMachineCannotUseAnyOtherEndpoint() {
        TestMachine m = new TestMachine();
        Setup s = setup(m);
        String t = "/api/v1/teams/" + s.team().id;
        String i = "/api/v1/vaults/" + s.writable() + "/items/" + s.item();
        String[][] forbidden = {
            {"GET", "/api/v1/account"},
            {"GET", "/api/v1/sessions"},
            {"POST", "/api/v1/logout"},
            {"DELETE", "/api/v1/sessions/" + UUID.randomUUID()},
            {"POST", "/api/v1/account/password"},
            {"POST", "/api/v1/account/delete"},
            {"GET", "/api/v1/directory/accounts?email=a@b.c"},
            {"GET", "/api/v1/directory/accounts/" + s.alice().id},
            {"GET", "/api/v1/teams"},
            {"POST", "/api/v1/teams"},
            {"POST", t + "/log"},
            {"GET", t + "/machines"},
            {"POST", t + "/machines"},
            {"POST", t + "/machines/" + m.id + "/revoke"},
            {"PUT", t + "/machines/" + m.id + "/secret"},
            {"GET", t + "/audit"},
            {"GET", t + "/audit/export"},
            {"GET", t + "/audit/verify"},
            {"PUT", "/api/v1/vaults/" + s.writable() + "/metadata"},
            {"POST", i + "/restore"},
        };
        List<String> before = server.snapshot();
        for (String[] f : forbidden) {
            Api.Response r =
                    api.send(
                            f[0],
                            f[1],
                            m.token,
                            f[0].equals("GET") || f[0].equals("DELETE") ? null : "{}",
                            f[0].equals("GET") || f[0].equals("DELETE")
                                    ? null
                                    : "application/json");
            assertThat(r.status()).as(f[0] + " " + f[1] + " -> " + r.body()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("forbidden");
        }
        assertThat(server.snapshot()).isEqualTo(before);
        // and an account cannot pose as a machine
        assertThat(api.get("/api/v1/machine", s.alice().token).status()).isEqualTo(403);
    }

    @Test
    void revocationExpiryAndRotationEndTheTokenAtOnce() {
        TestMachine m = new TestMachine();
        Setup s = setup(m);
        String old = m.token;
        Api.Response rotated = m.rotate(api, s.team(), s.alice());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/machine", old).errorCode()).isEqualTo("unauthenticated");
        assertThat(api.get("/api/v1/machine", m.token).status()).isEqualTo(200);

        // a wrong secret for a real id, a malformed credential, another scheme
        byte[] wrong = Randoms.bytes(32);
        assertThat(api.get("/api/v1/vaults", MachineTokens.header(m.id, wrong)).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/vaults", "Machine " + m.id).errorCode())
                .isEqualTo("unauthenticated");

        // expiry: the row's expiry (from the signed entry) is moved into the past
        TestMachine expiring = new TestMachine();
        expiring.create(api, s.team(), s.alice(), System.currentTimeMillis() + 3_600_000);
        assertThat(api.get("/api/v1/machine", expiring.token).status()).isEqualTo(200);
        server.db()
                .writeRaw(
                        c -> {
                            try (var ps =
                                    c.prepareStatement(
                                            "UPDATE machine_accounts SET expires_at = 1 WHERE id"
                                                    + " = ?")) {
                                ps.setString(1, expiring.id.toString());
                                return ps.executeUpdate();
                            }
                        });
        Api.Response expired = api.get("/api/v1/vaults", expiring.token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo(MachineTokens.TOKEN_EXPIRED);

        Api.Response revoked = m.revoke(s.team(), s.alice());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.as(MachineSummary.class).revokedAt()).isNotNull();
        Api.Response after = api.get("/api/v1/vaults/" + s.readable(), m.token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo(MachineTokens.TOKEN_REVOKED);
        assertThat(m.rotate(api, s.team(), s.alice()).status()).isEqualTo(409);

        MachineListResponse list =
                api.get("/api/v1/teams/" + s.team().id + "/machines", s.alice().token)
                        .as(MachineListResponse.class);
        assertThat(list.machines())
                .extracting(MachineSummary::machineId)
                .containsExactly(m.id, expiring.id);
    }

    @Test
    void revokingAGrantOrRemovingTheMachineThroughTheLogEndsAccess() {
        TestMachine m = new TestMachine();
        Setup s = setup(m);
        String r = "/api/v1/vaults/" + s.readable() + "/items/" + s.item();
        assertThat(api.get(r, m.token).status()).isEqualTo(200);
        s.team()
                .ok(
                        s.team()
                                .append(
                                        s.alice(),
                                        new LogAction.RevokeVault(
                                                s.readable().toString(), m.id.toString()),
                                        null,
                                        List.of()));
        assertThat(api.get(r, m.token).status()).isEqualTo(404);
        s.team()
                .ok(
                        s.team()
                                .append(
                                        s.alice(),
                                        new LogAction.RemoveMachine(m.id.toString()),
                                        null,
                                        List.of()));
        assertThat(api.get("/api/v1/vaults", m.token).errorCode())
                .isEqualTo(MachineTokens.TOKEN_REVOKED);
    }

    @Test
    void onlyOwnersAndAdminsManageMachines() {
        TestMachine m = new TestMachine();
        Setup s = setup(m);
        TestUser bob = new TestUser("bob").register(api).login(api);
        s.team().addMember(s.alice(), bob, Role.MEMBER);
        String t = "/api/v1/teams/" + s.team().id + "/machines";
        assertThat(api.get(t, bob.token).status()).isEqualTo(403);
        TestUser carol = new TestUser("carol").register(api).login(api);
        assertThat(api.get(t, carol.token).status()).isEqualTo(404);
        s.team().addMember(s.alice(), carol, Role.ADMIN);
        assertThat(api.get(t, carol.token).status()).isEqualTo(200);
        TestMachine second = new TestMachine();
        assertThat(second.create(api, s.team(), carol, null).createdBy()).isEqualTo(carol.id);
    }
}
