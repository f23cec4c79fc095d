package dev.strongroom.cli.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which account this device last logged in to on each server profile, so that {@code unlock} and
 * {@code status} need no {@code --email}: {@value #FILE_NAME} in the config dir, strict JSON, mode
 * 0600, replaced atomically. Nothing secret: an email and a device name per profile.
 *
 * <pre>
 * {"format":1,"accounts":[{"profile":"work","server":"https://vault.example",
 *   "email":"a@example.com","device":"laptop"}]}
 * </pre>
 *
 * An entry applies only while the profile still points at the same server.
 */
final class AccountMemory {

    static final String FILE_NAME = "cli-accounts.json";
    private static final int FORMAT = 1;
    private static final long MAX_FILE = 1L << 20;

    record Entry(String profile, String server, String email, String device) {}

    record Document(int format, List<Entry> accounts) {}

    private final Path file;

    AccountMemory(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    Optional<Entry> get(ServerProfile profile) {
        return load().stream().filter(e -> matches(e, profile)).findFirst();
    }

    void remember(ServerProfile profile, String email, String device) {
        List<Entry> entries = without(profile);
        entries.add(new Entry(profile.name(), profile.endpoint().id(), email, device));
        save(entries);
    }

    void forget(ServerProfile profile) {
        List<Entry> all = load();
        List<Entry> kept = without(profile);
        if (kept.size() != all.size()) {
            save(kept);
        }
    }

    private List<Entry> without(ServerProfile profile) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : load()) {
            if (!e.profile().equals(profile.name())) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean matches(Entry e, ServerProfile profile) {
        return e.profile().equals(profile.name()) && e.server().equals(profile.endpoint().id());
    }

    private List<Entry> load() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            if (Files.size(file) > MAX_FILE) {
                throw corrupt("is too large");
            }
            Document doc = WireJson.mapper().readValue(Files.readAllBytes(file), Document.class);
            if (doc == null || doc.format() != FORMAT || doc.accounts() == null) {
                throw corrupt("has an unknown format");
            }
            for (Entry e : doc.accounts()) {
                if (e == null
                        || e.profile() == null
                        || e.server() == null
                        || e.email() == null
                        || e.device() == null) {
                    throw corrupt("has an incomplete entry");
                }
            }
            return new ArrayList<>(doc.accounts());
        } catch (JsonProcessingException e) {
            throw corrupt("is not a valid document");
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read " + file);
        }
    }

    private void save(List<Entry> entries) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            byte[] bytes =
                    WireJson.mapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(new Document(FORMAT, entries));
            Path tmp =
                    posix()
                            ? Files.createTempFile(
                                    dir,
                                    ".cli-accounts",
                                    ".tmp",
                                    PosixFilePermissions.asFileAttribute(
                                            PosixFilePermissions.fromString("rw-------")))
                            : Files.createTempFile(dir, ".cli-accounts", ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot write " + file);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private CliException corrupt(String why) {
        return new CliException(
                ExitCode.ERROR, "the file " + file + " " + why + " (delete it to start over)");
    }
}
