package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.WireJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attack 7: the server forges, reorders or forks membership-log entries, or presents a role change,
 * member addition, grant, policy or item not signed by someone allowed to make it. Entries are
 * injected after the victim's pinned position, exactly where genuine new entries would go.
 */
class MembershipLogAttackTest extends WorldTest {

    /** Serves {@code entries} after whatever the real log holds past the victim's position. */
    static void inject(SignedLogEntry... entries) {
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    for (SignedLogEntry e : entries) {
                        array(t, "/entries").add(WireJson.mapper().<JsonNode>valueToTree(e));
                    }
                    ((ObjectNode) t).put("headSeq", t.get("headSeq").asLong() + entries.length);
                    return t;
                });
    }

    static TeamState state(Device d) {
        return d.engine.team(w.teamId).orElseThrow();
    }

    /** An entry following the victim's pinned head, signed by a member of the world. */
    static SignedLogEntry by(Device victim, Device author, LogAction action) {
        return TeamLog.next(state(victim), author.id(), author.session.identity(), action);
    }

    static PublicBundleJson stranger() {
        try (IdentityKeys k = IdentityKeys.generate()) {
            return PublicBundleJson.of(
                    k.publicBundle(
                            UUID.randomUUID().toString(),
                            "mallory@example.test",
                            System.currentTimeMillis()));
        }
    }

    @Test
    void anEntryForgedInTheOwnersNameIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        try (IdentityKeys server = IdentityKeys.generate()) {
            inject(
                    TeamLog.next(
                            state(d),
                            w.alice.id(),
                            server,
                            new LogAction.AddMember(stranger(), Role.ADMIN, "fingerprint", null)));
        }
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void reorderedEntriesAreRefused() throws Exception {
        Device d = w.fresh(w.bobEmail);
        w.proxy.rewriteResponse("GET", w.logPath(), t -> JsonEdits.swap(t, "/entries", 3, 4));
        d.pullRefused(SecurityAlertCode.LOG_ROLLBACK);
    }

    @Test
    void aDroppedEntryIsRefused() throws Exception {
        Device d = w.fresh(w.bobEmail);
        w.proxy.rewriteResponse("GET", w.logPath(), t -> JsonEdits.drop(t, "/entries", 4));
        d.pullRefused(SecurityAlertCode.LOG_ROLLBACK);
    }

    @Test
    void aForkSignedByTheOwnerIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        TeamState s = state(d);
        // A validly signed entry at the next position that follows another branch of history.
        SignedLogEntry branch =
                TeamLog.at(
                        w.teamId,
                        s.seq() + 1,
                        Sha256.hash("another history".getBytes()),
                        w.alice.id(),
                        w.alice.session.identity(),
                        TeamLog.role(w.carol.id(), Role.ADMIN));
        inject(branch);
        d.pullRefused(SecurityAlertCode.LOG_FORK);
    }

    @Test
    void aRoleChangeByAMemberIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        inject(by(d, w.carol, TeamLog.role(w.carol.id(), Role.OWNER)));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aMemberAdditionByAMemberIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        inject(
                by(
                        d,
                        w.carol,
                        new LogAction.AddMember(stranger(), Role.MEMBER, "fingerprint", null)));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aGrantByAMemberIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        String digest = Base64Url.encode(new byte[32]);
        inject(
                by(
                        d,
                        w.carol,
                        new LogAction.GrantVault(w.ops, w.carol.id(), Permission.WRITE, digest)));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aRecoveryPolicyByAMemberIsRefused() throws Exception {
        Device d = w.victim(w.aliceEmail);
        inject(by(d, w.bob, RecoveryPolicies.policy(1, w.alice.id(), w.bob.id())));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void anItemWrittenByAReaderIsRefused() throws Exception {
        Device d = w.victim(w.aliceEmail);
        var q =
                Forgery.sealed(
                        w.carol,
                        w.teamId,
                        w.carol.engine.currentVaultKey(w.shared),
                        w.shared,
                        w.carol.engine.logSeq(w.teamId));
        w.proxy.rewriteResponse(
                "GET",
                w.vaultPath(w.shared),
                t -> {
                    array(t, "/items").add(Forgery.item(q));
                    return t;
                });
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aVaultHeadSignedByAReaderIsRefused() throws Exception {
        Device d = w.victim(w.aliceEmail);
        long counter = d.cache.vaultHead(w.shared).orElseThrow().head().counter() + 1;
        JsonNode head =
                Forgery.head(
                        w.teamId,
                        w.shared,
                        counter,
                        1,
                        Forgery.items(d, w.shared),
                        w.carol.id(),
                        w.carol.engine.logSeq(w.teamId),
                        w.carol.session.identity());
        w.proxy.rewriteResponse("GET", w.vaultPath(w.shared), t -> JsonEdits.set(t, "/head", head));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void rolesAndPermissionsInTheServersListingsAreNotTrusted() throws Exception {
        Device d = w.victim(w.carolEmail);
        w.proxy.rewriteResponse(
                "GET",
                "/api/v1/teams",
                t -> {
                    t.get("teams").forEach(team -> ((ObjectNode) team).put("role", "owner"));
                    return t;
                });
        d.engine.pull();
        assertThat(state(d).roleOf(w.carol.id())).contains(Role.MEMBER);
        assertThat(d.vaults.vault(w.shared).permission()).isEqualTo("READ");
        assertThat(d.cache.vaults()).noneMatch(v -> v.vaultId().equals(w.ops));
    }

    /**
     * A member whose access ended signs a new item (and a head over it) at a log position from
     * before their removal; the server serves both. The revision names a position at which the
     * author could write, but that position is behind the verified log.
     */
    @Test
    void aRemovedMembersBackdatedWriteIsRefused() throws Exception {
        String daveEmail = World.email("dave");
        new AccountService(KdfPinStore.inMemory())
                .register(
                        ServerApi.connect(w.direct),
                        daveEmail,
                        World.password(daveEmail),
                        World.KDF);
        Device dave = w.device(w.direct, daveEmail, "dave");
        TeamLog.addMember(w.alice, w.teamId, dave.session.publicBundle(), Role.MEMBER);
        TeamLog.grant(w.alice, w.teamId, w.ops, dave.session.publicBundle(), Permission.WRITE);
        w.joinAcme(dave);
        dave.engine.pull();
        long daveSeq = dave.engine.logSeq(w.teamId);
        var key = dave.engine.currentVaultKey(w.ops);
        TeamLog.append(w.alice, w.teamId, new LogAction.RemoveMember(dave.id()), List.of());
        Device victim = w.victim(w.aliceEmail);

        var q = Forgery.sealed(dave, w.teamId, key, w.ops, daveSeq);
        Map<String, CachedItem> items = Forgery.items(victim, w.ops);
        items.put(q.itemId(), q.cachedItem());
        long counter = victim.cache.vaultHead(w.ops).orElseThrow().head().counter() + 1;
        JsonNode head =
                Forgery.head(
                        w.teamId,
                        w.ops,
                        counter,
                        key.version(),
                        items,
                        dave.id(),
                        daveSeq,
                        dave.session.identity());
        w.proxy.rewriteResponse(
                "GET",
                w.vaultPath(w.ops),
                t -> {
                    array(t, "/items").add(Forgery.item(q));
                    return JsonEdits.set(t, "/head", head);
                });
        victim.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }
}
