package dev.strongroom.model.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.envelope.Base64Url;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamLogVerifierTest {

    private final LogFixture log = new LogFixture().genesis("alice");
    private final String vault = UUID.randomUUID().toString();

    private LogFixture withBobAndVault() {
        log.person("bob");
        return log.append(
                        "alice",
                        new LogAction.AddMember(
                                log.bundle("bob"), Role.MEMBER, "fingerprint", log.nameFor("bob")))
                .append("alice", new LogAction.CreateVault(vault, LogFixture.digest("a1")))
                .append(
                        "alice",
                        new LogAction.GrantVault(
                                vault, log.id("bob"), Permission.READ, LogFixture.digest("b1")));
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(LogVerificationException.class)
                .satisfies(e -> assertThat(((LogVerificationException) e).code()).isEqualTo(code));
    }

    @Test
    void verifiesAWellFormedLog() {
        TeamState state = TeamLogVerifier.verifyFromGenesis(withBobAndVault().entries);
        assertThat(state.seq()).isEqualTo(3);
        assertThat(state.roleOf(log.id("alice"))).contains(Role.OWNER);
        assertThat(state.roleOf(log.id("bob"))).contains(Role.MEMBER);
        assertThat(state.permission(vault, log.id("bob"))).contains(Permission.READ);
        assertThat(state.permission(vault, log.id("alice"))).contains(Permission.WRITE);
    }

    @Test
    void extendIsAllOrNothing() {
        withBobAndVault();
        TeamState pinned = TeamLogVerifier.verifyFromGenesis(log.entries.subList(0, 2));
        SignedLogEntry good = log.entries.get(2);
        SignedLogEntry forged =
                log.sign("bob", 3, new byte[32], new LogAction.RemoveMember(log.id("alice")));
        assertRefused(() -> TeamLogVerifier.extend(pinned, List.of(good, forged)), "fork");
        assertThat(pinned.seq()).isEqualTo(1);
        assertThat(pinned.vaults()).isEmpty();
    }

    @Test
    void refusesATamperedBody() {
        withBobAndVault();
        List<SignedLogEntry> entries = new ArrayList<>(log.entries);
        SignedLogEntry grant = entries.get(3);
        String body =
                new String(Base64Url.decode(grant.body()), java.nio.charset.StandardCharsets.UTF_8);
        String escalated = body.replace("\"read\"", "\"write\"");
        assertThat(escalated).isNotEqualTo(body);
        entries.set(
                3,
                new SignedLogEntry(
                        Base64Url.encode(
                                escalated.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        grant.signature()));
        assertRefused(() -> TeamLogVerifier.verifyFromGenesis(entries), "bad_signature");
    }

    @Test
    void refusesRewindReorderAndDuplicates() {
        withBobAndVault();
        TeamState pinned = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertRefused(
                () -> TeamLogVerifier.extend(pinned, List.of(log.entries.get(3))), "bad_sequence");
        List<SignedLogEntry> reordered = new ArrayList<>(log.entries);
        reordered.set(2, log.entries.get(3));
        reordered.set(3, log.entries.get(2));
        assertRefused(() -> TeamLogVerifier.verifyFromGenesis(reordered), "bad_sequence");
    }

    @Test
    void refusesAForkAtTheSamePosition() {
        withBobAndVault();
        TeamState pinned = TeamLogVerifier.verifyFromGenesis(log.entries);
        SignedLogEntry fork =
                log.sign("alice", 4, new byte[32], new LogAction.RemoveMember(log.id("bob")));
        assertRefused(() -> TeamLogVerifier.extend(pinned, List.of(fork)), "fork");
    }

    @Test
    void refusesEntriesByOutsidersAndMembersOverreaching() {
        withBobAndVault();
        log.person("mallory");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "mallory",
                                                new LogAction.RemoveMember(log.id("bob"))))),
                "not_permitted");
        log.person("carol");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "bob",
                                                new LogAction.AddMember(
                                                        log.bundle("carol"),
                                                        Role.MEMBER,
                                                        "fingerprint",
                                                        log.nameFor("carol"))))),
                "not_permitted");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "bob",
                                                new LogAction.GrantVault(
                                                        vault,
                                                        log.id("bob"),
                                                        Permission.WRITE,
                                                        LogFixture.digest("x"))))),
                "not_permitted");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "bob",
                                                new LogAction.ChangeRole(
                                                        log.id("bob"), Role.OWNER)))),
                "not_permitted");
    }

    @Test
    void refusesUnverifiedMembersAndRemovingTheLastOwner() {
        log.person("bob");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "alice",
                                                new LogAction.AddMember(
                                                        log.bundle("bob"),
                                                        Role.MEMBER,
                                                        "trust_me",
                                                        log.nameFor("bob"))))),
                "not_permitted");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "alice",
                                                new LogAction.RemoveMember(log.id("alice"))))),
                "not_permitted");
    }

    @Test
    void removalDropsGrantsAndRotationMustCoverExactlyTheRest() {
        withBobAndVault().append("alice", new LogAction.RemoveMember(log.id("bob")));
        TeamState state = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertThat(state.vaults().get(vault).rotationDue()).isTrue();
        assertThat(state.permission(vault, log.id("bob"))).isEmpty();
        SignedLogEntry stillBob =
                log.next(
                        "alice",
                        new LogAction.RotateVaultKey(
                                vault,
                                2,
                                Map.of(
                                        log.id("alice"),
                                        LogFixture.digest("a2"),
                                        log.id("bob"),
                                        LogFixture.digest("b2"))));
        assertRefused(() -> TeamLogVerifier.extend(state, List.of(stillBob)), "not_permitted");
        log.append(
                "alice",
                new LogAction.RotateVaultKey(
                        vault, 2, Map.of(log.id("alice"), LogFixture.digest("a2"))));
        TeamState rotated = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertThat(rotated.vaults().get(vault).keyVersion()).isEqualTo(2);
        assertThat(rotated.vaults().get(vault).rotationDue()).isFalse();
    }

    @Test
    void deletingAVaultEndsItsGrantsAndRetiresItsIdForGood() {
        withBobAndVault();
        SignedLogEntry byMember = log.next("bob", new LogAction.DeleteVault(vault));
        TeamState before = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertRefused(() -> TeamLogVerifier.extend(before, List.of(byMember)), "not_permitted");
        log.append("alice", new LogAction.DeleteVault(vault));
        TeamState state = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertThat(state.vaults()).doesNotContainKey(vault);
        assertThat(state.deletedVaults()).containsExactly(vault);
        assertThat(state.permission(vault, log.id("bob"))).isEmpty();
        SignedLogEntry recreate =
                log.next("alice", new LogAction.CreateVault(vault, LogFixture.digest("a9")));
        assertRefused(() -> TeamLogVerifier.extend(state, List.of(recreate)), "not_permitted");
        SignedLogEntry deleteAgain = log.next("alice", new LogAction.DeleteVault(vault));
        assertRefused(() -> TeamLogVerifier.extend(state, List.of(deleteAgain)), "not_permitted");
    }

    @Test
    void recoveryPolicyOnlyFromOwnersWithSaneThresholds() {
        withBobAndVault();
        String key = LogFixture.digest("recovery-public-key");
        List<String> approvers = List.of(log.id("alice"), log.id("bob"));
        Map<String, String> shares =
                Map.of(
                        log.id("alice"),
                        LogFixture.digest("s1"),
                        log.id("bob"),
                        LogFixture.digest("s2"));
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "bob",
                                                new LogAction.SetRecoveryPolicy(
                                                        1, key, approvers, shares, 2, 0, false)))),
                "not_permitted");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                appendTo(
                                        log.next(
                                                "alice",
                                                new LogAction.SetRecoveryPolicy(
                                                        1, key, approvers, shares, 1, 0, false)))),
                "not_permitted");
        log.append(
                "alice", new LogAction.SetRecoveryPolicy(1, key, approvers, shares, 2, 24, true));
        assertThat(TeamLogVerifier.verifyFromGenesis(log.entries).recoveryPolicy()).isPresent();
    }

    @Test
    void refusesAnUnknownFormatAndMalformedEntries() {
        assertRefused(
                () -> UnverifiedLogEntry.decode(new SignedLogEntry("not base64!", "AA")),
                "malformed_entry");
        String unknownField =
                Base64Url.encode(
                        "{\"format\":1,\"extra\":true}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(
                () -> UnverifiedLogEntry.decode(new SignedLogEntry(unknownField, "AA")),
                "malformed_entry");
    }

    private List<SignedLogEntry> appendTo(SignedLogEntry entry) {
        List<SignedLogEntry> all = new ArrayList<>(log.entries);
        all.add(entry);
        return all;
    }
}
