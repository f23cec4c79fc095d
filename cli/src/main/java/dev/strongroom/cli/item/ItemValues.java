package dev.strongroom.cli.item;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.CertificateBundle;
import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.FieldKind;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.item.SecureNote;
import dev.strongroom.client.item.SshKey;
import dev.strongroom.client.secret.SecretText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type-specific values of an item being built: a copy of the current ones (for an edit),
 * overlaid with flags and with values from stdin and files, then turned into the type's record.
 */
final class ItemValues {

    private static final Map<ItemType, Set<String>> FIELDS =
            Map.of(
                    ItemType.LOGIN, Set.of("username", "password", "urls", "totp"),
                    ItemType.API_KEY, Set.of("keyId", "key"),
                    ItemType.DATABASE,
                            Set.of("engine", "host", "port", "database", "user", "password"),
                    ItemType.SSH_KEY, Set.of("privateKey", "publicKey", "fingerprint", "comment"),
                    ItemType.CERTIFICATE, Set.of("chain", "privateKey"),
                    ItemType.SECURE_NOTE, Set.of("text"),
                    ItemType.ENVIRONMENT, Set.of("vars"));

    /** Fields whose values are several lines: no trailing line break is dropped from them. */
    private static final Set<String> MULTILINE = Set.of("text", "vars", "privateKey", "chain");

    private static final Set<String> SECRET =
            Set.of("password", "totp", "key", "privateKey", "text");

    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of(
                    "postgresql",
                    5432,
                    "mysql",
                    3306,
                    "mariadb",
                    3306,
                    "mongodb",
                    27017,
                    "redis",
                    6379,
                    "sqlserver",
                    1433,
                    "oracle",
                    1521);

    private final ItemType type;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean newPrivateKey;
    private boolean certificateChanged;

    ItemValues(ItemType type, ItemData current) {
        this.type = type;
        if (current != null) {
            current.copy().fieldValues().forEach(values::put);
        }
    }

    /**
     * Applies flags and sources; sources for names the type does not have become hidden custom
     * fields. Returns true when a secret of the type changed (the rotation clock restarts).
     */
    boolean apply(ItemFieldOptions o, Map<String, char[]> sources, List<CustomField> fields) {
        boolean secretChanged = false;
        String userField = type == ItemType.DATABASE ? "user" : "username";
        if (o.username != null) {
            requireType(o.username, "--username", ItemType.LOGIN, ItemType.DATABASE);
            values.put(userField, o.username);
        }
        if (!o.urls.isEmpty()) {
            requireType(o.urls, "--url", ItemType.LOGIN);
            values.put("urls", List.copyOf(o.urls));
        }
        setText("--key-id", "keyId", o.keyId, ItemType.API_KEY);
        setText("--engine", "engine", o.engine, ItemType.DATABASE);
        setText("--host", "host", o.host, ItemType.DATABASE);
        setText("--database", "database", o.database, ItemType.DATABASE);
        setText("--comment", "comment", o.comment, ItemType.SSH_KEY);
        if (o.port != null) {
            requireType(o.port, "--port", ItemType.DATABASE);
            values.put("port", o.port);
        }
        for (Map.Entry<String, char[]> e : sources.entrySet()) {
            String name = e.getKey();
            char[] chars =
                    MULTILINE.contains(name)
                            ? e.getValue().clone()
                            : ItemInput.chompOne(e.getValue().clone());
            if (!FIELDS.get(type).contains(name)) {
                ItemBuilder.setField(
                        fields,
                        new CustomField(FieldKind.HIDDEN, name, SecretText.takeOwnership(chars)));
                continue;
            }
            Object old;
            if (name.equals("vars")) {
                try {
                    old = values.put(name, EnvironmentSet.parse(chars).vars());
                } finally {
                    java.util.Arrays.fill(chars, '\0');
                }
                secretChanged = true;
            } else if (SECRET.contains(name)) {
                old = values.put(name, SecretText.takeOwnership(chars));
                secretChanged = true;
            } else if (name.equals("port")) {
                throw new CliException(ExitCode.USAGE, "use --port for the port");
            } else {
                old = values.put(name, new String(chars));
                java.util.Arrays.fill(chars, '\0');
            }
            wipe(old);
            newPrivateKey |= name.equals("privateKey");
            certificateChanged |= type == ItemType.CERTIFICATE;
        }
        return secretChanged;
    }

