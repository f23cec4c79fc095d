package dev.strongroom.client.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.secret.SecretText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final SecretReference DB = SecretReference.parse("sr://ops/prod/db/password");
    private static final SecretReference KEY = SecretReference.parse("sr://ops/prod/api/key");

    @Test
    void replacesEveryReferenceAndLeavesOtherTemplateSyntaxAlone() {
        Template t =
                Template.parse(
                        "db: {{ sr://ops/prod/db/password }}\n"
                                + "again: {{sr://ops/prod/db/password}} and {{ sr://ops/prod/api/key }}\n"
                                + "helm: {{ .Values.image }} {{ }}\n");
        assertThat(t.references()).containsExactly(DB, KEY);
        char[] out =
                t.render(
                        Map.of(
                                DB, SecretText.copyOf("p4ss".toCharArray()),
                                KEY, SecretText.copyOf("k-1".toCharArray())));
        assertThat(new String(out))
                .isEqualTo("db: p4ss\nagain: p4ss and k-1\nhelm: {{ .Values.image }} {{ }}\n");
    }

    @Test
    void aTemplateWithoutReferencesRendersUnchanged() {
        assertThat(new String(Template.parse("plain {text}\n").render(Map.of())))
                .isEqualTo("plain {text}\n");
    }

    @Test
    void unbalancedBracesAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> Template.parse("a\nkey: {{ sr://ops/prod/db/password }\nb"))
                .isInstanceOf(AutomationInputException.class)
                .hasMessage("template line 2, column 6: {{ sr://... has no closing }}");
        assertThatThrownBy(() -> Template.parse("x {{ sr://ops/prod/db/password\n}}"))
                .hasMessageContaining("line 1, column 3");
    }

    @Test
    void aMalformedReferenceIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> Template.parse("\n\n  {{ sr://ops/prod/db }}"))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageStartingWith("template line 3, column 3: ")
                .hasMessageContaining("4 segments");
    }

    @Test
    void renderingRefusesAMissingValue() {
        Template t = Template.parse("{{ sr://ops/prod/db/password }}");
        assertThatThrownBy(() -> t.render(Map.of()))
                .isInstanceOf(AutomationInputException.class)
                .hasMessage("no value for sr://ops/prod/db/password");
    }
}
