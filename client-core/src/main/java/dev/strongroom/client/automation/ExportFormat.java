package dev.strongroom.client.automation;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The formats of {@code strongroom export}: a dotenv file, a flat JSON object, or a Kubernetes
 * Secret manifest (v1, type Opaque, values base64 in {@code data}). Each writes the variables in
 * the given order into a wipeable char array; names that the format cannot carry are refused, not
 * mangled.
 */
public enum ExportFormat {
    DOTENV,
    JSON,
    K8S_SECRET;

    private static final Pattern K8S_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile(
                    "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Where a Kubernetes manifest goes; unused by the other formats. */
    public record Target(String name, String namespace) {}

    public static ExportFormat parse(String text) {
        switch (text) {
            case "dotenv":
                return DOTENV;
            case "json":
                return JSON;
            case "k8s-secret":
                return K8S_SECRET;
            default:
                throw new AutomationInputException(
                        "unknown export format '" + text + "' (dotenv, json or k8s-secret)");
        }
    }

    /** The whole output; the caller wipes it. */
    public char[] write(Map<String, SecretText> values, Target target) {
        SecretCharSink out = new SecretCharSink();
        try {
            switch (this) {
                case DOTENV -> dotenv(values, out);
                case JSON -> json(values, out);
                default -> k8s(values, target, out);
            }
            return out.take();
        } finally {
            out.wipe();
        }
    }

    private static void dotenv(Map<String, SecretText> values, SecretCharSink out) {
        for (Map.Entry<String, SecretText> e : values.entrySet()) {
            if (!EnvFile.NAME.matcher(e.getKey()).matches()) {
                throw new AutomationInputException(
                        "'" + e.getKey() + "' is not a valid variable name for dotenv");
            }
            out.append(e.getKey()).append("=\"");
            char[] v = e.getValue().chars();
            try {
                for (char c : v) {
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '"' -> out.append("\\\"");
                        case '$' -> out.append("\\$");
                        case '`' -> out.append("\\`");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            } finally {
                Bytes.wipe(v);
            }
            out.append("\"\n");
        }
    }

    private static void json(Map<String, SecretText> values, SecretCharSink out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, SecretText> e : values.entrySet()) {
            out.append(first ? "\n  " : ",\n  ");
            first = false;
            jsonString(e.getKey().toCharArray(), out);
            out.append(": ");
            char[] v = e.getValue().chars();
            try {
                jsonString(v, out);
            } finally {
                Bytes.wipe(v);
            }
        }
        out.append(first ? "}\n" : "\n}\n");
    }

    private static void jsonString(char[] s, SecretCharSink out) {
        out.append('"');
        for (char c : s) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void k8s(Map<String, SecretText> values, Target target, SecretCharSink out) {
        if (target == null || !DNS_SUBDOMAIN.matcher(target.name()).matches()) {
            throw new AutomationInputException(
                    "a Kubernetes Secret name is lower-case letters, digits, '-' and '.'"
                            + " (DNS-1123 subdomain, at most 253)");
        }
        if (!DNS_LABEL.matcher(target.namespace()).matches()) {
            throw new AutomationInputException(
                    "a Kubernetes namespace is lower-case letters, digits and '-'"
                            + " (DNS-1123 label, at most 63)");
        }
        out.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ")
                .append(target.name())
                .append("\n  namespace: ")
                .append(target.namespace())
                .append("\ntype: Opaque\ndata:");
        if (values.isEmpty()) {
            out.append(" {}");
        }
        out.append('\n');
        for (Map.Entry<String, SecretText> e : values.entrySet()) {
            if (!K8S_KEY.matcher(e.getKey()).matches()) {
                throw new AutomationInputException(
                        "'" + e.getKey() + "' is not a valid Kubernetes Secret key");
            }
            out.append("  ").append(e.getKey()).append(": ");
            out.appendAndWipe(base64(e.getValue()));
            out.append('\n');
        }
    }

    private static char[] base64(SecretText value) {
        char[] chars = value.chars();
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        Bytes.wipe(chars);
        byte[] raw = new byte[utf8.remaining()];
        utf8.get(raw);
        if (utf8.hasArray()) {
            Bytes.wipe(utf8.array());
        }
        byte[] encoded = Base64.getEncoder().encode(raw);
        Bytes.wipe(raw);
        char[] out = new char[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            out[i] = (char) encoded[i];
        }
        Bytes.wipe(encoded);
        return out;
    }
}
