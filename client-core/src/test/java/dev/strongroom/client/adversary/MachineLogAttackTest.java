package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.MembershipLogAttackTest.by;
import static dev.strongroom.client.adversary.MembershipLogAttackTest.inject;
import static dev.strongroom.client.adversary.MembershipLogAttackTest.stranger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.machine.MachineService;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.wire.Base64Url;
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
}
