package dev.strongroom.client.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.client.secret.SecretText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ExportFormatTest {

    private static final String TRICKY = "p\"a$s`s\\w\nörd";

    private static Map<String, SecretText> values() {
        Map<String, SecretText> v = new LinkedHashMap<>();
        v.put("DB_PASSWORD", SecretText.copyOf(TRICKY.toCharArray()));
        v.put("API_KEY", SecretText.copyOf("k-123".toCharArray()));
        return v;
    }

    private static String write(ExportFormat f, Map<String, SecretText> v) {
        return new String(f.write(v, new ExportFormat.Target("app-secrets", "prod")));
    }

    @Test
    void dotenvQuotesAndEscapesExactly() {
        assertThat(write(ExportFormat.DOTENV, values()))
                .isEqualTo("DB_PASSWORD=\"p\\\"a\\$s\\`s\\\\w\\nörd\"\nAPI_KEY=\"k-123\"\n");
    }

    @Test
    void jsonIsExactAndParsesBack() throws Exception {
        String json = write(ExportFormat.JSON, values());
        assertThat(json)
                .isEqualTo(
                        "{\n  \"DB_PASSWORD\": \"p\\\"a$s`s\\\\w\\u000aörd\",\n"
                                + "  \"API_KEY\": \"k-123\"\n}\n");
        Map<?, ?> parsed = new ObjectMapper().readValue(json, Map.class);
        assertThat(parsed.get("DB_PASSWORD")).isEqualTo(TRICKY);
        assertThat(write(ExportFormat.JSON, Map.of())).isEqualTo("{}\n");
    }

    @Test
    void kubernetesManifestIsExactAndParsesAsYamlWithTheRightBase64() {
        String yaml = write(ExportFormat.K8S_SECRET, values());
        String b64 = Base64.getEncoder().encodeToString(TRICKY.getBytes(StandardCharsets.UTF_8));
        assertThat(yaml)
                .isEqualTo(
                        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\n"
                                + "  namespace: prod\ntype: Opaque\ndata:\n"
                                + "  DB_PASSWORD: "
                                + b64
                                + "\n  API_KEY: ay0xMjM=\n"); // base64("k-123")
        Map<?, ?> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertThat(doc.get("kind")).isEqualTo("Secret");
        Map<?, ?> data = (Map<?, ?>) doc.get("data");
        assertThat(
                        new String(
                                Base64.getDecoder().decode((String) data.get("DB_PASSWORD")),
                                StandardCharsets.UTF_8))
                .isEqualTo(TRICKY);
        assertThat(write(ExportFormat.K8S_SECRET, Map.of())).endsWith("data: {}\n");
    }

    @Test
    void refusesNamesAFormatCannotCarry() {
        Map<String, SecretText> bad = Map.of("has space", SecretText.copyOf("x".toCharArray()));
        assertThatThrownBy(() -> write(ExportFormat.DOTENV, bad))
                .isInstanceOf(AutomationInputException.class)
                .hasMessageContaining("'has space' is not a valid variable name");
        assertThatThrownBy(() -> write(ExportFormat.K8S_SECRET, bad))
                .hasMessageContaining("not a valid Kubernetes Secret key");
        assertThatThrownBy(
                        () ->
                                ExportFormat.K8S_SECRET.write(
                                        Map.of(), new ExportFormat.Target("Bad_Name", "prod")))
                .hasMessageContaining("Secret name");
        assertThatThrownBy(
                        () ->
                                ExportFormat.K8S_SECRET.write(
                                        Map.of(), new ExportFormat.Target("ok", "-bad")))
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> ExportFormat.parse("yaml"))
                .hasMessageContaining("unknown export format");
    }
}
