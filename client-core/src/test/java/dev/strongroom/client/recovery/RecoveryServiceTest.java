package dev.strongroom.client.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ApiException;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole break-glass flow through the server's recovery endpoints: setup over five verified
 * approvers (M = 3, owner veto on), a vault request that two approvals leave withheld and a third
 * releases, the requester reading exactly that vault; forgotten-password recovery after which the
 * member logs in with the new password and reads their items; a re-key that rotates the opened
 * vault and leaves a removed approver's paper share useless; every step in the audit log.
 */
class RecoveryServiceTest {

    @TempDir Path dir;

    @Test
    void setupRequestApproveCombineResetAndRekeyOverTheServer() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            Device carol = w.approvers.get(1);
            w.owner.teams.grant(w.staging, carol.id, Permission.READ);
            RecoveryService owner = service(w.owner);
            List<String> ids = w.approvers.stream().map(d -> d.id).toList();
            assertThat(owner.setup(w.team, ids, 3, 0, true)).isEqualTo(1);
            RecoveryStatus status = owner.status(w.team);
            assertThat(status.threshold()).isEqualTo(3);
            assertThat(status.sharesStored()).isTrue();
            assertThat(status.vaultsNotCovered()).isEmpty();
            // a vault created later is wrapped to the recovery key too
            String later = w.owner.vaults.createVault(w.team, "later").vaultId();
            assertThat(owner.status(w.team).vaultsNotCovered()).doesNotContain(later);

            // a vault request: two approvals release nothing, the third releases exactly prod
            BreakGlass zed = breakGlass(w.requester, "zed");
            String req =
                    zed.request(w.team, new RecoveryScope(RecoveryScope.VAULT, w.prod), "db down");
            BreakGlass bob = breakGlass(w.approvers.get(0), "bob");
            assertThat(bob.pending(w.team))
                    .singleElement()
                    .satisfies(p -> assertThat(p.reason()).isEqualTo("db down"));
            bob.approve(w.team, req);
            breakGlass(w.approvers.get(2), "dave").approve(w.team, req);
            assertThatThrownBy(() -> zed.combine(w.team, req)).isInstanceOf(ApiException.class);
            breakGlass(w.approvers.get(3), "erin").approve(w.team, req);
            List<OpenedVault> opened = zed.combine(w.team, req);
            assertThat(opened)
                    .singleElement()
                    .satisfies(v -> assertThat(v.vaultId()).isEqualTo(w.prod));
            assertThat(RecoveryFlowTest.secrets(opened.get(0)))
                    .containsExactly("prod-db-secret", "prod-deploy-secret");
            opened.forEach(OpenedVault::close);
            // zed, a plain member without access, read the items through the released scope and
            // holds no standing grant on the vault afterwards (gap 2)
            w.requester.engine.pull();
            assertThat(w.requester.vaults.listVaults())
                    .extracting(v -> v.vaultId())
                    .doesNotContain(w.prod);

            // forgotten password: carol enrolled; three approvals; she logs in with a new one
            service(carol).enrol(w.team);
            BreakGlass alice = breakGlass(w.owner, "alice");
            String accountReq =
                    alice.request(
                            w.team,
                            new RecoveryScope(RecoveryScope.ACCOUNT, carol.id),
                            "carol forgot");
            for (int i : new int[] {0, 3, 4}) {
                breakGlass(w.approvers.get(i), "a" + i).approve(w.team, accountReq);
            }
            char[] fresh = "carol's brand new passphrase".toCharArray();
            alice.resetAccount(w.team, accountReq, fresh.clone(), new Argon2idParams(19456, 2, 1));
            assertThatThrownBy(
                            () ->
                                    new AccountService(KdfPinStore.inMemory())
                                            .login(
                                                    ServerApi.connect(endpoint),
                                                    carol.email,
                                                    "correct horse battery staple".toCharArray(),
                                                    "old"))
                    .isInstanceOf(RuntimeException.class);
            assertThat(stagingSecretAfterLogin(endpoint, carol, fresh, w.team))
                    .isEqualTo("staging-ci-secret");

            // the paper share bob holds now, before bob leaves the approvers
            char[] bobWords = service(w.approvers.get(0)).exportShare(w.team);
            RekeyReport rekey = alice.rekey(w.team, ids.subList(1, 5), 3);
            assertThat(rekey.policyVersion()).isEqualTo(2);
            assertThat(rekey.rotated()).containsExactly(w.prod);
            RecoveryLog log = owner.log(w.team);
            assertThat(log.state().vaults().get(w.prod).keyVersion()).isEqualTo(2);
            assertThat(owner.status(w.team).vaultsNotCovered()).isEmpty();
            List<Slip39Share> old = new ArrayList<>();
            old.add(PaperShares.parse(bobWords));
            assertThatThrownBy(() -> service(w.approvers.get(0)).exportShare(w.team))
                    .isInstanceOf(RecoveryException.class);
            // (carol's sessions ended with her reset; dave and erin hold shares of the new key)
            old.add(PaperShares.parse(service(w.approvers.get(2)).exportShare(w.team)));
            old.add(PaperShares.parse(service(w.approvers.get(3)).exportShare(w.team)));
            assertThatThrownBy(() -> PaperShares.combine(old, log.recoveryPublicKey()))
                    .isInstanceOf(RecoveryException.class);

            List<String> actions = new ArrayList<>();
            server.audit()
                    .forEach(
                            e -> {
                                if (w.team.equals(e.teamId())) {
                                    actions.add(e.action());
                                }
                            });
            assertThat(actions)
                    .contains(
                            "recovery.policy_set",
                            "recovery.request_open",
                            "recovery.approve",
                            "recovery.release",
                            "recovery.enroll",
                            "recovery.account_reset");
        }
    }

    private static String stagingSecretAfterLogin(
            ServerEndpoint endpoint, Device d, char[] pw, String team) {
        UnlockedSession s =
                new AccountService(KdfPinStore.inMemory())
                        .login(ServerApi.connect(endpoint), d.email, pw, "new-device");
        Path cacheFile = d.cache.file().resolveSibling("after-reset.db");
        try (s;
                CacheKey key = SyncEngine.cacheKey(s);
                LocalCache cache =
                        LocalCache.open(
                                cacheFile, key, new CacheProfile(s.accountId().toString(), "t"));
                SyncEngine engine = new SyncEngine(s, cache)) {
            // a new device: it joins the team again, as its owner checked who added them (gap 3)
            engine.joins().join(team, d.engine.team(team).orElseThrow().genesisHash(), "joined");
            VaultService vaults = new VaultService(engine);
            vaults.sync();
            String vaultId = vaults.listVaults().get(0).vaultId();
            ItemView item = vaults.list(vaultId).get(0);
            try (item) {
                return new String(((ApiKey) item.content().data()).key().chars());
            }
        }
    }

    private static RecoveryService service(Device d) {
        return new RecoveryService(d.vaults, d.engine, d.teams);
    }

    private BreakGlass breakGlass(Device d, String name) {
        return new BreakGlass(service(d), d.engine, dir.resolve("state-" + d.id));
    }
}
