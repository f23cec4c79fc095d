package dev.strongroom.desktop.app;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.api.ServerEndpoint;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The name a server chosen in the app is saved under: its host (and port, if given), so several
 * servers can be kept side by side. The same URL keeps its name (a renewed TLS pin replaces the
 * profile); another server whose name would clash gets a numeric suffix.
 */
final class ProfileNames {

    private static final int MAX = 63;

    private ProfileNames() {}

    static String forEndpoint(ServerEndpoint endpoint, ServerProfiles existing) {
        String base = base(endpoint.baseUrl());
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : trim(base, ("-" + n).length()) + "-" + n;
            Optional<ServerProfile> taken = existing.get(candidate);
            if (taken.isEmpty() || taken.get().endpoint().baseUrl().equals(endpoint.baseUrl())) {
                return candidate;
            }
        }
    }

    static String base(URI url) {
        String host = url.getHost() == null ? "server" : url.getHost();
        String raw = url.getPort() < 0 ? host : host + "-" + url.getPort();
        String cleaned = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (!Character.isLetterOrDigit(cleaned.charAt(0))) {
            cleaned = "s" + cleaned;
        }
        return trim(cleaned, 0);
    }

    private static String trim(String name, int reserve) {
        return name.length() + reserve <= MAX ? name : name.substring(0, MAX - reserve);
    }
}
