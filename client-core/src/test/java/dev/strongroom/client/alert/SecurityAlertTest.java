package dev.strongroom.client.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityAlertTest {

    @Test
    void theMessageIsTheKindThenTheDetail() {
        SecurityAlert a = new SecurityAlert(SecurityAlertCode.KDF_DOWNGRADE, "offered m=1024");
        assertThat(a.code()).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(a.getMessage())
                .isEqualTo(
                        "the server offered weaker password-hashing parameters than allowed:"
                                + " offered m=1024");
        assertThat(new SecurityAlert(SecurityAlertCode.LOG_FORK, null).getMessage())
                .isEqualTo(SecurityAlertCode.LOG_FORK.description());
    }

    @Test
    void codeIdsAreStableSnakeCase() {
        assertThat(SecurityAlertCode.KDF_DOWNGRADE.id()).isEqualTo("kdf_downgrade");
        assertThat(SecurityAlertCode.UNAUTHENTICATED_STATE.id()).isEqualTo("unauthenticated_state");
        List<String> ids =
                Arrays.stream(SecurityAlertCode.values()).map(SecurityAlertCode::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z_]+"));
        assertThat(ids)
                .contains(
                        "kdf_downgrade",
                        "bad_signature",
                        "log_fork",
                        "log_rollback",
                        "head_rollback",
                        "key_substitution",
                        "format_downgrade",
                        "unexpected_key_change",
                        "unauthenticated_state");
    }
}
