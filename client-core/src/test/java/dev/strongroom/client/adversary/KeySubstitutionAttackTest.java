package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.UnverifiedLogEntry;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks 1 and 2 at the directory and log level (the invite/grant UI flows come with TeamService,
 * and these tests should then be re-aimed at it): the server substitutes a recipient's public key,
 * or substitutes, injects or switches on a team recovery key. Bundles are self-signed, the log
 * entries that carry them are signed by an authorised member, and wraps match the digests those
 * entries name.
 */
class KeySubstitutionAttackTest extends WorldTest {

    static final String DIRECTORY = "/api/v1/directory/accounts";

    static long policySeq;

    @BeforeAll
    static void start() throws Exception {
        // A genuine recovery policy (owner-signed), so its recovery key can be tampered with.
        TeamLog.append(
                w.alice, w.teamId, RecoveryPolicies.policy(1, w.alice.id(), w.bob.id()), List.of());
        policySeq = w.alice.engine.logSeq(w.teamId);
        w.bob.engine.pull();
        w.carol.engine.pull();
    }

    static PublicBundle madeByTheServer(PublicBundle genuine) {
        try (IdentityKeys k = IdentityKeys.generate()) {
            return k.publicBundle(genuine.accountId(), genuine.email(), System.currentTimeMillis());
        }
    }

    static void rewriteDirectory(UnaryOperator<JsonNode> edit) {
        w.proxy.rewriteResponse("GET", DIRECTORY + "(/.*)?", edit);
    }

