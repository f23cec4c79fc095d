package dev.strongroom.client.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.team.RemovalReport;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.MachineTokens;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating a machine's token kills the old secret at once and keeps its keys; revoking it stops its
 * next request, rotates the keys of the vaults it held (or leaves them pending where the admin
 * cannot write) and reports what it could read, and every other client verifies the change.
 */
class MachineRevokeTest {

    @TempDir Path dir;

    @Test
    void rotationKillsTheOldSecretAndRevocationRotatesKeysAndReportsExposure() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob")) {
                String team = alice.teams.createTeam("Platform");
                String prod = alice.vaults.createVault(team, "prod").vaultId();
                String db = alice.vaults.add(prod, TeamFixture.apiKey("db", "s1"));
                alice.teams.verify(bob.email, bob.teams.myFingerprint().digits());
                alice.teams.addMember(team, bob.email, Role.MEMBER);
                TeamFixture.join(bob, alice, team);
                alice.teams.grant(prod, bob.id, Permission.READ);
                MachineService machines = new MachineService(alice.engine, alice.teams);
                MachineRequests as = new MachineRequests(endpoint);

                try (MachineToken first =
                                machines.create(
                                        team, "deploy", Map.of(prod, Permission.READ), null);
                        MachineToken other =
                                machines.create(
                                        team, "other", Map.of(prod, Permission.READ), null)) {
                    String id = first.machineId().toString();
                    assertThat(as.get(first, "/api/v1/machine").status()).isEqualTo(200);

                    // rotation: new secret, same keys; the old secret is refused at once
                    try (MachineToken second = machines.rotateToken(team, first)) {
                        assertThat(second.machineId()).isEqualTo(first.machineId());
                        assertThat(second.secret()).isNotEqualTo(first.secret());
                        assertThat(second.identity().encryptionPublicKey())
                                .isEqualTo(first.identity().encryptionPublicKey());
                        MachineRequests.Reply old = as.get(first, "/api/v1/vaults");
                        assertThat(old.status()).isEqualTo(401);
                        assertThat(old.errorCode()).isEqualTo("unauthenticated");
                        assertThat(as.get(second, "/api/v1/vaults").status()).isEqualTo(200);

                        // a token whose keys are not this machine's is refused before any call
                        try (MachineToken mixed =
                                MachineToken.of(
                                        first.teamId(),
                                        first.genesisHash(),
                                        first.machineId(),
                                        other.secret(),
                                        other.identity())) {
                            assertThatThrownBy(() -> machines.rotateToken(team, mixed))
                                    .isInstanceOf(MachineException.class)
                                    .hasMessageContaining("keys");
                        }
                        assertThat(as.get(second, "/api/v1/vaults").status()).isEqualTo(200);

                        // revocation: the next request fails; the vault key is rotated
                        RemovalReport report = machines.revoke(team, id);
                        MachineRequests.Reply after = as.get(second, "/api/v1/vaults");
                        assertThat(after.status()).isEqualTo(401);
                        assertThat(after.errorCode()).isEqualTo(MachineTokens.TOKEN_REVOKED);
                        assertThat(report.memberId()).isEqualTo(id);
                        assertThat(report.rotatedVaults()).containsExactly(prod);
                        assertThat(report.rotationPending()).isEmpty();
                        assertThat(report.exposure())
                                .extracting(
                                        ExposureFinding::itemId,
                                        ExposureFinding::principalEmail,
                                        ExposureFinding::revisions,
                                        ExposureFinding::status)
                                .containsExactly(
                                        tuple(
                                                db,
                                                "machine:deploy",
                                                List.of(1L),
                                                ExposureFinding.Status.MUST_ROTATE));
                        assertThatThrownBy(() -> machines.rotateToken(team, second))
                                .isInstanceOf(MachineException.class);
                    }
                    assertThat(alice.vaults.vault(prod).keyVersion()).isEqualTo(2);
                    assertThat(as.get(other, "/api/v1/vaults/" + prod + "/keys").body())
                            .contains("\"keyVersion\":2");

                    // the list shows it revoked; find by name still resolves to it
                    MachineInfo revoked = machines.find(team, "deploy");
                    assertThat(revoked.machineId()).isEqualTo(id);
                    assertThat(revoked.status(System.currentTimeMillis()))
                            .isEqualTo(MachineInfo.Status.REVOKED);
                    assertThat(revoked.grants()).isEmpty();
                    assertThat(revoked.revokedAt()).isNotNull();
                    assertThatThrownBy(() -> machines.revoke(team, id))
                            .isInstanceOf(IllegalArgumentException.class);

                    // bob's client verifies the removal and the rotation, and reads on
                    bob.engine.pull();
                    assertThat(bob.engine.team(team).orElseThrow().machines())
                            .containsOnlyKeys(other.machineId().toString());
                    assertThat(bob.engine.team(team).orElseThrow().permission(prod, id)).isEmpty();
                    assertThat(bob.vaults.vault(prod).keyVersion()).isEqualTo(2);
                    assertThat(bob.vaults.get(prod, db)).isPresent();
                }
            }
        }
    }

    /** An admin who cannot write a revoked machine's vault leaves that rotation to a writer. */
    @Test
    void anAdminWithoutWriteAccessLeavesTheRotationPending() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device carol = device(endpoint, "carol")) {
                String team = alice.teams.createTeam("Platform");
                String prod = alice.vaults.createVault(team, "prod").vaultId();
                alice.vaults.add(prod, TeamFixture.apiKey("db", "s1"));
                alice.teams.verify(carol.email, carol.teams.myFingerprint().digits());
                alice.teams.addMember(team, carol.email, Role.ADMIN);
                TeamFixture.join(carol, alice, team);
                alice.teams.grant(prod, carol.id, Permission.READ);
                carol.engine.pull();
                MachineService byCarol = new MachineService(carol.engine, carol.teams);
                try (MachineToken token =
                        byCarol.create(team, "ci", Map.of(prod, Permission.READ), null)) {
                    RemovalReport report = byCarol.revoke(team, token.machineId().toString());
                    assertThat(report.rotatedVaults()).isEmpty();
                    assertThat(report.rotationPending()).containsExactly(prod);
                    assertThat(report.exposure()).hasSize(1);
                    alice.engine.pull();
                    assertThat(
                                    alice.engine
                                            .team(team)
                                            .orElseThrow()
                                            .vaults()
                                            .get(prod)
                                            .rotationDue())
                            .isTrue();
                }
            }
        }
    }

    private Device device(ServerEndpoint endpoint, String name) {
        String email = TeamFixture.register(endpoint, name);
        return new Device(endpoint, email, dir.resolve(name));
    }
}
