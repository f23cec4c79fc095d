package dev.strongroom.client.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.MachineSummary;
import dev.strongroom.model.wire.VaultKeysResponse;
import dev.strongroom.model.wire.VaultListResponse;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating a machine account against a real server: the token it returns works at once for exactly
 * the granted vaults, the wrapped vault key opens with the token's private key, another member's
 * client verifies the machine and its grants from the log, and bad requests are refused before
 * anything is stored.
 */
class MachineCreateTest {

    @TempDir Path dir;

    @Test
    void aMachineReadsItsTeamsSealedNameAndFollowsARename() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice")) {
                String team = alice.teams.createTeam("Platform");
                String prod = alice.vaults.createVault(team, "prod").vaultId();
                MachineService machines = new MachineService(alice.engine, alice.teams);
                try (MachineToken token =
                        machines.create(team, "ci", Map.of(prod, Permission.READ), null)) {
                    dev.strongroom.client.api.ApiTransport transport =
                            dev.strongroom.client.api.ServerApi.connect(endpoint).transport();
                    try (dev.strongroom.client.automation.headless.MachineSession s =
                            dev.strongroom.client.automation.headless.MachineSession.open(
                                    transport, token, java.time.Clock.systemUTC())) {
                        assertThat(s.teamName()).isEqualTo("Platform");
                    }
                    alice.teams.rename(team, "Platform Ops");
                    try (dev.strongroom.client.automation.headless.MachineSession s =
                            dev.strongroom.client.automation.headless.MachineSession.open(
                                    transport, token, java.time.Clock.systemUTC())) {
                        assertThat(s.teamName()).isEqualTo("Platform Ops");
                    }
                }
            }
        }
    }

    @Test
    void aCreatedMachineHoldsExactlyItsGrantsAndOtherClientsVerifyThem() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob")) {
                String team = alice.teams.createTeam("Platform");
                String prod = alice.vaults.createVault(team, "prod").vaultId();
                String staging = alice.vaults.createVault(team, "staging").vaultId();
                String hidden = alice.vaults.createVault(team, "hidden").vaultId();
                alice.vaults.add(prod, TeamFixture.apiKey("db", "s1"));
                alice.teams.verify(bob.email, bob.teams.myFingerprint().digits());
                alice.teams.addMember(team, bob.email, Role.MEMBER);
                TeamFixture.join(bob, alice, team);
                MachineService machines = new MachineService(alice.engine, alice.teams);

                Instant expiry = Instant.now().plus(Duration.ofDays(30));
                Map<String, Permission> grants = new LinkedHashMap<>();
                grants.put(prod, Permission.READ);
                grants.put(staging, Permission.WRITE);
                char[] text;
                String machineId;
                try (MachineToken created = machines.create(team, "ci runner", grants, expiry)) {
                    text = created.toChars();
                    machineId = created.machineId().toString();
                    assertThat(created.toString()).doesNotContain(new String(text));
                }
                assertThat(new String(text, 0, 5)).isEqualTo(MachineToken.PREFIX);

                MachineRequests as = new MachineRequests(endpoint);
                try (MachineToken token = MachineToken.parse(text)) {
                    Arrays.fill(text, '\0');
                    assertThat(token.teamId().toString()).isEqualTo(team);
                    MachineSummary self = as.get(token, "/api/v1/machine").as(MachineSummary.class);
                    assertThat(self.machineId().toString()).isEqualTo(machineId);
                    assertThat(self.name()).isEqualTo("ci runner");
                    assertThat(self.createdBy().toString()).isEqualTo(alice.id);
                    assertThat(self.expiresAt()).isEqualTo(expiry.toEpochMilli());
                    assertThat(as.get(token, "/api/v1/vaults").as(VaultListResponse.class).vaults())
                            .extracting(v -> v.vaultId() + ":" + v.permission())
                            .containsExactlyInAnyOrder(prod + ":read", staging + ":write");
                    assertThat(as.get(token, "/api/v1/vaults/" + hidden).status()).isEqualTo(404);

                    // the wrap the machine is served opens with the token's private key only,
                    // to alice's vault key
                    VaultKeysResponse keys =
                            as.get(token, "/api/v1/vaults/" + prod + "/keys")
                                    .as(VaultKeysResponse.class);
                    assertThat(keys.wraps()).hasSize(1);
                    try (IdentityKeys identity = token.identity();
                            VaultKey opened =
                                    VaultKeyWrap.open(
                                            keys.wraps().get(0).wrap(),
                                            new VaultKeyWrap.Binding(
                                                    team,
                                                    prod,
                                                    1,
                                                    machineId,
                                                    identity.encryptionPublicKey()),
                                            identity.encryptionPrivateKey(),
                                            alice.session.publicBundle().encryptionKey())) {
                        assertThat(opened.copyBytes())
                                .isEqualTo(alice.engine.vaultKey(prod, 1).copyBytes());
                    }
                }

                // bob's client verified the add_machine and grant entries from the log
                bob.engine.pull();
                TeamState seen = bob.engine.team(team).orElseThrow();
                assertThat(seen.machines()).containsKey(machineId);
                assertThat(seen.machines().get(machineId).expiresAt())
                        .isEqualTo(expiry.toEpochMilli());
                assertThat(seen.machines().get(machineId).bundle().email())
                        .isEqualTo("machine:ci runner");
                assertThat(seen.permission(prod, machineId)).contains(Permission.READ);
                assertThat(seen.permission(staging, machineId)).contains(Permission.WRITE);
                assertThat(seen.permission(hidden, machineId)).isEmpty();

                List<MachineInfo> listed = machines.list(team);
                assertThat(listed).hasSize(1);
                MachineInfo info = listed.get(0);
                assertThat(info.machineId()).isEqualTo(machineId);
                assertThat(info.name()).isEqualTo("ci runner");
                assertThat(info.grants())
                        .containsExactlyInAnyOrderEntriesOf(
                                Map.of(prod, Permission.READ, staging, Permission.WRITE));
                assertThat(info.status(System.currentTimeMillis()))
                        .isEqualTo(MachineInfo.Status.ACTIVE);
                assertThat(info.createdBy()).isEqualTo(alice.id);
                assertThat(machines.find(team, "ci runner").machineId()).isEqualTo(machineId);
            }
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsStored() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob")) {
                String team = alice.teams.createTeam("Platform");
                String prod = alice.vaults.createVault(team, "prod").vaultId();
                alice.teams.verify(bob.email, bob.teams.myFingerprint().digits());
                alice.teams.addMember(team, bob.email, Role.MEMBER);
                TeamFixture.join(bob, alice, team);
                alice.teams.grant(prod, bob.id, Permission.WRITE);
                MachineService machines = new MachineService(alice.engine, alice.teams);
                alice.engine.pull();
                long seq = alice.engine.logSeq(team);
                Map<String, Permission> ok = Map.of(prod, Permission.READ);
                Instant later = Instant.now().plusSeconds(3600);

                assertRefused(() -> machines.create(team, " ", ok, later), "characters");
                assertRefused(() -> machines.create(team, "a\nb", ok, later), "characters");
                assertRefused(() -> machines.create(team, "x".repeat(101), ok, later), "1 to 100");
                assertRefused(() -> machines.create(team, "ci", Map.of(), later), "at least one");
                assertRefused(
                        () ->
                                machines.create(
                                        team,
                                        "ci",
                                        Map.of(
                                                "00000000-0000-4000-8000-000000000000",
                                                Permission.READ),
                                        later),
                        "not one of this team's vaults");
                assertRefused(
                        () -> machines.create(team, "ci", ok, Instant.now().minusSeconds(1)),
                        "future");
                MachineService asMember = new MachineService(bob.engine, bob.teams);
                bob.engine.pull();
                assertRefused(() -> asMember.create(team, "ci", ok, null), "owners and admins");
                assertThatThrownBy(() -> machines.create("no-such-team", "ci", ok, null))
                        .isInstanceOf(IllegalArgumentException.class);

                alice.engine.pull();
                assertThat(alice.engine.logSeq(team)).isEqualTo(seq);
                assertThat(machines.list(team)).isEmpty();
            }
        }
    }

    private static void assertRefused(Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(MachineException.class)
                .hasMessageContaining(message);
    }

    private Device device(ServerEndpoint endpoint, String name) {
        String email = TeamFixture.register(endpoint, name);
        return new Device(endpoint, email, dir.resolve(name));
    }
}
