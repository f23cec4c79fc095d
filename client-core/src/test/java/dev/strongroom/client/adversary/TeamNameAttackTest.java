package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.sync.TeamNameCheck;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamNames;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Team names sealed per member (docs/CRYPTO.md, "Team names"): the server swaps a seal in transit,
 * a member signs a seal that is not the reader's into the log, or the name is rolled back to an
 * older version. Each is an alert, and the victim's cache stays as it was.
 */
class TeamNameAttackTest extends WorldTest {

    static TeamState state(Device d) {
        return d.engine.team(w.teamId).orElseThrow();
    }

    static String name(Device d) {
        return TeamNameCheck.read(state(d), d.id(), d.session.identity());
    }

    static void rename(String name) {
        try (TeamService teams = new TeamService(w.alice.vaults, w.alice.engine, w.alice.dir)) {
            teams.rename(w.teamId, name);
        }
    }

    /** The sealed names of the rename_team entries the server serves, edited in place. */
    static void editRenames(java.util.function.Consumer<ObjectNode> sealedNames) {
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    for (JsonNode e : array(t, "/entries")) {
                        ObjectNode body =
                                (ObjectNode)
                                        JsonEdits.parse(Base64Url.decode(e.get("body").asText()));
                        if (body.at("/action/type").asText().equals("rename_team")) {
                            sealedNames.accept((ObjectNode) body.at("/action/sealedNames"));
                            ((ObjectNode) e).put("body", Base64Url.encode(JsonEdits.bytes(body)));
                        }
                    }
                    return t;
                });
    }

    @Test
    void aSealedNameSwappedInTransitBreaksTheEntrysSignature() throws Exception {
        Device d = w.victim(w.bobEmail);
        String before = name(d);
        rename("Acme after a swap attempt");
        editRenames(seals -> seals.set(w.bob.id(), seals.get(w.alice.id())));
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
        assertThat(name(d)).isEqualTo(before);
        w.proxy.clearRules();
        d.engine.pull();
        assertThat(name(d)).isEqualTo("Acme after a swap attempt");
    }

    @Test
    void aNameSealedToSomeoneElseAndSignedByAMemberIsAnAlert() throws Exception {
        Device d = w.victim(w.bobEmail);
        TeamState s = state(d);
        int next = s.nameVersion() + 1;
        Map<String, String> seals = new HashMap<>();
        for (Device m : new Device[] {w.alice, w.bob, w.carol}) {
            seals.put(m.id(), seal(s, next, m, "Forged"));
        }
        // bob's slot holds the seal made for carol: well formed, signed, but not his
        seals.put(w.bob.id(), seals.get(w.carol.id()));
        MembershipLogAttackTest.inject(
                MembershipLogAttackTest.by(d, w.alice, new LogAction.RenameTeam(next, seals)));
        d.pullRefused(SecurityAlertCode.TAMPERED_DATA);
        // a seal for bob made at another name version does not open either
        seals.put(w.bob.id(), seal(s, next + 1, w.bob, "Forged"));
        w.proxy.clearRules();
        MembershipLogAttackTest.inject(
                MembershipLogAttackTest.by(d, w.alice, new LogAction.RenameTeam(next, seals)));
        d.pullRefused(SecurityAlertCode.TAMPERED_DATA);
    }

    @Test
    void aRolledBackNameVersionIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        rename("Acme v-next");
        d.engine.pull();
        TeamState s = state(d);
        assertThat(name(d)).isEqualTo("Acme v-next");

        // a rename signed by an admin that goes back to the current (or an older) version
        Map<String, String> seals = new HashMap<>();
        for (Device m : new Device[] {w.alice, w.bob, w.carol}) {
            seals.put(m.id(), seal(s, s.nameVersion(), m, "Acme, older"));
        }
        MembershipLogAttackTest.inject(
                MembershipLogAttackTest.by(
                        d, w.alice, new LogAction.RenameTeam(s.nameVersion(), seals)));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);

        // the server serves the log as it was before the rename
        w.proxy.clearRules();
        long pinned = d.engine.logSeq(w.teamId);
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    array(t, "/entries").removeAll();
                    return ((ObjectNode) t).put("headSeq", pinned - 1);
                });
        d.pullRefused(SecurityAlertCode.LOG_ROLLBACK);
        assertThat(name(d)).isEqualTo("Acme v-next");
    }

    private static String seal(TeamState s, int version, Device to, String name) {
        return TeamNames.seal(
                s.teamId(),
                version,
                to.id(),
                to.session.identity().encryptionPublicKey(),
                w.alice.session.identity(),
                name);
    }
}
