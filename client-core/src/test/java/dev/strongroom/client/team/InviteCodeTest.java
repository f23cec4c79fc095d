package dev.strongroom.client.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The code's text form and the proofs' bindings, without a server. */
class InviteCodeTest {

    private static final String TEAM = "3f2a6c1e-0d4b-4c3a-9a51-2b7e8f9d0c11";
    private static final String INVITE = "8e1d2c3b-4a59-4687-b7c8-d9e0f1a2b3c4";

    @Test
    void aDisplayedCodeParsesBackWhateverTheCaseAndSpacing() {
        try (InviteCode code = InviteCode.generate()) {
            char[] shown = code.display();
            assertThat(new String(shown)).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
            char[] typed = new String(shown).toLowerCase().replace('-', ' ').toCharArray();
            try (InviteCode parsed = InviteCode.parse(typed)) {
                assertThat(parsed.inviteKey(TEAM, INVITE)).isEqualTo(code.inviteKey(TEAM, INVITE));
            }
            assertThat(code.toString()).doesNotContain(new String(shown));
        }
    }

    @Test
    void malformedCodesAreRefused() {
        for (String bad :
                new String[] {
                    "",
                    "ABCD",
                    "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-456",
                    "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4561",
                    "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-45!7"
                }) {
            assertThatThrownBy(() -> InviteCode.parse(bad.toCharArray()))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theKeyBindsTeamAndInviteAndTheProofsBindBothIdentities() {
        try (InviteCode code = InviteCode.generate();
                IdentityKeys a = IdentityKeys.generate();
                IdentityKeys b = IdentityKeys.generate();
                IdentityKeys m = IdentityKeys.generate()) {
            PublicBundle inviter = a.publicBundle("a-id", "a@example.test", 1L);
            PublicBundle invitee = b.publicBundle("b-id", "b@example.test", 1L);
            PublicBundle mallory = m.publicBundle("b-id", "b@example.test", 1L);
            byte[] k = code.inviteKey(TEAM, INVITE);
            assertThat(k).hasSize(32);
            assertThat(Arrays.equals(k, code.inviteKey(TEAM, TEAM))).isFalse();
            assertThat(Arrays.equals(k, code.inviteKey(INVITE, INVITE))).isFalse();

            byte[] p =
                    InviteCode.inviterProof(k, TEAM, INVITE, "b@example.test", "member", inviter);
            assertThat(
                            InviteCode.verifyInviterProof(
                                    k, TEAM, INVITE, "b@example.test", "member", inviter, p))
                    .isTrue();
            assertThat(
                            InviteCode.verifyInviterProof(
                                    k, TEAM, INVITE, "b@example.test", "admin", inviter, p))
                    .isFalse();
            assertThat(
                            InviteCode.verifyInviterProof(
                                    k, TEAM, INVITE, "c@example.test", "member", inviter, p))
                    .isFalse();
            assertThat(
                            InviteCode.verifyInviterProof(
                                    k, TEAM, INVITE, "b@example.test", "member", mallory, p))
                    .isFalse();

            byte[] q = InviteCode.inviteeProof(k, TEAM, INVITE, inviter, invitee);
            assertThat(InviteCode.verifyInviteeProof(k, TEAM, INVITE, inviter, invitee, q))
                    .isTrue();
            assertThat(InviteCode.verifyInviteeProof(k, TEAM, INVITE, inviter, mallory, q))
                    .isFalse();
            assertThat(InviteCode.verifyInviteeProof(k, TEAM, INVITE, mallory, invitee, q))
                    .isFalse();
            try (InviteCode other = InviteCode.generate()) {
                byte[] k2 = other.inviteKey(TEAM, INVITE);
                assertThat(InviteCode.verifyInviteeProof(k2, TEAM, INVITE, inviter, invitee, q))
                        .isFalse();
            }
        }
    }
}
