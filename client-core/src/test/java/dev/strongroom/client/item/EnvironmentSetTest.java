package dev.strongroom.client.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EnvironmentSetTest {

    @Test
    void parsesTheDocumentedForm() {
        String text =
                "# comment\r\n"
                        + "\n"
                        + "DATABASE_URL=postgres://u:p@h/db?x=1\r\n"
                        + "export API_TOKEN=abc\n"
                        + "   # indented comment\n"
                        + "QUOTED=\"two words\"\n"
                        + "SINGLE='x'\n"
                        + "EMPTY=\n"
                        + "_under=  spaced  ";
        EnvironmentSet set = EnvironmentSet.parse(text.toCharArray());
        assertThat(set.vars())
                .extracting(EnvVar::name)
                .containsExactly(
                        "DATABASE_URL", "API_TOKEN", "QUOTED", "SINGLE", "EMPTY", "_under");
        assertThat(value(set, "DATABASE_URL")).isEqualTo("postgres://u:p@h/db?x=1");
        assertThat(value(set, "QUOTED")).isEqualTo("two words");
        assertThat(value(set, "SINGLE")).isEqualTo("x");
        assertThat(value(set, "EMPTY")).isEmpty();
        assertThat(value(set, "_under")).isEqualTo("  spaced  ");
    }

    @Test
    void rejectsBadLinesByNumber() {
        assertRejected("A=1\nnot a pair\n", "env line 2: must have the form NAME=VALUE");
        assertRejected("A=1\n1ABC=2\n", "env line 2: name must be a letter or _");
        assertRejected("A B=1", "env line 1: name must be");
        assertRejected("A =1", "env line 1: name must be");
        assertRejected("=1", "env line 1: name must be");
        assertRejected("A-B=1", "env line 1: name must be");
        assertRejected("A=1\nA=2", "env line 2: duplicate variable name A");
        assertThatThrownBy(() -> new EnvironmentSet(List.of(var("A", "1"), var("A", "2"))))
                .hasMessage("env.A: duplicate variable name");
    }

    @Test
    void formatRefusesLineBreaksInValues() {
        EnvironmentSet set = new EnvironmentSet(List.of(var("A", "x\ny")));
        assertThatThrownBy(set::format).hasMessageStartingWith("env.A: value has a line break");
    }

    @Property(tries = 300)
    void parsingNeverAcceptsAnInvalidName(@ForAll String name, @ForAll String value) {
        Assume.that(value.indexOf('\n') < 0);
        try {
            EnvironmentSet set = EnvironmentSet.parse((name + "=" + value).toCharArray());
            for (EnvVar var : set.vars()) {
                assertThat(var.name()).matches("[A-Za-z_][A-Za-z0-9_]*");
            }
        } catch (ItemValidationException expected) {
            assertThat(expected.getMessage()).startsWith("env line ");
        }
    }

    @Property(tries = 300)
    void validNamesAreAcceptedAndInvalidOnesRejected(@ForAll("names") String name) {
        boolean valid = name.matches("[A-Za-z_][A-Za-z0-9_]*") && name.length() <= 256;
        char[] line = (name + "=v").toCharArray();
        if (valid) {
            assertThat(EnvironmentSet.parse(line).vars())
                    .extracting(EnvVar::name)
                    .containsExactly(name);
        } else if (!name.strip().startsWith("#") && !name.startsWith("export ")) {
            assertThatThrownBy(() -> EnvironmentSet.parse(line))
                    .isInstanceOf(ItemValidationException.class);
        }
    }

    @Property(tries = 200)
    void formatThenParseRoundTrips(@ForAll("sets") EnvironmentSet set) {
        char[] text = set.format();
        assertThat(EnvironmentSet.parse(text)).isEqualTo(set);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withChars("AZaz09_-. #$")
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(12);
    }

    @Provide
    Arbitrary<EnvironmentSet> sets() {
        Arbitrary<String> name =
                Arbitraries.strings()
                        .withCharRange('A', 'Z')
                        .withChars('_')
                        .ofMinLength(1)
                        .ofMaxLength(8);
        Arbitrary<String> value =
                Arbitraries.strings()
                        .all()
                        .excludeChars('\n', '\r')
                        .ofMaxLength(20)
                        .filter(
                                s ->
                                        s.codePoints()
                                                .noneMatch(
                                                        c ->
                                                                Character.getType(c)
                                                                        == Character.SURROGATE));
        return name.list()
                .uniqueElements()
                .ofMaxSize(6)
                .flatMap(
                        names ->
                                value.list()
                                        .ofSize(names.size())
                                        .map(
                                                values -> {
                                                    List<EnvVar> vars = new java.util.ArrayList<>();
                                                    for (int i = 0; i < names.size(); i++) {
                                                        vars.add(var(names.get(i), values.get(i)));
                                                    }
                                                    return new EnvironmentSet(vars);
                                                }));
    }

    private static EnvVar var(String name, String value) {
        return new EnvVar(name, ItemSamples.secret(value));
    }

    private static String value(EnvironmentSet set, String name) {
        return new String(set.get(name).value().chars());
    }

    private static void assertRejected(String text, String message) {
        assertThatThrownBy(() -> EnvironmentSet.parse(text.toCharArray()))
                .isInstanceOf(ItemValidationException.class)
                .hasMessageStartingWith(message);
    }
}
