package dev.strongroom.client.account;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KDF pins in one strict JSON file ({@value #FILE_NAME}, mode 0600, replaced atomically):
 *
 * <pre>
 * {"format":1,"pins":[{"server":"https://vault.example","email":"a@example.com",
 *   "algorithm":"argon2id","memoryKib":65536,"iterations":3,"parallelism":4}]}
 * </pre>
 *
 * A file that is unreadable, has unknown fields, or pins parameters below today's floors is refused
 * with {@link LocalStateException}, never treated as empty: dropping pins would re-open the
 * downgrade they prevent. Each call reads the file afresh, so two processes see each other's pins
 * (the last writer of the same entry wins). Synchronised within the JVM.
 */
public final class FileKdfPinStore implements KdfPinStore {

    public static final String FILE_NAME = "kdf-pins.json";
    private static final int FORMAT = 1;
    private static final long MAX_FILE = 4L << 20;

    /** One pin as stored. */
    record Entry(
            String server,
            String email,
            String algorithm,
            Integer memoryKib,
            Integer iterations,
            Integer parallelism) {}

    /** The whole file. */
    record Document(int format, List<Entry> pins) {}

    private final Path file;

    /** A store in {@code configDir}/{@value #FILE_NAME} (created on first pin). */
    public FileKdfPinStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    @Override
    public synchronized Optional<KdfParams> pinned(String serverId, String email) {
        for (Entry e : load()) {
            if (e.server().equals(serverId) && e.email().equals(email)) {
                return Optional.of(params(e));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void pin(String serverId, String email, KdfParams params) {
        List<Entry> entries = without(load(), serverId, email);
        entries.add(entry(serverId, email, params));
        save(entries);
    }

    @Override
    public synchronized void forget(String serverId, String email) {
        List<Entry> entries = load();
        List<Entry> kept = without(entries, serverId, email);
        if (kept.size() != entries.size()) {
            save(kept);
        }
    }

    private static List<Entry> without(List<Entry> entries, String serverId, String email) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!(e.server().equals(serverId) && e.email().equals(email))) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Entry> load() {
        Optional<byte[]> bytes = AtomicFiles.read(file, MAX_FILE);
        if (bytes.isEmpty()) {
            return new ArrayList<>();
        }
        Document doc;
        try {
            doc = WireJson.mapper().readValue(bytes.get(), Document.class);
        } catch (IOException e) {
            throw corrupt("is not a valid pin document", e);
        }
        if (doc == null || doc.format() != FORMAT || doc.pins() == null) {
            throw corrupt("has an unknown format", null);
        }
        for (Entry e : doc.pins()) {
            if (e == null || e.server() == null || e.email() == null) {
                throw corrupt("has an incomplete entry", null);
            }
            params(e);
        }
        return new ArrayList<>(doc.pins());
    }

    private void save(List<Entry> entries) {
        try {
            AtomicFiles.write(
                    file,
                    WireJson.mapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(new Document(FORMAT, entries)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode KDF pins", e);
        }
    }

    private KdfParams params(Entry e) {
        try {
            if ("argon2id".equals(e.algorithm())
                    && e.memoryKib() != null
                    && e.iterations() != null
                    && e.parallelism() != null) {
                return new Argon2idParams(e.memoryKib(), e.iterations(), e.parallelism());
            }
            if ("pbkdf2-sha256".equals(e.algorithm())
                    && e.iterations() != null
                    && e.memoryKib() == null
                    && e.parallelism() == null) {
                return new Pbkdf2Params(e.iterations());
            }
        } catch (ParameterRejectedException ex) {
            throw corrupt("pins parameters outside the allowed range", ex);
        }
        throw corrupt("has an entry with an unknown or incomplete KDF", null);
    }

    private static Entry entry(String serverId, String email, KdfParams params) {
        if (params instanceof Argon2idParams a) {
            return new Entry(
                    serverId, email, "argon2id", a.memoryKiB(), a.iterations(), a.parallelism());
        }
        Pbkdf2Params p = (Pbkdf2Params) params;
        return new Entry(serverId, email, "pbkdf2-sha256", null, p.iterations(), null);
    }

    private LocalStateException corrupt(String why, Throwable cause) {
        return new LocalStateException(
                "the KDF pin file "
                        + file
                        + " "
                        + why
                        + "; refusing to continue without it (restore it, or delete it only if"
                        + " you trust the server)",
                cause);
    }
}
