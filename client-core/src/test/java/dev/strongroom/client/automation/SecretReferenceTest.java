package dev.strongroom.client.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretReferenceTest {

    @Test
    void parsesNamesAndEscapedNames() {
        SecretReference r = SecretReference.parse("sr://ops/prod%2Fdb/Main%20DB/password");
        assertThat(r.team()).isEqualTo("ops");
        assertThat(r.vault()).isEqualTo("prod/db");
        assertThat(r.item()).isEqualTo("Main DB");
        assertThat(r.field()).isEqualTo("password");
        assertThat(r.toString()).isEqualTo("sr://ops/prod%2Fdb/Main%20DB/password");
        assertThat(SecretReference.parse("sr://t/v/%C3%A9t%C3%A9/f").item()).isEqualTo("été");
    }

    @Property(tries = 300)
    void everyNameRoundTrips(
            @ForAll @StringLength(min = 1, max = 30) String team,
            @ForAll @StringLength(min = 1, max = 30) String item) {
        if (team.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || item.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !team.codePoints().allMatch(Character::isDefined)
                || hasLoneSurrogate(team)
                || hasLoneSurrogate(item)) {
            return;
        }
        SecretReference r = new SecretReference(team, "vault/x", item, "field name");
        assertThat(SecretReference.parse(r.toString())).isEqualTo(r);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://t/v/i/f|starts with sr://",
                "sr://t/v/i|4 segments",
                "sr://t/v/i/f/g|4 segments",
                "sr://t//i/f|vault segment of a secret reference is empty",
                "sr://t/v/i/|field segment of a secret reference is empty",
                "sr://t/v/a b/f|item segment has a space",
                "sr://t/v/i%2/f|item segment has a % not followed",
                "sr://t/v/i%zz/f|item segment has a % not followed",
                "sr://t/v/%FF/f|not valid UTF-8",
                "sr://t/v/%0A/f|encodes a control character",
                "sr://t/v/i}}/f|brace",
            })
    void refusesMalformedReferencesNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> SecretReference.parse(text))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(ints = {SecretReference.MAX_LENGTH + 1, 100_000})
    void refusesOverlongReferences(int length) {
        String text = "sr://t/v/i/" + "f".repeat(length);
        assertThatThrownBy(() -> SecretReference.parse(text))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageContaining("longer than");
    }
}
