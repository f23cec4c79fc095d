package dev.strongroom.client.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ApiException;
import dev.strongroom.client.api.ForbiddenException;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.exposure.ExposureFinding.Status;
import dev.strongroom.client.exposure.ExposureReport;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.rotation.RotationFinding;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.ReadOnlyVaultException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.vaults.VaultStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three accounts, one team, two vaults with different permissions, against a real server: reads and
 * writes follow the grants, a read-only member's write is refused by the server and by every other
 * client, and a removal rotates the keys, locks the removed member out of what is written later and
 * reports exactly what they could read.
 */
class TeamSharingTest {

    @TempDir Path dir;

    private String team;
    private String prod;
    private String staging;
    private String db;
    private String deploy;
    private String ci;

    /**
     * Read vs write: the server refuses a read-only write; a server that stores it anyway is
     * caught.
     */
    @Test
    void grantsFollowTheLogAndAReadOnlyWriteIsRefusedByServerAndClients() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob");
                    Device carol = device(endpoint, "carol")) {
                shareTwoVaults(alice, bob, carol);

                // a read-only member's write: the client refuses it, and so does the server ...
                assertThatThrownBy(() -> carol.vaults.add(prod, TeamFixture.apiKey("x", "evil")))
                        .isInstanceOf(ReadOnlyVaultException.class);
                assertThat(carol.cache.outbox()).isEmpty();
                QueuedWrite forged =
                        QueuedWrite.seal(
                                carol.session.identity(),
                                carol.id,
                                team,
                                carol.engine.currentVaultKey(prod),
                                prod,
                                UUID.randomUUID().toString(),
                                1,
                                TeamFixture.apiKey("x", "evil").toBytes(),
                                carol.engine.logSeq(team));
                assertThatThrownBy(
                                () ->
                                        carol.engine
                                                .api()
                                                .createItem(
                                                        prod,
                                                        new CreateItemRequest(
                                                                UUID.fromString(forged.itemId()),
                                                                forged.keyVersion(),
                                                                forged.itemKeyWrap(),
                                                                forged.content(),
                                                                forged.signature(),
                                                                forged.logSeq())))
                        .isInstanceOf(ForbiddenException.class);
                // ... and a server that stored it anyway is caught by every other client
                long before = bob.engine.logSeq(team);
                server.database()
                        .write(
                                tx ->
                                        VaultStore.writeRevision(
                                                tx,
                                                UUID.fromString(prod),
                                                UUID.fromString(forged.itemId()),
                                                0,
                                                new VaultStore.Revision(
                                                        forged.keyVersion(),
                                                        forged.itemKeyWrap(),
                                                        forged.content(),
                                                        forged.signature(),
                                                        UUID.fromString(carol.id),
                                                        forged.logSeq(),
                                                        false),
                                                10,
                                                System.currentTimeMillis()));
                assertThatThrownBy(() -> bob.engine.pull())
                        .isInstanceOfSatisfying(
                                SecurityAlert.class,
                                a ->
                                        assertThat(a.code())
                                                .isEqualTo(SecurityAlertCode.UNAUTHORIZED_CHANGE));
                assertThat(bob.engine.logSeq(team)).isEqualTo(before);
                assertThat(bob.cache.item(prod, forged.itemId())).isEmpty();
                server.database()
                        .write(
                                tx ->
                                        tx.update(
                                                "DELETE FROM items WHERE id = ?",
                                                UUID.fromString(forged.itemId())));
            }
        }
    }

    /** Removal with rotation, lock-out of later writes, and the exact exposure report. */
    @Test
    void removalRotatesKeysLocksTheMemberOutAndReportsExactlyWhatTheyCouldRead() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob");
                    Device carol = device(endpoint, "carol")) {
                shareTwoVaults(alice, bob, carol);

                // removal: both vaults bob held are rotated; what he could read is reported
                RemovalReport report = alice.teams.remove(team, bob.id);
                assertThat(report.rotatedVaults()).containsExactlyInAnyOrder(prod, staging);
                assertThat(report.rotationPending()).isEmpty();
                assertThat(report.exposure())
                        .extracting(
                                ExposureFinding::vaultId,
                                ExposureFinding::itemId,
                                ExposureFinding::revisions,
                                ExposureFinding::status)
                        .containsExactlyInAnyOrder(
                                tuple(prod, db, List.of(1L), Status.MUST_ROTATE),
                                tuple(prod, deploy, List.of(1L, 2L), Status.MUST_ROTATE),
                                tuple(staging, ci, List.of(1L), Status.MUST_ROTATE));
                assertThat(report.exposure())
                        .allSatisfy(f -> assertThat(f.principalEmail()).isEqualTo(bob.email));
                assertThat(alice.vaults.vault(prod).keyVersion()).isEqualTo(2);
                assertThat(alice.teams.members(team))
                        .extracting(TeamMember::email)
                        .containsExactlyInAnyOrder(alice.email, carol.email);

                // everyone who remains reads on, old items and new ones
                String later = alice.vaults.add(prod, TeamFixture.apiKey("later", "s4"));
                carol.engine.pull();
                assertThat(secret(carol, prod, db)).isEqualTo("s1");
                assertThat(secret(carol, prod, later)).isEqualTo("s4");

                // bob: the server no longer serves him the vault, and the keys he held do not
                // open what was written after his removal
                assertThatThrownBy(() -> bob.engine.api().changes(prod, 0, 10))
                        .isInstanceOf(ApiException.class);
                CachedItem written = alice.cache.item(prod, later).orElseThrow();
                assertThat(written.revision().keyVersion()).isEqualTo(2);
                VaultKey held = bob.engine.vaultKey(prod, 1);
                assertThatThrownBy(() -> held.unwrapItemKey(written.wrappedItemKey(), prod, later))
                        .isInstanceOf(CryptoException.class);
                assertThatThrownBy(() -> bob.engine.vaultKey(prod, 2))
                        .isInstanceOf(IllegalStateException.class);

                // findings close when the secret changes or with a reason, not otherwise
                alice.vaults.edit(prod, db, TeamFixture.apiKey("db", "s1-rotated"));
                alice.vaults.edit(prod, deploy, TeamFixture.apiKey("deploy-renamed", "s2-bob"));
                var exposure = alice.teams.exposure();
                exposure.dismiss(staging + "/" + ci + "/" + bob.id, "revoked upstream");
                assertThatThrownBy(() -> exposure.dismiss(prod + "/" + deploy + "/" + bob.id, " "))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(exposure.findings(team))
                        .extracting(
                                ExposureFinding::itemId,
                                ExposureFinding::revisions,
                                ExposureFinding::status,
                                ExposureFinding::reason)
                        .containsExactlyInAnyOrder(
                                tuple(db, List.of(1L), Status.ROTATED, null),
                                tuple(deploy, List.of(1L, 2L), Status.MUST_ROTATE, null),
                                tuple(ci, List.of(1L), Status.DISMISSED, "revoked upstream"));
                // the rotation report lists what is still open, as EXPOSED, once per item
                assertThat(
                                ExposureReport.asRotationFindings(
                                        exposure.findings(),
                                        alice.vaults,
                                        java.time.Clock.systemUTC()))
                        .extracting(f -> f.subject().ref(), RotationFinding::kind)
                        .containsExactly(tuple(prod + "/" + deploy, RotationFinding.Kind.EXPOSED));
            }
        }
    }

    /**
     * A remover who cannot write a vault leaves its rotation pending (a writer must run it), and
     * the exposure report is exact all the same: every revision the removed writer could read.
     */
    @Test
    void aRemoverWithoutWriteAccessLeavesTheRotationPendingAndReportsExactExposure() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob");
                    Device carol = device(endpoint, "carol")) {
                String t = alice.teams.createTeam("Ops");
                alice.teams.verify(bob.email, bob.teams.myFingerprint().digits());
                alice.teams.addMember(t, bob.email, Role.MEMBER);
                alice.teams.verify(
                        carol.email,
                        carol.teams.myFingerprint().words().toString().replaceAll("[\\[\\],]", ""));
                alice.teams.addMember(t, carol.email, Role.ADMIN);
                TeamFixture.join(bob, alice, t);
                TeamFixture.join(carol, alice, t);
                carol.engine.pull();
                String ops = carol.vaults.createVault(t, "ops").vaultId();
                carol.teams.grant(ops, alice.id, Permission.READ);
                carol.teams.grant(ops, bob.id, Permission.WRITE);
                bob.vaults.sync();
                String a = bob.vaults.add(ops, TeamFixture.apiKey("a", "1"));
                String b = bob.vaults.add(ops, TeamFixture.apiKey("b", "2"));
                bob.vaults.edit(ops, b, TeamFixture.apiKey("b", "2b"));
                bob.vaults.delete(ops, a);
                String c = bob.vaults.add(ops, TeamFixture.apiKey("c", "3"));
                alice.engine.pull();

                RemovalReport report = alice.teams.remove(t, bob.id);
                assertThat(report.rotatedVaults()).isEmpty();
                assertThat(report.rotationPending()).containsExactly(ops);
                assertThat(report.exposure())
                        .extracting(
                                ExposureFinding::itemId,
                                ExposureFinding::revisions,
                                ExposureFinding::status)
                        .containsExactlyInAnyOrder(
                                tuple(a, List.of(1L), Status.MUST_ROTATE),
                                tuple(b, List.of(1L, 2L), Status.MUST_ROTATE),
                                tuple(c, List.of(1L), Status.MUST_ROTATE));
                assertThat(alice.engine.team(t).orElseThrow().vaults().get(ops).rotationDue())
                        .isTrue();
                assertThat(carol.teams.exposure().findings(t)).isEmpty(); // not pulled yet
                carol.engine.pull();
                assertThat(carol.teams.exposure().findings(t))
                        .extracting(ExposureFinding::itemId)
                        .containsExactlyInAnyOrder(a, b, c);
            }
        }
    }

    private static String secret(Device d, String vaultId, String itemId) {
        try (ItemView v = d.vaults.get(vaultId, itemId).orElseThrow()) {
            return new String(((ApiKey) v.content().data()).key().chars());
        }
    }

    private Device device(ServerEndpoint endpoint, String name) {
        String email = TeamFixture.register(endpoint, name);
        return new Device(endpoint, email, dir.resolve(name));
    }

    /**
     * Team Platform: bob writes prod and reads staging, carol reads prod; three items, one edited
     * by bob; checked from each side.
     */
    private void shareTwoVaults(Device alice, Device bob, Device carol) {
        team = alice.teams.createTeam("Platform");
        prod = alice.vaults.createVault(team, "prod").vaultId();
        staging = alice.vaults.createVault(team, "staging").vaultId();
        for (Device d : List.of(bob, carol)) {
            alice.teams.verify(d.email, d.teams.myFingerprint().digits());
            alice.teams.addMember(team, d.email, Role.MEMBER);
            TeamFixture.join(d, alice, team);
        }
        alice.teams.grant(prod, bob.id, Permission.WRITE);
        alice.teams.grant(staging, bob.id, Permission.READ);
        alice.teams.grant(prod, carol.id, Permission.READ);
        alice.engine.pull();
        assertThat(alice.teams.vaultMembers(prod))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                alice.id, Permission.WRITE,
                                bob.id, Permission.WRITE,
                                carol.id, Permission.READ));

        db = alice.vaults.add(prod, TeamFixture.apiKey("db", "s1"));
        deploy = alice.vaults.add(prod, TeamFixture.apiKey("deploy", "s2"));
        ci = alice.vaults.add(staging, TeamFixture.apiKey("ci", "s3"));
        bob.vaults.sync();
        bob.vaults.edit(prod, deploy, TeamFixture.apiKey("deploy", "s2-bob"));
        assertThat(secret(bob, staging, ci)).isEqualTo("s3");
        carol.vaults.sync();
        assertThat(secret(carol, prod, deploy)).isEqualTo("s2-bob");
        assertThat(carol.vaults.listVaults()).hasSize(1);
    }
}
