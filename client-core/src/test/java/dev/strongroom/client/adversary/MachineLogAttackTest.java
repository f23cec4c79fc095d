package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static dev.strongroom.client.adversary.MembershipLogAttackTest.by;
import static dev.strongroom.client.adversary.MembershipLogAttackTest.inject;
import static dev.strongroom.client.adversary.MembershipLogAttackTest.stranger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.machine.MachineService;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntries;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.WireJson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Machine accounts in the membership log are verified like members: the server cannot slip in a
 * machine, a machine added by a member, a machine bundle that does not verify, or a grant to a
 * machine the log does not hold (never added, or already removed).
 */
class MachineLogAttackTest extends WorldTest {

    private static final String DIGEST = Base64Url.encode(new byte[32]);

    @Test
    void aMachineAddedByAMemberIsRefused() throws Exception {
        Device d = w.victim(w.aliceEmail);
        inject(by(d, w.carol, new LogAction.AddMachine(stranger(), null)));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aMachineWhoseBundleDoesNotVerifyIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        PublicBundleJson real = stranger();
        PublicBundleJson renamed =
                new PublicBundleJson(
                        real.accountId(),
                        "machine:renamed by the server",
                        real.encryptionKey(),
                        real.signingKey(),
                        real.created(),
                        real.signature());
        inject(by(d, w.alice, new LogAction.AddMachine(renamed, null)));
        d.pullRefused(SecurityAlertCode.KEY_SUBSTITUTION);
    }

    @Test
    void aGrantToAMachineTheLogDoesNotHoldIsRefused() throws Exception {
        Device d = w.victim(w.bobEmail);
        String unknown = UUID.randomUUID().toString();
        inject(by(d, w.alice, new LogAction.GrantVault(w.ops, unknown, Permission.READ, DIGEST)));
        d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
    }

    @Test
    void aGrantToARevokedMachineIsRefusedAndTheHonestOnesVerify() throws Exception {
        try (TeamService teams =
                new TeamService(w.alice.vaults, w.alice.engine, w.dir.resolve("t"))) {
            MachineService machines = new MachineService(w.alice.engine, teams);
            String id;
            try (MachineToken t =
                    machines.create(w.teamId, "ci", Map.of(w.ops, Permission.READ), null)) {
                id = t.machineId().toString();
            }
            Device d = w.victim(w.bobEmail);
            assertThat(MembershipLogAttackTest.state(d).permission(w.ops, id))
                    .contains(Permission.READ);
            machines.revoke(w.teamId, id);
            d = w.victim(w.bobEmail);
            assertThat(MembershipLogAttackTest.state(d).machines()).doesNotContainKey(id);
            inject(by(d, w.alice, new LogAction.GrantVault(w.ops, id, Permission.READ, DIGEST)));
            d.pullRefused(SecurityAlertCode.UNAUTHORIZED_CHANGE);
        }
    }

    /**
     * The server makes up a team of its own under the real team's id: a genesis signed by a founder
     * key it holds, then the machine's real (public, self-signed) bundle added by that founder. The
     * forged log verifies by itself and lists the machine with the token's keys, so only the
     * genesis the token pins tells it apart; the machine refuses it as a fork.
     */
    @Test
    void aForgedTeamLogListingTheMachineIsRefusedByTheGenesisPin() throws Exception {
        try (TeamService teams =
                        new TeamService(w.alice.vaults, w.alice.engine, w.dir.resolve("t2"));
                MachineToken token =
                        new MachineService(w.alice.engine, teams)
                                .create(
                                        w.teamId,
                                        "ci-pinned",
                                        Map.of(w.ops, Permission.READ),
                                        null);
                IdentityKeys server = IdentityKeys.generate()) {
            String machineId = token.machineId().toString();
            TeamState.Machine real =
                    w.alice.engine.team(w.teamId).orElseThrow().machines().get(machineId);
            String founderId = UUID.randomUUID().toString();
            PublicBundleJson founder =
                    PublicBundleJson.of(
                            server.publicBundle(
                                    founderId, "mallory@example.test", System.currentTimeMillis()));
            SignedLogEntry genesis =
                    TeamLog.at(
                            w.teamId,
                            0,
                            LogEntries.genesisPrevHash(),
                            founderId,
                            server,
                            new LogAction.CreateTeam(
                                    null,
                                    founder,
                                    dev.strongroom.model.log.TeamNames.seal(
                                            w.teamId,
                                            1,
                                            founderId,
                                            server.encryptionPublicKey(),
                                            server,
                                            "Acme")));
            SignedLogEntry addMachine =
                    TeamLog.next(
                            TeamLogVerifier.verifyFromGenesis(List.of(genesis)),
                            founderId,
                            server,
                            new LogAction.AddMachine(PublicBundleJson.of(real.bundle()), null));
            TeamState forged = TeamLogVerifier.verifyFromGenesis(List.of(genesis, addMachine));
            assertThat(forged.machines().get(machineId).bundle().signingKey())
                    .isEqualTo(real.bundle().signingKey());

            // honest proxy: the session opens and reads the name sealed to the machine
            try (MachineSession s = open(token)) {
                assertThat(s.teamName()).isEqualTo("Acme");
            }
            w.proxy.rewriteResponse(
                    "GET",
                    w.logPath(),
                    t -> {
                        ArrayNode entries = array(t, "/entries");
                        entries.removeAll();
                        entries.add(WireJson.mapper().<JsonNode>valueToTree(genesis));
                        entries.add(WireJson.mapper().<JsonNode>valueToTree(addMachine));
                        ((ObjectNode) t).put("headSeq", 1);
                        return t;
                    });
            SecurityAlert alert = catchThrowableOfType(() -> open(token), SecurityAlert.class);
            assertThat(alert).isNotNull();
            assertThat(alert.code()).isEqualTo(SecurityAlertCode.LOG_FORK);
            assertThat(alert.getMessage()).contains("genesis");
        }
    }

    private static MachineSession open(MachineToken token) {
        return MachineSession.open(
                ApiTransport.connect(w.proxy.endpoint()), token, Clock.systemUTC());
    }
}