    /** Rewrites the JSON body of log entry {@code seq} in the log answer (signature kept). */
    static void rewriteEntry(long seq, UnaryOperator<ObjectNode> edit) {
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    for (JsonNode e : array(t, "/entries")) {
                        SignedLogEntry s = WireJson.mapper().convertValue(e, SignedLogEntry.class);
                        if (UnverifiedLogEntry.decode(s).allegedBody().seq() == seq) {
                            ObjectNode body =
                                    (ObjectNode) JsonEdits.parse(Base64Url.decode(s.body()));
                            ((ObjectNode) e)
                                    .put(
                                            "body",
                                            Base64Url.encode(JsonEdits.bytes(edit.apply(body))));
                        }
                    }
                    return t;
                });
    }

    static long addMemberSeqOf(String memberId) {
        List<SignedLogEntry> log = w.alice.cache.logEntries(w.teamId);
        for (SignedLogEntry e : log) {
            var body = UnverifiedLogEntry.decode(e).allegedBody();
            if (body.action() instanceof LogAction.AddMember a
                    && a.member().accountId().equals(memberId)) {
                return body.seq();
            }
        }
        throw new IllegalStateException("no add_member for " + memberId);
    }

    @Test
    void aDirectoryBundleWithABrokenSelfSignatureIsRefused() throws Exception {
        Device d = w.victim(w.aliceEmail);
        PublicBundle forged = madeByTheServer(w.bob.session.publicBundle());
        rewriteDirectory(
                t ->
                        JsonEdits.setBytes(
                                t, "/publicBundle/encryptionKey", forged.encryptionKey().bytes()));
        d.refuses(
                SecurityAlertCode.BAD_SIGNATURE,
                () -> new AccountService(KdfPinStore.inMemory()).lookup(d.session, w.bobEmail));
    }

    @Test
    void aDirectoryBundleTheServerMadeHasAnotherFingerprint() throws Exception {
        // a device that knows nothing of bob yet (no synced log, no pin): only the fingerprint
        // comparison can tell
        Device d = w.fresh(w.aliceEmail);
        PublicBundle forged = madeByTheServer(w.bob.session.publicBundle());
        rewriteDirectory(
                t ->
                        JsonEdits.set(
                                t,
                                "/publicBundle",
                                WireJson.mapper().valueToTree(PublicBundleJson.of(forged))));
        PublicBundle served =
                new AccountService(KdfPinStore.inMemory()).lookup(d.session, w.bobEmail);
        // Self-consistent, so only the out-of-band comparison can catch it: and it does.
        assertThat(served.fingerprint().digits())
                .isNotEqualTo(w.bob.session.publicBundle().fingerprint().digits());
    }

    @Test
    void aDirectoryBundleForAVerifiedMemberThatChangedIsRefused() throws Exception {
        Device d = w.victim(w.aliceEmail);
        PublicBundle forged = madeByTheServer(w.bob.session.publicBundle());
        rewriteDirectory(
                t ->
                        JsonEdits.set(
                                t,
                                "/publicBundle",
                                WireJson.mapper().valueToTree(PublicBundleJson.of(forged))));
        SecurityAlert alert =
                d.refuses(
                        SecurityAlertCode.UNEXPECTED_KEY_CHANGE,
                        () ->
                                new AccountService(KdfPinStore.inMemory())
                                        .lookup(d.session, w.bobEmail));
        assertThat(alert.getMessage()).contains(w.bobEmail, "membership log of team " + w.teamId);
        d.refuses(
                SecurityAlertCode.UNEXPECTED_KEY_CHANGE,
                () ->
                        new AccountService(KdfPinStore.inMemory())
                                .lookup(d.session, UUID.fromString(w.bob.id())));
    }

    @Test
    void aMembersBundleSubstitutedInTheLogIsRefused() throws Exception {
        Device d = w.fresh(w.carolEmail);
        PublicBundle forged = madeByTheServer(w.bob.session.publicBundle());
        rewriteEntry(
                addMemberSeqOf(w.bob.id()),
                body -> {
                    ((ObjectNode) body.get("action"))
                            .set(
                                    "member",
                                    WireJson.mapper().valueToTree(PublicBundleJson.of(forged)));
                    return body;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aSubstitutedRecoveryKeyIsRefused() throws Exception {
        Device d = w.fresh(w.carolEmail);
        byte[] serverKey = X25519.generate().publicKey().bytes();
        rewriteEntry(
                policySeq,
                body -> {
                    ((ObjectNode) body.get("action"))
                            .put("recoveryPublicKey", Base64Url.encode(serverKey));
                    return body;
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void recoverySwitchedOnByTheServerIsRefused() throws Exception {
        Device d = w.victim(w.carolEmail);
        try (IdentityKeys server = IdentityKeys.generate()) {
            SignedLogEntry injected =
                    TeamLog.next(
                            d.engine.team(w.teamId).orElseThrow(),
                            w.alice.id(),
                            server,
                            RecoveryPolicies.policy(2, w.alice.id(), w.bob.id(), w.carol.id()));
            w.proxy.rewriteResponse(
                    "GET",
                    w.logPath(),
                    t -> {
                        array(t, "/entries").add(WireJson.mapper().<JsonNode>valueToTree(injected));
                        return ((ObjectNode) t).put("headSeq", t.get("headSeq").asLong() + 1);
                    });
        }
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aRecoveryKeyFromANonOwnerIsRefused() throws Exception {
        Device d = w.victim(w.carolEmail);
        SignedLogEntry injected =
                TeamLog.next(
                        d.engine.team(w.teamId).orElseThrow(),
                        w.bob.id(),
                        w.bob.session.identity(),
                        RecoveryPolicies.policy(2, w.bob.id(), w.carol.id()));
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    array(t, "/entries").add(WireJson.mapper().<JsonNode>valueToTree(injected));
                    return ((ObjectNode) t).put("headSeq", t.get("headSeq").asLong() + 1);
                });
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aGrantToTheRecoveryKeyByTheServerIsRefused() throws Exception {
        // A grant to "recovery" needs an admin's signature; the server's own is refused.
        Device d = w.victim(w.carolEmail);
        try (IdentityKeys server = IdentityKeys.generate()) {
            SignedLogEntry injected =
                    TeamLog.next(
                            d.engine.team(w.teamId).orElseThrow(),
                            UUID.randomUUID().toString(),
                            server,
                            new LogAction.GrantVault(
                                    w.shared,
                                    "recovery",
                                    Permission.READ,
                                    Base64Url.encode(
                                            "x".repeat(32).getBytes(StandardCharsets.UTF_8))));
            w.proxy.rewriteResponse(
                    "GET",
                    w.logPath(),
                    t -> {
                        array(t, "/entries").add(WireJson.mapper().<JsonNode>valueToTree(injected));
                        return ((ObjectNode) t).put("headSeq", t.get("headSeq").asLong() + 1);
                    });
        }
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }
}
