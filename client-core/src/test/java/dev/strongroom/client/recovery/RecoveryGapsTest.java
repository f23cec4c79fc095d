package dev.strongroom.client.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.ApiException;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.recovery.SealedShares;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryOldWraps;
import dev.strongroom.model.recovery.RecoveryOldWrapsBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.model.wire.RecoveryVaultWraps;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's closing gaps over a real server: key versions from before the policy are wrapped to the
 * recovery key (with a signed announcement) and later ones by every rotation, so a revision still
 * under key version 1 opens after a combine; a plain member reads the released vault's items
 * through the released scope; the requester cannot approve their own request (client and server);
 * every member's status shows that the recovery key was used until the team re-keys; members
 * enrolled for account recovery are queued to enrol again after a re-split.
 */
class RecoveryGapsTest {

    @TempDir Path dir;

    @Test
    void everyKeyVersionOpensAndTheTeamIsToldUntilItReKeys() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            // a revision written under prod's key version 1, then a rotation before any policy
            ItemResponse underV1 = firstItem(w.owner, w.prod);
            assertThat(underV1.keyVersion()).isEqualTo(1);
            w.owner.engine.rotateVaultKey(w.prod);
            RecoveryService owner = service(w.owner);
            List<String> ids = w.approvers.stream().map(d -> d.id).toList();
            owner.setup(w.team, ids, 3, 0, false);
            // a rotation after setup is wrapped to the recovery key too (future versions)
            w.owner.engine.rotateVaultKey(w.staging);
            RecoveryStatus before = owner.status(w.team);
            assertThat(before.vaultsNotCovered()).isEmpty();
            assertThat(before.recoveryKeyUsed()).isEmpty();
            RecoveryLog announced = owner.log(w.team).withOldWraps(owner.api().oldWraps(w.team));
            assertThat(announced.wrap(w.prod, 1)).isPresent();
            assertThat(announced.wrap(w.staging, 2)).isPresent();

            // self-approval: bob (an approver) asks; his client refuses, and so does the server
            BreakGlass bob = breakGlass(w.approvers.get(0));
            String own =
                    bob.request(w.team, new RecoveryScope(RecoveryScope.VAULT, w.staging), "mine");
            assertThatThrownBy(() -> bob.approve(w.team, own))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("your own request");
            assertThatThrownBy(() -> forgedSelfApproval(w, w.approvers.get(0), own))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("own request");

            // zed, a plain member, asks for prod; three others approve
            BreakGlass zed = breakGlass(w.requester);
            String req =
                    zed.request(w.team, new RecoveryScope(RecoveryScope.VAULT, w.prod), "db down");
            for (int i : new int[] {1, 2, 3}) {
                breakGlass(w.approvers.get(i)).approve(w.team, req);
            }
            // the team is told: every member's status names the use
            RecoveryStatus seen = service(w.approvers.get(4)).status(w.team);
            assertThat(seen.rekeyNeeded()).isTrue();
            assertThat(seen.recoveryKeyUsed())
                    .singleElement()
                    .satisfies(
                            u -> {
                                assertThat(u.requestId()).isEqualTo(req);
                                assertThat(u.requesterEmail()).isEqualTo(w.requester.email);
                            });

            // the released key version 1 opens the old revision (announced, checked, opened)
            RecoveryService zedService = service(w.requester);
            RecoveryReleaseResponse release = zedService.api().release(w.team, req);
            try (RecoveryKey key = combined(w, zedService, release, req)) {
                VaultMaterial old = material(release, w.prod, List.of(underV1));
                RecoveryLog plain = zedService.log(w.team);
                assertThatThrownBy(() -> ScopeOpener.openVault(plain, key, scope(w), old))
                        .isInstanceOf(RecoveryException.class)
                        .hasMessageContaining("key version 1");
                RecoveryLog full = plain.withOldWraps(zedService.api().oldWraps(w.team));
                try (OpenedVault v = ScopeOpener.openVault(full, key, scope(w), old)) {
                    assertThat(RecoveryFlowTest.secrets(v))
                            .hasSize(1)
                            .isSubsetOf("prod-db-secret", "prod-deploy-secret");
                }
            }
            // and the plain member reads the current items through the released scope
            List<OpenedVault> opened = zed.combine(w.team, req);
            assertThat(RecoveryFlowTest.secrets(opened.get(0)))
                    .containsExactly("prod-db-secret", "prod-deploy-secret");
            opened.forEach(OpenedVault::close);

