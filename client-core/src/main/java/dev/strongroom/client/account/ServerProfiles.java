package dev.strongroom.client.account;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's server profiles and which one is current, in {@code <configDir>/}{@value #FILE_NAME}:
 * strict JSON (unknown fields, duplicates or a wrong format are refused with {@link
 * LocalStateException}), replaced atomically (temporary file, fsync, rename), mode 0600.
 *
 * <pre>
 * {"format":1,"current":"work","profiles":[
 *   {"name":"work","url":"https://vault.example.com","tlsPin":null},
 *   {"name":"lab","url":"https://10.0.0.5:8443","tlsPin":"AB:CD:…"}]}
 * </pre>
 *
 * Every change is written before the method returns. Synchronised within the JVM; across processes
 * the last writer wins.
 */
public final class ServerProfiles {

    public static final String FILE_NAME = "servers.json";
    private static final int FORMAT = 1;
    private static final long MAX_FILE = 1L << 20;

    record ProfileJson(String name, String url, String tlsPin) {}

    record Document(int format, String current, List<ProfileJson> profiles) {}

    private final Path file;
    private final List<ServerProfile> profiles;
    private String current;

    private ServerProfiles(Path file, List<ServerProfile> profiles, String current) {
        this.file = file;
        this.profiles = profiles;
        this.current = current;
    }

    /** Loads the profiles of a config directory (none yet if the file does not exist). */
    public static ServerProfiles open(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        Optional<byte[]> bytes = AtomicFiles.read(file, MAX_FILE);
        if (bytes.isEmpty()) {
            return new ServerProfiles(file, new ArrayList<>(), null);
        }
        Document doc;
        try {
            doc = WireJson.mapper().readValue(bytes.get(), Document.class);
        } catch (IOException e) {
            throw corrupt(file, "is not a valid profiles document", e);
        }
        if (doc == null || doc.format() != FORMAT || doc.profiles() == null) {
            throw corrupt(file, "has an unknown format", null);
        }
        List<ServerProfile> list = new ArrayList<>();
        for (ProfileJson p : doc.profiles()) {
            if (p == null || p.url() == null) {
                throw corrupt(file, "has an incomplete profile", null);
            }
            try {
                ServerProfile profile =
                        new ServerProfile(
                                p.name(),
                                ServerEndpoint.of(
                                        p.url(),
                                        p.tlsPin() == null ? null : TlsPin.parse(p.tlsPin())));
                if (find(list, profile.name()).isPresent()) {
                    throw corrupt(file, "names a profile twice", null);
                }
                list.add(profile);
            } catch (IllegalArgumentException e) {
                throw corrupt(file, "has an invalid profile: " + e.getMessage(), e);
            }
        }
        if (doc.current() != null && find(list, doc.current()).isEmpty()) {
            throw corrupt(file, "names a current profile that does not exist", null);
        }
        return new ServerProfiles(file, list, doc.current());
    }

    public synchronized List<ServerProfile> list() {
        return List.copyOf(profiles);
    }

    public synchronized Optional<ServerProfile> get(String name) {
        return find(profiles, name);
    }

    /** The profile commands use when none is named. */
    public synchronized Optional<ServerProfile> current() {
        return current == null ? Optional.empty() : find(profiles, current);
    }

    /**
     * Adds a profile; the first one added becomes current.
     *
     * @throws IllegalArgumentException if a profile of that name exists
     */
    public synchronized void add(ServerProfile profile) {
        if (find(profiles, profile.name()).isPresent()) {
            throw new IllegalArgumentException("a profile named '" + profile.name() + "' exists");
        }
        List<ServerProfile> next = new ArrayList<>(profiles);
        next.add(profile);
        save(next, current == null ? profile.name() : current);
    }

    /**
     * Replaces the profile of that name (e.g. a new TLS pin after the server's certificate was
     * renewed).
     */
    public synchronized void replace(ServerProfile profile) {
        List<ServerProfile> next = new ArrayList<>(profiles);
        int i = indexOf(profile.name());
        next.set(i, profile);
        save(next, current);
    }

    /** Removes a profile; if it was current, no profile is current afterwards. */
    public synchronized void remove(String name) {
        List<ServerProfile> next = new ArrayList<>(profiles);
        next.remove(indexOf(name));
        save(next, name.equals(current) ? null : current);
    }

    /** Makes a profile current. */
    public synchronized void use(String name) {
        indexOf(name);
        save(profiles, name);
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no profile named '" + name + "'");
    }

    private static Optional<ServerProfile> find(List<ServerProfile> list, String name) {
        return list.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private void save(List<ServerProfile> next, String nextCurrent) {
        List<ProfileJson> json = new ArrayList<>();
        for (ServerProfile p : next) {
            json.add(
                    new ProfileJson(
                            p.name(),
                            p.endpoint().baseUrl().toString(),
                            p.endpoint().pin().map(TlsPin::toString).orElse(null)));
        }
        try {
            AtomicFiles.write(
                    file,
                    WireJson.mapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(new Document(FORMAT, nextCurrent, json)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode server profiles", e);
        }
        if (next != profiles) {
            profiles.clear();
            profiles.addAll(next);
        }
        current = nextCurrent;
    }

    private static LocalStateException corrupt(Path file, String why, Throwable cause) {
        return new LocalStateException("the server profile file " + file + " " + why, cause);
    }

    @Override
    public synchronized String toString() {
        return "ServerProfiles[" + profiles.size() + " profiles, current=" + current + "]";
    }
}
