package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.List;
import java.util.Map;

/**
 * The item types, each with the schema of its type-specific fields: the names and kinds the
 * serialised form, the field-level diff and restore all work from.
 */
public enum ItemType {
    LOGIN(
            "login",
            List.of(
                    FieldSpec.optional("username", ValueKind.TEXT),
                    FieldSpec.optional("password", ValueKind.SECRET),
                    FieldSpec.required("urls", ValueKind.TEXT_LIST),
                    FieldSpec.optional("totp", ValueKind.SECRET))),
    API_KEY(
            "api_key",
            List.of(
                    FieldSpec.optional("keyId", ValueKind.TEXT),
                    FieldSpec.required("key", ValueKind.SECRET))),
    DATABASE(
            "database",
            List.of(
                    FieldSpec.required("engine", ValueKind.TEXT),
                    FieldSpec.required("host", ValueKind.TEXT),
                    FieldSpec.required("port", ValueKind.INT),
                    FieldSpec.optional("database", ValueKind.TEXT),
                    FieldSpec.optional("user", ValueKind.TEXT),
                    FieldSpec.optional("password", ValueKind.SECRET))),
    SSH_KEY(
            "ssh_key",
            List.of(
                    FieldSpec.required("privateKey", ValueKind.SECRET),
                    FieldSpec.required("publicKey", ValueKind.TEXT),
                    FieldSpec.required("fingerprint", ValueKind.TEXT),
                    FieldSpec.optional("comment", ValueKind.TEXT))),
    CERTIFICATE(
            "certificate",
            List.of(
                    FieldSpec.required("chain", ValueKind.TEXT),
                    FieldSpec.optional("privateKey", ValueKind.SECRET))),
    SECURE_NOTE("secure_note", List.of(FieldSpec.required("text", ValueKind.SECRET))),
    ENVIRONMENT("env_set", List.of(FieldSpec.required("vars", ValueKind.ENV_VARS)));

    /** The JSON kind of a type-specific field. */
    enum ValueKind {
        TEXT,
        SECRET,
        INT,
        TEXT_LIST,
        ENV_VARS
    }

    /** One type-specific field: its name, JSON kind and whether it must be present. */
    record FieldSpec(String name, ValueKind kind, boolean required) {
        static FieldSpec required(String name, ValueKind kind) {
            return new FieldSpec(name, kind, true);
        }

        static FieldSpec optional(String name, ValueKind kind) {
            return new FieldSpec(name, kind, false);
        }

        boolean secret() {
            return kind == ValueKind.SECRET || kind == ValueKind.ENV_VARS;
        }
    }

    private final String wireName;
    private final List<FieldSpec> fields;

    ItemType(String wireName, List<FieldSpec> fields) {
        this.wireName = wireName;
        this.fields = fields;
    }

    /** The name in the serialised item, e.g. {@code api_key}. */
    public String wireName() {
        return wireName;
    }

    List<FieldSpec> fields() {
        return fields;
    }

    FieldSpec field(String name) {
        for (FieldSpec spec : fields) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    /** The type with this wire name, or null. */
    public static ItemType fromWireName(String name) {
        for (ItemType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Builds the type's record from field values keyed by schema name (absent = optional field not
     * set). The record takes ownership of the SecretText values.
     */
    @SuppressWarnings("unchecked")
    ItemData create(Map<String, Object> v) {
        switch (this) {
            case LOGIN:
                return new Login(
                        (String) v.get("username"),
                        (SecretText) v.get("password"),
                        (List<String>) v.get("urls"),
                        (SecretText) v.get("totp"));
            case API_KEY:
                return new ApiKey((String) v.get("keyId"), (SecretText) v.get("key"));
            case DATABASE:
                Integer port = (Integer) v.get("port");
                if (port == null) {
                    throw new ItemValidationException("database.port", "is required");
                }
                return new DatabaseCredential(
                        (String) v.get("engine"),
                        (String) v.get("host"),
                        port,
                        (String) v.get("database"),
                        (String) v.get("user"),
                        (SecretText) v.get("password"));
            case SSH_KEY:
                return new SshKey(
                        (SecretText) v.get("privateKey"),
                        (String) v.get("publicKey"),
                        (String) v.get("fingerprint"),
                        (String) v.get("comment"));
            case CERTIFICATE:
                return new CertificateBundle(
                        (String) v.get("chain"), (SecretText) v.get("privateKey"));
            case SECURE_NOTE:
                return new SecureNote((SecretText) v.get("text"));
            default:
                return new EnvironmentSet((List<EnvVar>) v.get("vars"));
        }
    }
}