            // carol is enrolled; the re-key cannot carry her account key: she is queued
            Device carol = w.approvers.get(1);
            service(carol).enrol(w.team);
            RekeyReport rekey = breakGlass(w.owner).rekey(w.team, null, null);
            assertThat(rekey.rotated()).containsExactly(w.prod);
            assertThat(rekey.reenrolmentDueEmails()).containsExactly(carol.email);
            RecoveryStatus after = service(w.approvers.get(4)).status(w.team);
            assertThat(after.rekeyNeeded()).isFalse();
            assertThat(after.vaultsNotCovered()).isEmpty();
            assertThat(after.reenrolmentDueEmails()).containsExactly(carol.email);
            assertThat(after.enrolledEmails()).isEmpty();
            service(carol).enrol(w.team);
            RecoveryStatus enrolled = owner.status(w.team);
            assertThat(enrolled.reenrolmentDueEmails()).isEmpty();
            assertThat(enrolled.enrolledEmails()).containsExactly(carol.email);
        }
    }

    @Test
    void announcementsOfOlderWrapsAreCheckedByTheServerAndByEveryClient() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.owner.engine.rotateVaultKey(w.prod);
            w.setPolicy(w.approvers, 3, false); // the current key version only
            RecoveryService owner = service(w.owner);
            assertThat(owner.status(w.team).vaultsNotCovered()).contains(w.prod);
            byte[] wrap = Randoms.bytes(120);
            // a plain member's announcement: the server refuses it, and so would every client
            SignedRecoveryMessage byMember = announce(w, w.requester, 1, wrap);
            assertThatThrownBy(() -> upload(w, w.requester, byMember, 1, wrap))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("owner or admin");
            assertThatThrownBy(() -> owner.log(w.team).withOldWraps(List.of(byMember)))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("does not verify");
            // a wrap that is not the one signed, and the current version (the log's), refused
            SignedRecoveryMessage signed = announce(w, w.owner, 1, wrap);
            assertThatThrownBy(() -> upload(w, w.owner, signed, 1, Randoms.bytes(120)))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("digest");
            SignedRecoveryMessage current = announce(w, w.owner, 2, wrap);
            assertThatThrownBy(() -> upload(w, w.owner, current, 2, wrap))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("older one");
            assertThat(owner.api().oldWraps(w.team)).isEmpty();
            // re-running setup wraps version 1 for real
            owner.setup(w.team, w.approvers.stream().map(d -> d.id).toList(), 3, 0, false);
            assertThat(owner.status(w.team).vaultsNotCovered()).isEmpty();
        }
    }

    private static SignedRecoveryMessage announce(
            RecoveryWorld w, Device by, int version, byte[] wrap) {
        int policy =
                by.engine.team(w.team).orElseThrow().recoveryPolicy().get().entry().policyVersion();
        return SignedRecoveryMessage.signOldWraps(
                new RecoveryOldWrapsBody(
                        RecoveryOldWrapsBody.VERSION,
                        w.team,
                        policy,
                        w.prod,
                        by.id,
                        List.of(
                                new RecoveryOldWrapsBody.VersionDigest(
                                        version, Base64Url.encode(Sha256.hash(wrap)))),
                        System.currentTimeMillis()),
                by.session.identity());
    }

    private static void upload(
            RecoveryWorld w, Device by, SignedRecoveryMessage a, int version, byte[] wrap) {
        service(by)
                .api()
                .putOldWraps(
                        w.team,
                        w.prod,
                        new RecoveryOldWraps.Upload(
                                a, List.of(new KeyWrapUpload(version, "recovery", wrap))));
    }

    private static ItemResponse firstItem(Device d, String vaultId) {
        for (CachedItem i : d.cache.items(vaultId)) {
            ItemResponse r = KitVaults.response(i);
            if (!r.deleted()) {
                return r;
            }
        }
        throw new AssertionError("no item");
    }

    private RecoveryKey combined(
            RecoveryWorld w, RecoveryService s, RecoveryReleaseResponse release, String req) {
        List<Decision> decisions = new ArrayList<>();
        release.approvals()
                .forEach(a -> decisions.add(new Decision(a.decision(), a.sealedShare())));
        RequestKeys keys =
                new RequestKeys(stateOf(w.requester).resolve("recovery"), w.requester.session);
        try (X25519PrivateKey ephemeral = keys.load(req)) {
            return ShareCombiner.combine(s.log(w.team), release.request(), ephemeral, decisions);
        }
    }

    private static VaultMaterial material(
            RecoveryReleaseResponse release, String vaultId, List<ItemResponse> items) {
        Map<Integer, byte[]> wraps = new TreeMap<>();
        for (RecoveryVaultWraps v : release.vaults()) {
            if (v.vaultId().toString().equals(vaultId)) {
                v.wraps().forEach(x -> wraps.put(x.keyVersion(), x.wrap()));
            }
        }
        return new VaultMaterial(vaultId, 2, wraps, items);
    }

    private static RecoveryScope scope(RecoveryWorld w) {
        return new RecoveryScope(RecoveryScope.VAULT, w.prod);
    }

    /** What a modified client would send: an approval of its own request, properly signed. */
    private static void forgedSelfApproval(RecoveryWorld w, Device me, String requestId) {
        RecoveryService s = service(me);
        RecoveryLog log = s.log(w.team);
        SignedRecoveryMessage request = s.api().request(w.team, requestId).request();
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
        byte[] resealed;
        try (Slip39Share share =
                Approvals.openOwnShare(
                        log,
                        me.id,
                        me.session.identity(),
                        s.api().ownShare(w.team).sealedShare())) {
            resealed =
                    SealedShares.sealToRequest(
                            share, Approvals.binding(log, r, me.id), me.session.identity());
        }
        RecoveryDecisionBody body =
                new RecoveryDecisionBody(
                        RecoveryDecisionBody.VERSION,
                        requestId,
                        w.team,
                        Base64Url.encode(r.digest()),
                        me.id,
                        RecoveryDecisionBody.APPROVE,
                        Base64Url.encode(Sha256.hash(resealed)),
                        System.currentTimeMillis());
        s.api()
                .decide(
                        w.team,
                        requestId,
                        new Decision(
                                SignedRecoveryMessage.signDecision(body, me.session.identity()),
                                resealed));
    }

    private static RecoveryService service(Device d) {
        return new RecoveryService(d.vaults, d.engine, d.teams);
    }

    private Path stateOf(Device d) {
        return dir.resolve("state-" + d.id);
    }

    private BreakGlass breakGlass(Device d) {
        return new BreakGlass(service(d), d.engine, stateOf(d));
    }
}
