package dev.strongroom.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent protocol: exact encodings, round trips, and strict refusal of anything else. */
class AgentProtocolTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestHasAFixedEncodingAndRoundTripsWithSecretsAsCharArrays() {
        char[] password = "pä\"ss\\word".toCharArray();
        AgentRequest request =
                new AgentRequest(
                        "login",
                        "work",
                        "http://127.0.0.1:8080",
                        Map.of("email", "a@example.com"),
                        Map.of("password", password));
        byte[] encoded = request.encode();
        assertThat(new String(encoded, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"v\":1,\"command\":\"login\",\"profile\":\"work\","
                                + "\"server\":\"http://127.0.0.1:8080\","
                                + "\"args\":{\"email\":\"a@example.com\"},"
                                + "\"secrets\":{\"password\":\"pä\\\"ss\\\\word\"}}");
        assertThat(request.toString()).doesNotContain("word");
        try (AgentRequest parsed = AgentRequest.parse(encoded)) {
            assertThat(parsed.command()).isEqualTo("login");
            assertThat(parsed.args()).containsExactlyEntriesOf(Map.of("email", "a@example.com"));
            assertThat(parsed.secret("password")).isEqualTo("pä\"ss\\word".toCharArray());
            char[] held = parsed.secret("password");
            parsed.close();
            assertThat(new String(held)).isEqualTo("\0".repeat(held.length));
        }
    }

    @Test
    void malformedRequestsAreRefused() {
        String base =
                "\"command\":\"status\",\"profile\":\"p\",\"server\":\"s\",\"args\":{},"
                        + "\"secrets\":{}";
        List<String> bad =
                List.of(
                        "",
                        "[]",
                        "{" + base + "}", // no version
                        "{\"v\":2," + base + "}",
                        "{\"v\":\"1\"," + base + "}",
                        "{\"v\":1," + base + ",\"extra\":1}",
                        "{\"v\":1,\"v\":1," + base + "}",
                        "{\"v\":1," + base + "} {}",
                        "{\"v\":1," + base.replace("\"args\":{}", "\"args\":{\"a\":1}") + "}",
                        "{\"v\":1,"
                                + base.replace("\"args\":{}", "\"args\":{\"a\":\"x\",\"a\":\"y\"}")
                                + "}",
                        "{\"v\":1,"
                                + base.replace("\"secrets\":{}", "\"secrets\":{\"p\":[]}")
                                + "}",
                        "{\"v\":1," + base.replace("\"secrets\":{}", "\"secrets\":[]") + "}",
                        "{\"v\":1," + base.replace(",\"args\":{}", "") + "}",
                        "{\"v\":1," + base + "",
                        "\u00ff\u00fe");
        for (String doc : bad) {
            assertThatThrownBy(() -> AgentRequest.parse(utf8(doc)))
                    .as(doc)
                    .isInstanceOf(AgentProtocolException.class);
        }
        assertThat(AgentRequest.parse(utf8("{\"v\":1," + base + "}")).command())
                .isEqualTo("status");
    }

    @Test
    void repliesRoundTripAndAreStrict() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("state", "unlocked");
        byte[] ok = AgentResponse.ok(data).encode();
        assertThat(new String(ok, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"v\":1,\"ok\":true,\"exitCode\":0,\"data\":{\"state\":\"unlocked\"}}");
        assertThat(AgentResponse.parse(ok).data()).isEqualTo(data);

        byte[] failed = AgentResponse.error(ExitCode.AUTHENTICATION, "wrong").encode();
        AgentResponse parsed = AgentResponse.parse(failed);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(parsed.error()).isEqualTo("wrong");

        List<String> bad =
                List.of(
                        "{\"v\":2,\"ok\":true,\"exitCode\":0,\"data\":{}}",
                        "{\"v\":1,\"ok\":true,\"exitCode\":3,\"data\":{}}",
                        "{\"v\":1,\"ok\":false,\"exitCode\":0,\"error\":\"x\"}",
                        "{\"v\":1,\"ok\":true,\"exitCode\":0,\"data\":{},\"error\":\"x\"}",
                        "{\"v\":1,\"ok\":true,\"exitCode\":0}",
                        "{\"v\":1,\"ok\":true,\"exitCode\":0,\"data\":[]}",
                        "{\"v\":1,\"ok\":false,\"exitCode\":1,\"error\":7}",
                        "{\"v\":1,\"ok\":true,\"ok\":true,\"exitCode\":0,\"data\":{}}",
                        "{\"v\":1,\"ok\":true,\"exitCode\":0,\"data\":{}} x",
                        "not json");
        for (String doc : bad) {
            assertThatThrownBy(() -> AgentResponse.parse(utf8(doc)))
                    .as(doc)
                    .isInstanceOf(AgentProtocolException.class);
        }
    }

    @Test
    void operationsCheckTheirArgumentsAndSecrets() {
        AgentOperation login = AccountOperations.all().get("login");
        AgentRequest missingSecret =
                new AgentRequest(
                        "login", "p", "s", Map.of("email", "a@b.c", "device", "d"), Map.of());
        assertThatThrownBy(() -> login.checkShape(missingSecret))
                .isInstanceOf(AgentProtocolException.class);
        AgentRequest extraArg =
                new AgentRequest(
                        "login",
                        "p",
                        "s",
                        Map.of("email", "a@b.c", "device", "d", "x", "y"),
                        Map.of("password", "pw".toCharArray()));
        assertThatThrownBy(() -> login.checkShape(extraArg))
                .isInstanceOf(AgentProtocolException.class);
        AgentRequest extraSecret =
                new AgentRequest(
                        "status", "p", "s", Map.of(), Map.of("password", "pw".toCharArray()));
        assertThatThrownBy(() -> AccountOperations.all().get("status").checkShape(extraSecret))
                .isInstanceOf(AgentProtocolException.class);
    }
}