    private void setText(String flag, String name, String value, ItemType only) {
        if (value != null) {
            requireType(value, flag, only);
            values.put(name, value.isEmpty() ? null : value);
        }
    }

    private void requireType(Object value, String flag, ItemType... types) {
        for (ItemType t : types) {
            if (t == type) {
                return;
            }
        }
        throw new CliException(
                ExitCode.USAGE, flag + " does not apply to a " + type.wireName() + " item");
    }

    /** The type's record, validated by client-core. */
    @SuppressWarnings("unchecked")
    ItemData build(ItemFieldOptions o, boolean brandNew) {
        switch (type) {
            case LOGIN:
                return new Login(
                        (String) values.get("username"),
                        (SecretText) values.get("password"),
                        (List<String>) values.getOrDefault("urls", List.of()),
                        (SecretText) values.get("totp"));
            case API_KEY:
                if (values.get("key") == null) {
                    throw new CliException(
                            ExitCode.USAGE,
                            "an API key item needs its key: --secret-stdin or --field-file key=PATH");
                }
                return new ApiKey((String) values.get("keyId"), (SecretText) values.get("key"));
            case DATABASE:
                return database();
            case SSH_KEY:
                return sshKey(o, brandNew);
            case CERTIFICATE:
                if (values.get("chain") == null) {
                    throw new CliException(
                            ExitCode.USAGE,
                            "a certificate item needs --pem-file (or --field-file chain=PATH)");
                }
                return certificateChanged
                        ? CertificateBundle.of(
                                (String) values.get("chain"), (SecretText) values.get("privateKey"))
                        : new CertificateBundle(
                                (String) values.get("chain"),
                                (SecretText) values.get("privateKey"));
            case SECURE_NOTE:
                if (values.get("text") == null) {
                    throw new CliException(
                            ExitCode.USAGE,
                            "a note needs its text: --secret-stdin or --field-file text=PATH");
                }
                return new SecureNote((SecretText) values.get("text"));
            default:
                return new EnvironmentSet((List<EnvVar>) values.getOrDefault("vars", List.of()));
        }
    }

    private ItemData database() {
        String engine = (String) values.get("engine");
        if (engine == null || values.get("host") == null) {
            throw new CliException(ExitCode.USAGE, "a database item needs --engine and --host");
        }
        Integer port = (Integer) values.get("port");
        if (port == null) {
            port = DEFAULT_PORTS.get(engine);
            if (port == null) {
                throw new CliException(ExitCode.USAGE, "--port is required for engine " + engine);
            }
        }
        return new DatabaseCredential(
                engine,
                (String) values.get("host"),
                port,
                (String) values.get("database"),
                (String) values.get("user"),
                (SecretText) values.get("password"));
    }

    private ItemData sshKey(ItemFieldOptions o, boolean brandNew) {
        String comment = (String) values.get("comment");
        if (o.generateSshKey) {
            if (newPrivateKey) {
                throw new CliException(
                        ExitCode.USAGE,
                        "--generate-ssh-key and a private key file exclude each other");
            }
            wipe(values.get("privateKey"));
            return SshKey.generateEd25519(comment);
        }
        SecretText key = (SecretText) values.get("privateKey");
        if (key == null) {
            throw new CliException(
                    ExitCode.USAGE,
                    "an SSH key item needs --generate-ssh-key, --key-file PATH or --secret-stdin");
        }
        if (newPrivateKey || brandNew) {
            SshKey parsed = SshKey.fromOpenSsh(key, null);
            return o.comment == null
                    ? parsed
                    : new SshKey(
                            parsed.privateKey(), parsed.publicKey(), parsed.fingerprint(), comment);
        }
        return new SshKey(
                key, (String) values.get("publicKey"), (String) values.get("fingerprint"), comment);
    }

    /** Wipes every secret held (after a failure). */
    void wipe() {
        values.values().forEach(ItemValues::wipe);
    }

    private static void wipe(Object value) {
        if (value instanceof SecretText s) {
            s.wipe();
        } else if (value instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof EnvVar v) {
                    v.value().wipe();
                }
            }
        }
    }

    static List<String> fieldNames(ItemType type) {
        return new ArrayList<>(FIELDS.get(type));
    }
}
