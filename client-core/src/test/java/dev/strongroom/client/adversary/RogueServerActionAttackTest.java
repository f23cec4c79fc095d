package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.sync.UnjoinedTeam;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.team.UnverifiedKeyException;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attack 8: the server adds a member on its own (an add_member entry signed with a key it made) or
 * starts a key exchange on its own (a wrap no log entry announced, a wrap of a key it chose, a key
 * rotation). The server holds no member's signing key, so all it can do is sign with its own.
 */
class RogueServerActionAttackTest extends WorldTest {

    static IdentityKeys serverKeys;
    static String serverId = UUID.randomUUID().toString();

    @BeforeAll
    static void start() throws Exception {
        serverKeys = IdentityKeys.generate();
    }

    @AfterAll
    static void stop() throws Exception {
        serverKeys.close();
    }

    static PublicBundle serverBundle() {
        return serverKeys.publicBundle(serverId, "server@example.test", System.currentTimeMillis());
    }

    static void inject(SignedLogEntry e) {
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    array(t, "/entries").add(WireJson.mapper().<JsonNode>valueToTree(e));
                    return ((ObjectNode) t).put("headSeq", t.get("headSeq").asLong() + 1);
                });
    }

    static TeamState state(Device d) {
        return d.engine.team(w.teamId).orElseThrow();
    }

    static LogAction addServer() {
        return new LogAction.AddMember(
                PublicBundleJson.of(serverBundle()), Role.ADMIN, "fingerprint", null);
    }

    /** A wrap of a vault key the server chose, to bob, as if from the server's own identity. */
    static byte[] serverWrap(int version) {
        try (VaultKey chosen = VaultKey.generate(version)) {
            return TeamLog.wrap(
                    chosen, w.teamId, w.shared, w.bob.session.publicBundle(), serverKeys);
        }
    }

    @Test
    void aMemberAddedByTheServersOwnKeyIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        inject(TeamLog.next(state(d), serverId, serverKeys, addServer()));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aMemberAddedInTheOwnersNameWithTheServersKeyIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        inject(TeamLog.next(state(d), w.alice.id(), serverKeys, addServer()));
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aKeyWrapNoLogEntryAnnouncedIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        byte[] wrap = serverWrap(2);
        w.proxy.rewriteResponse(
                "GET",
                w.vaultPath(w.shared),
                t -> {
                    array(t, "/wraps")
                            .addObject()
                            .put("keyVersion", 2)
                            .put("wrap", Base64Url.encode(wrap));
                    return t;
                });
        d.pullRefused(SecurityAlertCode.KEY_SUBSTITUTION);
    }

    @Test
    void theAnnouncedWrapReplacedByOneOfTheServersKeysIsRefused() throws Exception {
        Device d = w.fresh(w.bobEmail);
        byte[] wrap = serverWrap(1);
        w.proxy.rewriteResponse(
                "GET", w.vaultPath(w.shared), t -> JsonEdits.setBytes(t, "/wraps/0/wrap", wrap));
        d.pullRefused(SecurityAlertCode.KEY_SUBSTITUTION);
    }

    @Test
    void aKeyRotationStartedByTheServerIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        byte[] wrap = serverWrap(2);
        String digest = Base64Url.encode(Sha256.hash(wrap));
        Map<String, String> digests = new java.util.HashMap<>();
        state(d).vaults().get(w.shared).grants().keySet().forEach(g -> digests.put(g, digest));
        inject(
                TeamLog.next(
                        state(d),
                        w.alice.id(),
                        serverKeys,
                        new LogAction.RotateVaultKey(w.shared, 2, digests)));
        w.proxy.rewriteResponse(
                "GET",
                w.vaultPath(w.shared),
                t -> {
                    array(t, "/wraps")
                            .addObject()
                            .put("keyVersion", 2)
                            .put("wrap", Base64Url.encode(wrap));
                    return t;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aGrantToAMemberTheServerMadeIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        inject(
                TeamLog.next(
                        state(d),
                        w.alice.id(),
                        serverKeys,
                        new LogAction.GrantVault(
                                w.shared,
                                serverId,
                                Permission.READ,
                                Base64Url.encode(new byte[32]))));
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    /**
     * Anyone the server lets in (or the server itself, with an account it made) can found a team,
     * add the victim with their genuine public bundle and grant them a vault whose key it knows.
     * The victim never accepted: their client does not sync (or write into) it, names it in an
     * alert, and cannot be talked into joining it without verifying who added them.
     */
    @Test
    void aTeamTheVictimNeverJoinedIsNotSynced() throws Exception {
        Device d = w.victim(w.carolEmail);
        String malloryEmail = World.email("mallory");
        new AccountService(KdfPinStore.inMemory())
                .register(
                        ServerApi.connect(w.direct),
                        malloryEmail,
                        World.password(malloryEmail),
                        World.KDF);
        Device mallory = w.device(w.direct, malloryEmail, "mallory");
        String rogue = mallory.vaults.createTeam("IT Department");
        String vault = mallory.vaults.createVault(rogue, "Passwords").vaultId();
        PublicBundle victim =
                new AccountService(KdfPinStore.inMemory()).lookup(mallory.session, w.carolEmail);
        TeamLog.addMember(mallory, rogue, victim, Role.MEMBER);
        TeamLog.grant(mallory, rogue, vault, victim, Permission.WRITE);

        // The pull itself succeeds (Acme syncs as before; a pull with nothing new still rewrites
        // its cursors, so the files are not compared byte for byte): every pin is unchanged.
        Device.Snapshot before = d.snapshot();
        d.engine.pull();
        assertThat(d.engine.teams()).doesNotContain(rogue).contains(w.teamId);
        assertThat(d.cache.vaults()).noneMatch(v -> v.vaultId().equals(vault));
        assertThat(d.snapshot().pins()).isEqualTo(before.pins());
        UnjoinedTeam alert = d.engine.unjoinedTeams().get(0);
        assertThat(d.engine.unjoinedTeams()).hasSize(1);
        assertThat(alert.teamId()).isEqualTo(rogue);
        assertThat(alert.code()).isEqualTo(SecurityAlertCode.UNAUTHENTICATED_STATE);
        assertThat(alert.alert()).contains(rogue, malloryEmail, "never accepted");

        try (TeamService teams = new TeamService(d.vaults, d.engine, d.dir)) {
            assertThatThrownBy(() -> teams.join(rogue))
                    .isInstanceOf(UnverifiedKeyException.class)
                    .hasMessageContaining(malloryEmail);
        }
        d.engine.pull();
        assertThat(d.engine.teams()).doesNotContain(rogue);
        assertThat(d.snapshot().pins()).isEqualTo(before.pins());
    }

    /**
     * A device that joined Acme (its genesis pinned) but never synced it: the server serves a log
     * of its own making under Acme's id, founded by its own key and adding the victim. The pinned
     * genesis differs, so nothing of it is taken.
     */
    @Test
    void aTeamServedWithAnotherGenesisThanTheJoinedOneIsRefused() throws Exception {
        Device d = w.fresh(w.carolEmail);
        TeamState real = state(w.alice);
        SignedLogEntry genesis =
                TeamLog.at(
                        w.teamId,
                        0,
                        new byte[32],
                        serverId,
                        serverKeys,
                        new LogAction.CreateTeam(
                                null,
                                PublicBundleJson.of(serverBundle()),
                                dev.strongroom.model.log.TeamNames.seal(
                                        w.teamId,
                                        1,
                                        serverId,
                                        serverBundle().encryptionKey(),
                                        serverKeys,
                                        real.name(w.alice.id(), w.alice.session.identity()))));
        TeamState forged =
                dev.strongroom.model.log.TeamLogVerifier.verifyFromGenesis(List.of(genesis));
        SignedLogEntry addVictim =
                TeamLog.next(
                        forged,
                        serverId,
                        serverKeys,
                        new LogAction.AddMember(
                                PublicBundleJson.of(w.carol.session.publicBundle()),
                                Role.MEMBER,
                                "fingerprint",
                                dev.strongroom.model.log.TeamNames.seal(
                                        w.teamId,
                                        1,
                                        w.carol.id(),
                                        w.carol.session.identity().encryptionPublicKey(),
                                        serverKeys,
                                        "Acme")));
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    ArrayNode entries = array(t, "/entries");
                    entries.removeAll();
                    entries.add(WireJson.mapper().<JsonNode>valueToTree(genesis));
                    entries.add(WireJson.mapper().<JsonNode>valueToTree(addVictim));
                    return ((ObjectNode) t).put("headSeq", 1);
                });
        d.pullRefused(SecurityAlertCode.LOG_FORK);
        assertThat(d.engine.teams()).doesNotContain(w.teamId);
    }
}
