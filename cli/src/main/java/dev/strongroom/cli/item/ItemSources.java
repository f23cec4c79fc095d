package dev.strongroom.cli.item;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.ItemType;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the values that come from stdin and files, by field name: {@code --secret-stdin} (the
 * type's main secret), {@code --field-stdin NAME}, {@code --field-file NAME=PATH}, {@code
 * --key-file}, {@code --env-file} and {@code --pem-file} (split into chain and private key). Stdin
 * can feed one field only.
 */
final class ItemSources {

    private ItemSources() {}

    /** The field that {@code --secret-stdin} fills for each type. */
    static String mainSecret(ItemType type) {
        return switch (type) {
            case LOGIN, DATABASE -> "password";
            case API_KEY -> "key";
            case SSH_KEY, CERTIFICATE -> "privateKey";
            case SECURE_NOTE -> "text";
            case ENVIRONMENT -> "vars";
        };
    }

    static Map<String, char[]> read(ItemType type, ItemFieldOptions o, InputStream in) {
        if (o.secretStdin && o.fieldStdin != null) {
            throw new CliException(
                    ExitCode.USAGE,
                    "stdin can carry one value: use --secret-stdin or --field-stdin, not both");
        }
        Map<String, char[]> out = new LinkedHashMap<>();
        try {
            if (o.secretStdin) {
                put(out, mainSecret(type), ItemInput.stdin(in));
            } else if (o.fieldStdin != null) {
                put(out, checkName(o.fieldStdin), ItemInput.stdin(in));
            }
            for (String spec : o.fieldFiles) {
                int eq = spec.indexOf('=');
                if (eq < 1 || eq == spec.length() - 1) {
                    throw new CliException(ExitCode.USAGE, "--field-file must be NAME=PATH");
                }
                put(
                        out,
                        checkName(spec.substring(0, eq)),
                        ItemInput.file(Path.of(spec.substring(eq + 1))));
            }
            if (o.keyFile != null) {
                put(out, "privateKey", ItemInput.file(o.keyFile));
            }
            if (o.envFile != null) {
                put(out, "vars", ItemInput.file(o.envFile));
            }
            if (o.pemFile != null) {
                splitPem(out, ItemInput.file(o.pemFile));
            }
            return out;
        } catch (RuntimeException e) {
            out.values().forEach(c -> Arrays.fill(c, '\0'));
            throw e;
        }
    }

    private static String checkName(String name) {
        if (name.isBlank() || name.length() > 128) {
            throw new CliException(ExitCode.USAGE, "a field name is 1 to 128 characters");
        }
        return name;
    }

    private static void put(Map<String, char[]> out, String name, char[] value) {
        char[] old = out.put(name, value);
        if (old != null) {
            Arrays.fill(old, '\0');
            Arrays.fill(value, '\0');
            throw new CliException(ExitCode.USAGE, "field '" + name + "' is given twice");
        }
    }

    /** Certificates go to "chain", a PRIVATE KEY block (if any) to "privateKey". */
    private static void splitPem(Map<String, char[]> out, char[] pem) {
        char[] chain = new char[pem.length];
        char[] key = new char[pem.length];
        int c = 0;
        int k = 0;
        boolean inKey = false;
        int pos = 0;
        try {
            while (pos < pem.length) {
                int end = pos;
                while (end < pem.length && pem[end] != '\n') {
                    end++;
                }
                String head =
                        pos < end && pem[pos] == '-'
                                ? new String(pem, pos, Math.min(end - pos, 64))
                                : "";
                if (head.startsWith("-----BEGIN ") && head.contains("PRIVATE KEY")) {
                    inKey = true;
                }
                int len = Math.min(end + 1, pem.length) - pos;
                if (inKey) {
                    System.arraycopy(pem, pos, key, k, len);
                    k += len;
                } else {
                    System.arraycopy(pem, pos, chain, c, len);
                    c += len;
                }
                if (head.startsWith("-----END ") && head.contains("PRIVATE KEY")) {
                    inKey = false;
                }
                pos = end + 1;
            }
            put(out, "chain", Arrays.copyOf(chain, c));
            if (k > 0) {
                put(out, "privateKey", Arrays.copyOf(key, k));
            }
        } finally {
            Arrays.fill(pem, '\0');
            Arrays.fill(chain, '\0');
            Arrays.fill(key, '\0');
        }
    }
}
