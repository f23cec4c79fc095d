package dev.strongroom.client.exposure;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.team.SealedFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exposure findings someone dismissed, with the reason, in a sealed file of this account on this
 * device. Dismissals are per device for now: another device (or another admin) still sees the
 * finding open until it dismisses it too or the secret is rotated.
 */
public final class DismissalStore {

    static final String PURPOSE = "strongroom/v1/exposure-dismissals";

    /** A dismissal: why, by whom, when. */
    public record Dismissal(String reason, String by, long at) {}

    record Data(Map<String, Dismissal> dismissed) {}

    private final SealedFile file;
    private final String me;

    public DismissalStore(Path file, UnlockedSession session) {
        this.file = new SealedFile(file, PURPOSE, session);
        this.me = session.accountId().toString();
    }

    public synchronized Optional<Dismissal> get(String ref) {
        return Optional.ofNullable(load().get(ref));
    }

    /** Every dismissal, by finding ref (one read of the sealed file for a whole report). */
    public synchronized Map<String, Dismissal> all() {
        return load();
    }

    public synchronized void dismiss(String ref, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dismissal needs a reason");
        }
        Map<String, Dismissal> all = load();
        all.put(ref, new Dismissal(reason.strip(), me, System.currentTimeMillis()));
        file.writeJson(new Data(all));
    }

    private Map<String, Dismissal> load() {
        return file.readJson(Data.class)
                .<Map<String, Dismissal>>map(d -> new TreeMap<>(d.dismissed()))
                .orElseGet(TreeMap::new);
    }

    public void close() {
        file.close();
    }
}
