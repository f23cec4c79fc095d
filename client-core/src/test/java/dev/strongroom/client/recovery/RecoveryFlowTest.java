package dev.strongroom.client.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.ApiException;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.keys.MasterKey;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.RecoveryTally;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryAccountResetRequest;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Break-glass recovery against a real server: five approvers, M = 3. Two approvals open nothing,
 * three open exactly the requested vault; denials and a veto stop a request; approvals cannot be
 * replayed, doubled or tampered with; forgotten-password recovery re-wraps the same account key; a
 * re-split makes old shares useless; a policy not signed by an owner is refused.
 */
class RecoveryFlowTest {

    @TempDir Path dir;

    @Test
    void threeOfFiveApprovalsOpenExactlyTheScopeAndTwoOpenNothing() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.setPolicy(w.approvers, 3, false);
            RecoveryLog log = w.log(w.requester);
            assertThat(log.policy().threshold()).isEqualTo(3);
            assertThat(log.wrap(w.prod, 1)).isPresent();
            try (OpenRequest req =
                    RecoveryRequests.open(
                            log,
                            w.requester.id,
                            w.requester.session.identity(),
                            new RecoveryScope(RecoveryScope.VAULT, w.prod),
                            "prod database is down, alice unreachable")) {
                List<Decision> decisions = new ArrayList<>();
                decisions.add(w.approve(w.approvers.get(0), req));
                decisions.add(w.approve(w.approvers.get(2), req));
                assertThatThrownBy(() -> combine(log, req, decisions))
                        .isInstanceOf(RecoveryException.class)
                        .hasMessageContaining("2 of the 3");
                // a replayed approval does not count twice
                List<Decision> replayed = new ArrayList<>(decisions);
                replayed.add(decisions.get(0));
                assertThatThrownBy(() -> combine(log, req, replayed))
                        .hasMessageContaining("decided twice");
                decisions.add(w.approve(w.approvers.get(4), req));
                assertThat(ShareCombiner.tally(log, req.signed(), decisions).status())
                        .isEqualTo(RecoveryTally.Status.APPROVED);
                try (RecoveryKey key = combine(log, req, decisions);
                        OpenedVault prod =
                                ScopeOpener.openVault(
                                        log,
                                        key,
                                        new RecoveryScope(RecoveryScope.VAULT, w.prod),
                                        w.material(w.prod))) {
                    assertThat(secrets(prod))
                            .containsExactly("prod-db-secret", "prod-deploy-secret");
                    // ... and exactly that vault: staging is outside the scope
                    assertThatThrownBy(
                                    () ->
                                            ScopeOpener.openVault(
                                                    log,
                                                    key,
                                                    new RecoveryScope(RecoveryScope.VAULT, w.prod),
                                                    w.material(w.staging)))
                            .hasMessageContaining("does not cover");
                }
            }
        }
    }

    @Test
    void approvalsAreBoundToTheirRequestAndTheirShare() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.setPolicy(w.approvers, 3, false);
            RecoveryLog log = w.log(w.requester);
            RecoveryScope vault = new RecoveryScope(RecoveryScope.VAULT, w.prod);
            try (OpenRequest first =
                            RecoveryRequests.open(
                                    log,
                                    w.requester.id,
                                    w.requester.session.identity(),
                                    vault,
                                    "a");
                    OpenRequest second =
                            RecoveryRequests.open(
                                    log,
                                    w.requester.id,
                                    w.requester.session.identity(),
                                    new RecoveryScope(RecoveryScope.TEAM, w.team),
                                    "b")) {
                List<Decision> forFirst = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    forFirst.add(w.approve(w.approvers.get(i), first));
                }
                // approvals of one request do not count for another (wider) one
                assertThatThrownBy(() -> combine(log, second, forFirst))
                        .hasMessageContaining("bound to another request");
                // a tampered re-sealed share is not the one its approval names
                List<Decision> tampered = new ArrayList<>(forFirst);
                byte[] share = tampered.get(1).resealedShare();
                share[share.length - 1] ^= 1;
                tampered.set(1, new Decision(tampered.get(1).signed(), share));
                assertThatThrownBy(() -> combine(log, first, tampered))
                        .hasMessageContaining("not the one its approval names");
                // a tampered decision body does not verify
                List<Decision> forged = new ArrayList<>(forFirst);
                SignedRecoveryMessage s = forged.get(2).signed();
                forged.set(
                        2,
                        new Decision(
                                new SignedRecoveryMessage(s.body(), Base64Url.encode(new byte[64])),
                                forged.get(2).resealedShare()));
                assertThatThrownBy(() -> combine(log, first, forged))
                        .hasMessageContaining("does not verify");
                // a share sealed to another key than the request's does not open
                assertThatThrownBy(
                                () ->
                                        ShareCombiner.combine(
                                                log,
                                                first.signed(),
                                                second.ephemeral().privateKey(),
                                                forFirst))
                        .hasMessageContaining("does not hold the request's key");
                // a member who is not an approver cannot approve
                assertThatThrownBy(
                                () ->
                                        Approvals.approve(
                                                log,
                                                first.signed(),
                                                w.requester.id,
                                                w.requester.session.identity(),
                                                w.draft.sealedShares().get(w.approvers.get(0).id)))
                        .hasMessageContaining("holds no share");
                // ... and the untampered set still opens
                try (RecoveryKey key = combine(log, first, forFirst)) {
                    assertThat(key.publicKey()).isEqualTo(log.recoveryPublicKey());
                }
            }
        }
    }

    @Test
    void denialsAndAVetoStopARequest() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.setPolicy(w.approvers, 3, true);
            RecoveryLog log = w.log(w.requester);
            RecoveryScope vault = new RecoveryScope(RecoveryScope.VAULT, w.prod);
            try (OpenRequest req =
                    RecoveryRequests.open(
                            log, w.requester.id, w.requester.session.identity(), vault, "why")) {
                List<Decision> denials = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Device d = w.approvers.get(i);
                    denials.add(Approvals.deny(w.log(d), req.signed(), d.id, d.session.identity()));
                }
                assertThat(ShareCombiner.tally(log, req.signed(), denials).status())
                        .isEqualTo(RecoveryTally.Status.DENIED);
                List<Decision> vetoed = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    vetoed.add(w.approve(w.approvers.get(i), req));
                }
                vetoed.add(
                        Approvals.veto(
                                w.log(w.owner),
                                req.signed(),
                                w.owner.id,
                                w.owner.session.identity()));
                assertThatThrownBy(() -> combine(log, req, vetoed)).hasMessageContaining("vetoed");
                // a member who is not an owner cannot veto
                List<Decision> memberVeto = new ArrayList<>(vetoed.subList(0, 3));
                memberVeto.add(
                        Approvals.veto(
                                log, req.signed(), w.requester.id, w.requester.session.identity()));
                assertThatThrownBy(() -> combine(log, req, memberVeto))
                        .hasMessageContaining("does not verify");
            }
        }
    }

    @Test
    void forgottenPasswordRecoveryRewrapsTheSameAccountKey() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.setPolicy(w.approvers, 3, false);
            Device forgetful = w.approvers.get(1);
            byte[] enrolment = AccountRecovery.enrol(w.log(forgetful), forgetful.session);
            RecoveryLog log = w.log(w.owner);
            RecoveryScope account = new RecoveryScope(RecoveryScope.ACCOUNT, forgetful.id);
            try (OpenRequest req =
                    RecoveryRequests.open(
                            log,
                            w.owner.id,
                            w.owner.session.identity(),
                            account,
                            "lost password")) {
                List<Decision> decisions = new ArrayList<>();
                for (int i : new int[] {0, 3, 4}) {
                    decisions.add(w.approve(w.approvers.get(i), req));
                }
                Argon2idParams kdf = new Argon2idParams(19456, 2, 1);
                char[] newPassword = "a brand new passphrase".toCharArray();
                try (RecoveryKey key = combine(log, req, decisions)) {
                    // a vault scope does not open an account
                    assertThatThrownBy(
                                    () ->
                                            AccountRecovery.reset(
                                                    log,
                                                    key,
                                                    new RecoveryScope(RecoveryScope.VAULT, w.prod),
                                                    req.requestId(),
                                                    enrolment,
                                                    new byte[0],
                                                    newPassword,
                                                    kdf))
                            .hasMessageContaining("not an account");
                    RecoveryAccountResetRequest fresh =
                            AccountRecovery.reset(
                                    log,
                                    key,
                                    account,
                                    req.requestId(),
                                    enrolment,
                                    forgetful
                                            .session
                                            .accountKey()
                                            .sealIdentity(
                                                    forgetful.session.identity(), forgetful.id),
                                    newPassword,
                                    kdf);
                    assertThat(
                                    forgetful.session.publicBundle().signingKey() != null
                                            && dev.strongroom.crypto.asym.Ed25519.isValid(
                                                    forgetful.session.publicBundle().signingKey(),
                                                    fresh.message(
                                                            java.util.UUID.fromString(w.team),
                                                            java.util.UUID.fromString(
                                                                    req.requestId()),
                                                            java.util.UUID.fromString(
                                                                    forgetful.id)),
                                                    fresh.signature()))
                            .as("signed by the member's own key")
                            .isTrue();
                    try (MasterKey master = MasterKey.derive(newPassword, fresh.kdf().salt(), kdf);
                            var kek = master.keyEncryptionKey();
                            var accountKey = kek.unwrap(fresh.wrappedAccountKey(), forgetful.id)) {
                        // the same account key: their identity keys and items stay intact
                        assertThat(accountKey.copyBytes())
                                .isEqualTo(forgetful.session.accountKey().copyBytes());
                    }
                }
            }
        }
    }

    @Test
    void aResplitMakesOldSharesUselessAndOnlyOwnersSetPolicies() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"));
                RecoveryWorld w = new RecoveryWorld(TestServers.endpoint(server), dir)) {
            w.setPolicy(w.approvers, 3, false);
            List<char[]> oldWords = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Device d = w.approvers.get(i);
                oldWords.add(
                        PaperShares.export(
                                w.log(d),
                                d.id,
                                d.session.identity(),
                                w.draft.sealedShares().get(d.id)));
            }
            PolicyDraft old = w.draft;
            w.setPolicy(w.approvers.subList(1, 5), 3, false); // bob leaves the approvers
            RecoveryLog log = w.log(w.requester);
            assertThat(log.policy().policyVersion()).isEqualTo(2);
            List<dev.strongroom.crypto.slip39.Slip39Share> shares = new ArrayList<>();
            oldWords.forEach(words -> shares.add(PaperShares.parse(words)));
            assertThatThrownBy(() -> PaperShares.combine(shares, log.recoveryPublicKey()))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("another recovery key");
            // bob's old sealed share is not one the new policy names
            Device bob = w.approvers.get(0);
            assertThatThrownBy(
                            () ->
                                    Approvals.openOwnShare(
                                            log,
                                            bob.id,
                                            bob.session.identity(),
                                            old.sealedShares().get(bob.id)))
                    .hasMessageContaining("holds no share");
            // the vault wraps moved to the new key
            assertThat(log.wrap(w.prod, 1).orElseThrow().digest())
                    .isEqualTo(dev.strongroom.crypto.mac.Sha256.hash(w.recoveryWraps.get(w.prod)));

            // a policy signed by a member who is not an owner: the server refuses it ...
            Device member = w.approvers.get(1);
            member.engine.pull();
            PolicyDraft rogue =
                    RecoverySetup.draft(
                            member.engine.team(w.team).orElseThrow(),
                            member.session.identity(),
                            List.of(
                                    member.session.publicBundle(),
                                    w.requester.session.publicBundle()),
                            2,
                            0,
                            false);
            SignedLogEntry entry = PolicyEntries.sign(member.engine, w.team, rogue);
            assertThatThrownBy(
                            () ->
                                    member.engine
                                            .api()
                                            .append(
                                                    w.team,
                                                    new AppendLogRequest(
                                                            entry, null, List.of(), List.of())))
                    .isInstanceOf(ApiException.class);
            // ... and a client given it in the log refuses the whole log
            List<SignedLogEntry> forged = new ArrayList<>(member.cache.logEntries(w.team));
            forged.add(entry);
            assertThatThrownBy(() -> RecoveryLog.verify(forged))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageContaining("does not verify");
        }
    }

    private static RecoveryKey combine(RecoveryLog log, OpenRequest req, List<Decision> ds) {
        return ShareCombiner.combine(log, req.signed(), req.ephemeral().privateKey(), ds);
    }

    static Set<String> secrets(OpenedVault v) {
        Set<String> out = new TreeSet<>();
        for (ItemContent c : v.items().values()) {
            out.add(new String(((ApiKey) c.data()).key().chars()));
        }
        return out;
    }
}
