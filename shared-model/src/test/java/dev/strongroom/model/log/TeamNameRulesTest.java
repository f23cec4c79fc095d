package dev.strongroom.model.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format 2 logs: the team's name sealed per member, renames, and the old clear-name format. */
class TeamNameRulesTest {

    private final LogFixture log = new LogFixture().genesis("alice");

    private LogFixture withBob() {
        log.person("bob");
        return log.append(
                "alice",
                new LogAction.AddMember(
                        log.bundle("bob"), Role.ADMIN, "fingerprint", log.nameFor("bob")));
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(LogVerificationException.class)
                .satisfies(e -> assertThat(((LogVerificationException) e).code()).isEqualTo(code));
    }

    private String name(TeamState s, String who) {
        return s.name(log.id(who), log.keys.get(who));
    }

    private List<SignedLogEntry> plus(SignedLogEntry entry) {
        List<SignedLogEntry> all = new ArrayList<>(log.entries);
        all.add(entry);
        return all;
    }

    @Test
    void eachMemberOpensTheNameSealedToThemAndNobodyElseCan() {
        TeamState s = TeamLogVerifier.verifyFromGenesis(withBob().entries);
        assertThat(name(s, "alice")).isEqualTo("Platform");
        assertThat(name(s, "bob")).isEqualTo("Platform");
        assertThat(s.clearName()).isEmpty();
        assertThat(s.nameSealFor(log.id("bob")).orElseThrow().author().accountId())
                .isEqualTo(log.id("alice"));
        // bob's key cannot open alice's seal, and nobody reads it as bob's
        assertRefused(() -> s.name(log.id("alice"), log.keys.get("bob")), "bad_team_name");
    }

    @Test
    void aSealMadeForSomeoneElseDoesNotOpen() {
        log.person("bob");
        log.append(
                "alice",
                new LogAction.AddMember(
                        log.bundle("bob"), Role.MEMBER, "fingerprint", log.nameFor("alice")));
        TeamState s = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertRefused(() -> name(s, "bob"), "bad_team_name");
    }

    @Test
    void renamesGoForwardOneVersionAndCoverExactlyTheMembers() {
        withBob();
        log.append(
                "bob",
                new LogAction.RenameTeam(
                        2,
                        Map.of(
                                log.id("alice"), log.sealName("bob", "alice", 2, "Infra"),
                                log.id("bob"), log.sealName("bob", "bob", 2, "Infra"))));
        TeamState s = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertThat(name(s, "alice")).isEqualTo("Infra");
        assertThat(s.nameVersion()).isEqualTo(2);

        // a rename back to an old version, a skipped version, or one that leaves a member out
        Map<String, String> both =
                Map.of(
                        log.id("alice"), log.sealName("bob", "alice", 2, "Old"),
                        log.id("bob"), log.sealName("bob", "bob", 2, "Old"));
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                plus(log.next("alice", new LogAction.RenameTeam(2, both)))),
                "not_permitted");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                plus(log.next("alice", new LogAction.RenameTeam(4, both)))),
                "not_permitted");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                plus(
                                        log.next(
                                                "alice",
                                                new LogAction.RenameTeam(
                                                        3,
                                                        Map.of(
                                                                log.id("alice"),
                                                                log.sealName(
                                                                        "alice", "alice", 3,
                                                                        "X")))))),
                "not_permitted");
    }

    @Test
    void aRenameReplayingAnOlderVersionsSealDoesNotOpen() {
        withBob();
        // the version 2 rename carries the seals made for version 1 (the old name)
        log.append(
                "alice",
                new LogAction.RenameTeam(
                        2,
                        Map.of(
                                log.id("alice"), log.nameFor("alice"),
                                log.id("bob"), log.nameFor("bob"))));
        TeamState s = TeamLogVerifier.verifyFromGenesis(log.entries);
        assertRefused(() -> name(s, "bob"), "bad_team_name");
    }

    @Test
    void membersCannotRenameAndSealsAreRequired() {
        log.person("carol");
        log.append(
                "alice",
                new LogAction.AddMember(
                        log.bundle("carol"), Role.MEMBER, "fingerprint", log.nameFor("carol")));
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                plus(
                                        log.next(
                                                "carol",
                                                new LogAction.RenameTeam(
                                                        2,
                                                        Map.of(
                                                                log.id("alice"),
                                                                        log.nameFor("alice"),
                                                                log.id("carol"),
                                                                        log.nameFor("carol")))))),
                "not_permitted");
        log.person("dave");
        assertRefused(
                () ->
                        TeamLogVerifier.verifyFromGenesis(
                                plus(
                                        log.next(
                                                "alice",
                                                new LogAction.AddMember(
                                                        log.bundle("dave"),
                                                        Role.MEMBER,
                                                        "fingerprint",
                                                        null)))),
                "not_permitted");
    }

    @Test
    void oldClearNameLogsStillVerifyButNewTeamsAndEntriesCannotGoBack() {
        LogFixture old = new LogFixture();
        old.person("alice");
        old.append(1, "alice", new LogAction.CreateTeam("Legacy", old.bundle("alice"), null));
        old.person("bob");
        old.append(
                1,
                "alice",
                new LogAction.AddMember(old.bundle("bob"), Role.MEMBER, "fingerprint", null));
        // a client of today appends format 2 entries to an old log
        old.append(2, "alice", new LogAction.ChangeRole(old.id("bob"), Role.ADMIN));
        TeamState s = TeamLogVerifier.verifyFromGenesis(old.entries);
        assertThat(s.clearName()).contains("Legacy");
        assertThat(s.name(old.id("bob"), old.keys.get("bob"))).isEqualTo("Legacy");
        assertRefused(
                () -> TeamLogVerifier.verifyNewTeam(old.entries.get(0)), "unsupported_format");
        assertThat(TeamLogVerifier.verifyNewTeam(log.entries.get(0)).namesSealed()).isTrue();

        // after a format 2 entry, a format 1 entry is a downgrade
        List<SignedLogEntry> downgraded = new ArrayList<>(old.entries);
        downgraded.add(
                old.sign(
                        1,
                        "alice",
                        3,
                        headOf(old),
                        new LogAction.ChangeRole(old.id("bob"), Role.MEMBER)));
        assertRefused(() -> TeamLogVerifier.verifyFromGenesis(downgraded), "unsupported_format");
    }

    @Test
    void aGenesisCarriesEitherAClearOrASealedNameByFormat() {
        LogFixture bad = new LogFixture();
        bad.person("alice");
        bad.append(2, "alice", new LogAction.CreateTeam("Platform", bad.bundle("alice"), null));
        assertRefused(() -> TeamLogVerifier.verifyFromGenesis(bad.entries), "bad_genesis");
        LogFixture both = new LogFixture();
        both.person("alice");
        both.append(
                1,
                "alice",
                new LogAction.CreateTeam("Platform", both.bundle("alice"), log.nameFor("alice")));
        assertRefused(() -> TeamLogVerifier.verifyFromGenesis(both.entries), "bad_genesis");
    }

    private static byte[] headOf(LogFixture f) {
        return UnverifiedLogEntry.decode(f.entries.get(f.entries.size() - 1)).hash();
    }
}
