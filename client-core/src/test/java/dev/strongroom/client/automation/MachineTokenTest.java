package dev.strongroom.client.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MachineTokenTest {

    private final UUID team = UUID.randomUUID();
    private final UUID machine = UUID.randomUUID();
    private final byte[] secret = Randoms.bytes(32);
    private final byte[] genesis = Randoms.bytes(32);

    @Test
    void roundTripsIdsSecretAndKeys() {
        try (IdentityKeys keys = IdentityKeys.generate();
                MachineToken token = MachineToken.of(team, genesis, machine, secret, keys)) {
            char[] text = token.toChars();
            assertThat(new String(text, 0, 5)).isEqualTo("srm2_");
            char[] padded = new char[text.length + 3];
            padded[0] = ' ';
            System.arraycopy(text, 0, padded, 1, text.length);
            padded[text.length + 1] = '\r';
            padded[text.length + 2] = '\n';
            try (MachineToken back = MachineToken.parse(padded);
                    IdentityKeys restored = back.identity()) {
                assertThat(back.teamId()).isEqualTo(team);
                assertThat(back.machineId()).isEqualTo(machine);
                assertThat(back.genesisHash()).isEqualTo(genesis);
                assertThat(back.secret()).isEqualTo(secret);
                assertThat(back.secretHash()).isEqualTo(Sha256.hash(secret));
                assertThat(restored.signingPublicKey().bytes())
                        .isEqualTo(keys.signingPublicKey().bytes());
                assertThat(
                                Arrays.equals(
                                        restored.encryptionPublicKey().bytes(),
                                        keys.encryptionPublicKey().bytes()))
                        .isTrue();
            }
            assertThat(token.toString()).doesNotContain(new String(text, 5, 20));
        }
    }

    @Test
    void everySingleCharacterChangeFailsWithOneAndTheSameMessage() {
        char[] text;
        try (IdentityKeys keys = IdentityKeys.generate();
                MachineToken token = MachineToken.of(team, genesis, machine, secret, keys)) {
            text = token.toChars();
        }
        Set<String> messages = new HashSet<>();
        int refused = 0;
        for (int i = 5; i < text.length; i++) {
            char[] damaged = text.clone();
            damaged[i] = damaged[i] == 'A' ? 'B' : 'A';
            try (MachineToken ignored = MachineToken.parse(damaged)) {
                // accepted: counted below as a failure
            } catch (AutomationInputException e) {
                messages.add(e.getMessage());
                refused++;
            }
        }
        assertThat(refused).isEqualTo(text.length - 5);
        assertThat(messages).containsExactly("the machine token is malformed or damaged");
        char[] truncated = Arrays.copyOf(text, text.length - 4);
        assertThatThrownBy(() -> MachineToken.parse(truncated))
                .hasMessage("the machine token is malformed or damaged");
        assertThatThrownBy(() -> MachineToken.parse("sk_live_123".toCharArray()))
                .hasMessageStartingWith("the machine token is malformed or damaged");
    }

    @Test
    void aVersion1TokenAndAnUnknownVersionAreRefusedWithoutFallback() {
        char[] text;
        try (IdentityKeys keys = IdentityKeys.generate();
                MachineToken token = MachineToken.of(team, genesis, machine, secret, keys)) {
            text = token.toChars();
        }
        char[] v1 = text.clone();
        v1[3] = '1';
        assertThatThrownBy(() -> MachineToken.parse(v1))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageContaining("version 1")
                .hasMessageContaining("does not pin its team");
        char[] v3 = text.clone();
        v3[3] = '3';
        assertThatThrownBy(() -> MachineToken.parse(v3))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageStartingWith("the machine token is malformed or damaged");
    }

    @Test
    void theGenesisHashMustBe32Bytes() {
        try (IdentityKeys keys = IdentityKeys.generate()) {
            assertThatThrownBy(() -> MachineToken.of(team, new byte[31], machine, secret, keys))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
