package dev.strongroom.desktop.teams;

import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import javafx.util.StringConverter;

/** Plain words for roles and permissions, and the converters that show them in choice boxes. */
final class Labels {

    private Labels() {}

    static String role(Role role) {
        return switch (role) {
            case OWNER -> "Owner";
            case ADMIN -> "Admin";
            case MEMBER -> "Member";
        };
    }

    static String permission(Permission p) {
        return p == Permission.WRITE ? "Read and write" : "Read only";
    }

    static StringConverter<Role> roles() {
        return converter(Labels::role, Role.values());
    }

    static StringConverter<Permission> permissions() {
        return converter(Labels::permission, Permission.values());
    }

    /** A failure's message for a status line (client-core messages name no secret). */
    static String failure(String what, Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return what + ": " + (message == null ? cause.getClass().getSimpleName() : message);
    }

    private static <T> StringConverter<T> converter(
            java.util.function.Function<T, String> show, T[] values) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                for (T v : values) {
                    if (show.apply(v).equals(text)) {
                        return v;
                    }
                }
                return null;
            }
        };
    }
}
