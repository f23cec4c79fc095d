package dev.strongroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Commands that need no server or vault, run as real processes. */
class OfflineCommandsTest {

    @Test
    void generatesPasswordsAndPassphrases() throws Exception {
        CliProcess.Result password = CliProcess.run("generate", "--length", "32", "--no-symbols");
        assertThat(password.exitCode()).isZero();
        assertThat(password.stdout().strip()).matches("[A-Za-z0-9]{32}");
        assertThat(password.stderr()).isEmpty();

        CliProcess.Result phrase =
                CliProcess.run("generate", "--passphrase", "--words", "5", "--json");
        assertThat(phrase.exitCode()).isZero();
        assertThat(phrase.stdout())
                .matches("(?s)\\{\"secret\":\"[a-z]+(-[a-z]+){4}\",\"entropyBits\":50\\.0}\\s*");
    }

    @Test
    void totpFromStdinMatchesTheRfcSecretFormat() throws Exception {
        byte[] secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n".getBytes(StandardCharsets.UTF_8);
        CliProcess.Result result = CliProcess.run(secret, "totp", "--secret-stdin", "--json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout())
                .matches("(?s)\\{\"code\":\"\\d{6}\",\"secondsRemaining\":\\d+}\\s*");
    }

    @Test
    void badInputGetsOneLineAndTheDocumentedExitCode() throws Exception {
        CliProcess.Result unknown = CliProcess.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr())
                .startsWith("strongroom: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");

        CliProcess.Result badFlag = CliProcess.run("generate", "--length", "many");
        assertThat(badFlag.exitCode()).isEqualTo(2);

        CliProcess.Result tooShort = CliProcess.run("generate", "--length", "2");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.stderr().lines()).hasSize(1);

        byte[] junk = {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'};
        CliProcess.Result binary = CliProcess.run(junk, "totp", "--secret-stdin");
        assertThat(binary.exitCode()).isEqualTo(2);
        assertThat(binary.stderr().lines()).hasSize(1);

        byte[] notBase32 = "this is not base32!\n".getBytes(StandardCharsets.UTF_8);
        CliProcess.Result wrongSecret = CliProcess.run(notBase32, "totp", "--secret-stdin");
        assertThat(wrongSecret.exitCode()).isEqualTo(1);
        assertThat(wrongSecret.stderr()).doesNotContain("this is not base32");
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        CliProcess.Result help = CliProcess.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Exit codes:").contains("6").contains("security alert");
    }
}
