package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Credentials for a database server. {@code engine} is a lower-case identifier such as {@code
 * postgresql} or {@code mysql} (free-form, so new engines need no format change).
 */
public record DatabaseCredential(
        String engine, String host, int port, String database, String user, SecretText password)
        implements ItemData {

    private static final Pattern ENGINE = Pattern.compile("[a-z][a-z0-9+._-]{0,31}");

    public DatabaseCredential {
        engine = Check.text("database.engine", engine, 32);
        if (!ENGINE.matcher(engine).matches()) {
            throw new ItemValidationException(
                    "database.engine",
                    "must be a lower-case identifier like postgresql (a-z, 0-9, + . _ -)");
        }
        host = Check.text("database.host", host, 253);
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw new ItemValidationException("database.host", "must not contain whitespace");
        }
        if (port < 1 || port > 65535) {
            throw new ItemValidationException("database.port", "must be 1 to 65535");
        }
        database = Check.optionalText("database.database", database, Check.SHORT);
        user = Check.optionalText("database.user", user, Check.SHORT);
        password = Check.optionalSecret("database.password", password, 4096);
    }

    @Override
    public ItemType type() {
        return ItemType.DATABASE;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields()
                .put("engine", engine)
                .put("host", host)
                .put("port", port)
                .put("database", database)
                .put("user", user)
                .put("password", password)
                .build();
    }
}
