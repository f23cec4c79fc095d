package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * One reply of the agent, protocol version {@value AgentProtocol#VERSION}:
 *
 * <pre>
 * {"v":1,"ok":true,"exitCode":0,"data":{...}}
 * {"v":1,"ok":false,"exitCode":3,"error":"email or master password is wrong"}
 * </pre>
 *
 * {@code ok} is true exactly when {@code exitCode} is 0; a success carries {@code data} (an
 * object), a failure carries {@code error} (one plain line, no secret), never both. Parsed strictly
 * (the wire mapper: no duplicates, no trailing content; here: no unknown fields).
 */
public final class AgentResponse {

    private static final Set<String> SUCCESS_FIELDS = Set.of("v", "ok", "exitCode", "data");
    private static final Set<String> FAILURE_FIELDS = Set.of("v", "ok", "exitCode", "error");

    private final ExitCode exitCode;
    private final ObjectNode data;
    private final String error;

    private AgentResponse(ExitCode exitCode, ObjectNode data, String error) {
        this.exitCode = exitCode;
        this.data = data;
        this.error = error;
    }

    public static AgentResponse ok(ObjectNode data) {
        return new AgentResponse(ExitCode.OK, Objects.requireNonNull(data), null);
    }

    public static AgentResponse error(ExitCode code, String message) {
        if (code == ExitCode.OK) {
            throw new IllegalArgumentException("an error reply needs a non-zero exit code");
        }
        return new AgentResponse(code, null, Objects.requireNonNull(message));
    }

    public boolean ok() {
        return exitCode == ExitCode.OK;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The result of a successful command. */
    public ObjectNode data() {
        if (data == null) {
            throw new IllegalStateException("an error reply has no data");
        }
        return data;
    }

    /** The one-line message of a failed command. */
    public String error() {
        if (error == null) {
            throw new IllegalStateException("a successful reply has no error");
        }
        return error;
    }

    byte[] encode() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("v", AgentProtocol.VERSION);
        root.put("ok", ok());
        root.put("exitCode", exitCode.code());
        if (ok()) {
            root.set("data", data);
        } else {
            root.put("error", error);
        }
        try {
            return WireJson.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an agent reply", e);
        }
    }

    static AgentResponse parse(byte[] raw) {
        JsonNode root;
        try {
            root = WireJson.mapper().readTree(raw);
        } catch (IOException e) {
            throw new AgentProtocolException("the reply is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new AgentProtocolException("a reply is a JSON object");
        }
        JsonNode v = root.get("v");
        if (v == null || !v.isInt() || v.intValue() != AgentProtocol.VERSION) {
            throw new AgentProtocolException(
                    "the agent speaks another protocol version (run strongroom lock, then unlock)");
        }
        JsonNode ok = root.get("ok");
        JsonNode code = root.get("exitCode");
        if (ok == null || !ok.isBoolean() || code == null || !code.isInt()) {
            throw new AgentProtocolException("the reply lacks ok or exitCode");
        }
        int exit = code.intValue();
        if (ok.booleanValue() != (exit == 0) || exit < 0 || exit > 255) {
            throw new AgentProtocolException("the reply's ok and exitCode disagree");
        }
        requireOnly(root, ok.booleanValue() ? SUCCESS_FIELDS : FAILURE_FIELDS);
        if (ok.booleanValue()) {
            JsonNode data = root.get("data");
            if (data == null || !data.isObject()) {
                throw new AgentProtocolException("a successful reply carries a data object");
            }
            return ok((ObjectNode) data);
        }
        JsonNode error = root.get("error");
        if (error == null || !error.isTextual()) {
            throw new AgentProtocolException("a failed reply carries an error message");
        }
        return error(ExitCode.of(exit), error.textValue());
    }

    private static void requireOnly(JsonNode root, Set<String> allowed) {
        Iterator<String> names = root.fieldNames();
        int count = 0;
        while (names.hasNext()) {
            if (!allowed.contains(names.next())) {
                throw new AgentProtocolException("the reply has an unknown field");
            }
            count++;
        }
        if (count != allowed.size()) {
            throw new AgentProtocolException("the reply lacks a field");
        }
    }
}
