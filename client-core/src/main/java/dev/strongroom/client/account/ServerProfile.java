package dev.strongroom.client.account;

import dev.strongroom.client.api.ServerEndpoint;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named server the user works with: a short name ({@code [a-z0-9][a-z0-9._-]{0,62}}, e.g. "work",
 * "home-lab") and its {@link ServerEndpoint} (URL and optional TLS pin).
 */
public record ServerProfile(String name, ServerEndpoint endpoint) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public ServerProfile {
        Objects.requireNonNull(endpoint, "endpoint");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a profile name is 1 to 63 lower-case letters, digits, '.', '_' or '-'");
        }
    }
}
