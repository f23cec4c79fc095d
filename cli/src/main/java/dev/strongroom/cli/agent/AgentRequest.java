package dev.strongroom.cli.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the agent, protocol version {@value AgentProtocol#VERSION}:
 *
 * <pre>
 * {"v":1,"command":"login","profile":"work","server":"https://vault.example",
 *  "args":{"email":"a@example.com","device":"laptop"},"secrets":{"password":"..."}}
 * </pre>
 *
 * Every field is required and no other is allowed; {@code args} and {@code secrets} are flat
 * objects of strings (possibly empty). Values under {@code secrets} are parsed straight into {@code
 * char[]}, never into a {@link String}, and {@link #close()} wipes them. {@code profile} and {@code
 * server} name the profile the CLI meant, so an agent never serves a request meant for another
 * server.
 */
public final class AgentRequest implements AutoCloseable {

    private static final JsonFactory JSON =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String command;
    private final String profile;
    private final String server;
    private final Map<String, String> args;
    private final Map<String, char[]> secrets;

    AgentRequest(
            String command,
            String profile,
            String server,
            Map<String, String> args,
            Map<String, char[]> secrets) {
        this.command = Objects.requireNonNull(command);
        this.profile = Objects.requireNonNull(profile);
        this.server = Objects.requireNonNull(server);
        this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        this.secrets = new LinkedHashMap<>(secrets);
    }

    public String command() {
        return command;
    }

    public String profile() {
        return profile;
    }

    public String server() {
        return server;
    }

    public Map<String, String> args() {
        return args;
    }

    public Optional<String> arg(String name) {
        return Optional.ofNullable(args.get(name));
    }

    /** The names of the secrets present (not their values). */
    public java.util.Set<String> secretNames() {
        return Collections.unmodifiableSet(secrets.keySet());
    }

    /** The request's own array: do not keep it beyond the request, {@link #close()} wipes it. */
    public char[] secret(String name) {
        char[] value = secrets.get(name);
        if (value == null) {
            throw new AgentProtocolException("secret '" + name + "' is missing");
        }
        return value;
    }

    @Override
    public void close() {
        for (char[] value : secrets.values()) {
            Arrays.fill(value, '\0');
        }
    }

    /** Encodes the request; the caller wipes the returned array (it may hold secrets). */
    byte[] encode() {
        int size = 256;
        for (Map.Entry<String, String> e : args.entrySet()) {
            size += 16 + 6 * (e.getKey().length() + e.getValue().length());
        }
        for (Map.Entry<String, char[]> e : secrets.entrySet()) {
            size += 16 + 6 * (e.getKey().length() + e.getValue().length);
        }
        SecretBuffer out = new SecretBuffer(size + 6 * (command.length() + profile.length()));
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("v", AgentProtocol.VERSION);
            gen.writeStringField("command", command);
            gen.writeStringField("profile", profile);
            gen.writeStringField("server", server);
            gen.writeObjectFieldStart("args");
            for (Map.Entry<String, String> e : args.entrySet()) {
                gen.writeStringField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
            gen.writeObjectFieldStart("secrets");
            for (Map.Entry<String, char[]> e : secrets.entrySet()) {
                gen.writeFieldName(e.getKey());
                gen.writeString(e.getValue(), 0, e.getValue().length);
            }
            gen.writeEndObject();
            gen.writeEndObject();
        } catch (IOException e) {
            out.wipe();
            throw new IllegalStateException("cannot encode an agent request", e);
        }
        return out.takeAndWipe();
    }

    /**
     * Parses a request strictly: wrong version, unknown, duplicate, missing or mistyped fields and
     * trailing content are all refused. Does not wipe {@code raw}.
     */
    static AgentRequest parse(byte[] raw) {
        Integer version = null;
        String command = null;
        String profile = null;
        String server = null;
        Map<String, String> args = null;
        Map<String, char[]> secrets = null;
        try (JsonParser p = JSON.createParser(raw)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "a request is a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "v" -> {
                        expect(value == JsonToken.VALUE_NUMBER_INT, "v must be an integer");
                        version = p.getIntValue();
                        if (version != AgentProtocol.VERSION) {
                            throw new AgentProtocolException(
                                    "protocol version "
                                            + version
                                            + " is not supported (this agent speaks "
                                            + AgentProtocol.VERSION
                                            + ")");
                        }
                    }
                    case "command" -> command = text(p, value, field);
                    case "profile" -> profile = text(p, value, field);
                    case "server" -> server = text(p, value, field);
                    case "args" -> args = strings(p, value, field);
                    case "secrets" -> secrets = secrets(p, value);
                    default -> throw new AgentProtocolException("unknown request field");
                }
            }
            expect(p.currentToken() == JsonToken.END_OBJECT, "the request is incomplete");
            expect(p.nextToken() == null, "trailing content after the request");
        } catch (IOException e) {
            wipe(secrets);
            throw new AgentProtocolException("the request is not valid JSON");
        } catch (RuntimeException e) {
            wipe(secrets);
            throw e;
        }
        if (version == null
                || command == null
                || profile == null
                || server == null
                || args == null
                || secrets == null) {
            wipe(secrets);
            throw new AgentProtocolException("the request lacks a required field");
        }
        AgentRequest request = new AgentRequest(command, profile, server, args, secrets);
        return request;
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        expect(value == JsonToken.VALUE_STRING, field + " must be a string");
        return p.getText();
    }

    private static Map<String, String> strings(JsonParser p, JsonToken value, String field)
            throws IOException {
        expect(value == JsonToken.START_OBJECT, field + " must be an object");
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(p.nextToken() == JsonToken.VALUE_STRING, field + " values must be strings");
            out.put(name, p.getText());
        }
        return out;
    }

    private static Map<String, char[]> secrets(JsonParser p, JsonToken value) throws IOException {
        expect(value == JsonToken.START_OBJECT, "secrets must be an object");
        Map<String, char[]> out = new LinkedHashMap<>();
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                expect(p.nextToken() == JsonToken.VALUE_STRING, "secrets must be strings");
                // Copy straight from the parser's buffer: no String of the secret is made.
                char[] chars =
                        Arrays.copyOfRange(
                                p.getTextCharacters(),
                                p.getTextOffset(),
                                p.getTextOffset() + p.getTextLength());
                out.put(name, chars);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            wipe(out);
            throw e;
        }
    }

    private static void wipe(Map<String, char[]> secrets) {
        if (secrets != null) {
            secrets.values().forEach(v -> Arrays.fill(v, '\0'));
        }
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new AgentProtocolException(problem);
        }
    }

    @Override
    public String toString() {
        return "AgentRequest[" + command + ", args=" + args.keySet() + ", secrets redacted]";
    }
}
