package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.regex.Pattern;

/**
 * One environment variable of an {@link EnvironmentSet}. Names follow the portable shell rule
 * {@code [A-Za-z_][A-Za-z0-9_]*} (at most 256 characters); the value is secret and may be empty.
 */
public record EnvVar(String name, SecretText value) {

    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");

    public EnvVar {
        if (name == null) {
            throw new ItemValidationException("env.name", "is required");
        }
        if (!isValidName(name)) {
            throw new ItemValidationException(
                    "env.name",
                    "must be a variable name: a letter or _, then letters, digits or _"
                            + " (at most 256)");
        }
        value = Check.secretMaybeEmpty("env." + name, value, Check.SECRET);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public EnvVar copy() {
        return new EnvVar(name, value.copy());
    }
}
