package dev.strongroom.client.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvFileTest {

    @Test
    void readsReferencesLiteralsCommentsAndExport() {
        EnvFile f =
                EnvFile.parse(
                        "# deploy\n\nDB_PASSWORD=sr://ops/prod/db/password\n"
                                + "export API_KEY = \"sr://ops/prod/api/key\"\r\nREGION=eu-west-1\n");
        assertThat(f.entries().keySet()).containsExactly("DB_PASSWORD", "API_KEY", "REGION");
        assertThat(f.entries().get("API_KEY").reference())
                .contains(SecretReference.parse("sr://ops/prod/api/key"));
        assertThat(f.entries().get("REGION").reference()).isEmpty();
        assertThat(f.entries().get("REGION").literal()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A=sr://t/v/i/f\\njust words|line 2: expected NAME=",
                "1A=x|line 1: '1A' is not a variable name",
                "A=x\\nA=y|line 2: A is set twice",
                "A=sr://t/v/i|line 1: a secret reference has 4 segments",
                "A=\"open|line 1: the value's quote is not closed",
                "=x|line 1: expected NAME=",
            })
    void refusesBadLinesNamingTheLine(String text, String problem) {
        assertThatThrownBy(() -> EnvFile.parse(text.replace("\\n", "\n")))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageContaining(problem);
    }
}
