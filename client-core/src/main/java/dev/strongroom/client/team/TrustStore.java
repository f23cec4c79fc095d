package dev.strongroom.client.team;

import dev.strongroom.client.session.UnlockedSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This device's team trust state, in one {@link SealedFile}: keys pinned after a fingerprint check
 * or an invite code (by normalised email), and the invite keys of codes this account handed out and
 * still waits to see used. Per device: another device of the same account pins on its own.
 */
final class TrustStore {

    static final String PURPOSE = "strongroom/v1/team-trust";

    /** A pinned key: whose, its fingerprint digest, how it was checked and when. */
    record Pin(String email, String accountId, byte[] digest, String method, long pinnedAt) {}

    /** An invite code this account created: the invite key, sealed (see {@link SealedFile}). */
    record PendingKey(String teamId, String email, String role, byte[] sealedKey) {}

    record Data(Map<String, Pin> pins, Map<String, PendingKey> invites) {}

    private final SealedFile file;

    TrustStore(Path file, UnlockedSession session) {
        this.file = new SealedFile(file, PURPOSE, session);
    }

    synchronized Optional<Pin> pin(String email) {
        return Optional.ofNullable(load().pins().get(email));
    }

    synchronized Map<String, Pin> pins() {
        return load().pins();
    }

    synchronized void pin(Pin pin) {
        Data d = load();
        d.pins().put(pin.email(), pin);
        save(d);
    }

    synchronized void rememberInvite(
            String inviteId, String teamId, String email, String role, byte[] inviteKey) {
        Data d = load();
        d.invites()
                .put(
                        inviteId,
                        new PendingKey(teamId, email, role, file.sealValue(inviteKey, inviteId)));
        save(d);
    }

    synchronized Map<String, PendingKey> invites() {
        return load().invites();
    }

    /** The invite key of one of this account's invites; the caller wipes it. */
    synchronized Optional<byte[]> inviteKey(String inviteId) {
        PendingKey k = load().invites().get(inviteId);
        return k == null ? Optional.empty() : Optional.of(file.openValue(k.sealedKey(), inviteId));
    }

    synchronized void forgetInvite(String inviteId) {
        Data d = load();
        if (d.invites().remove(inviteId) != null) {
            save(d);
        }
    }

    private Data load() {
        return file.readJson(Data.class)
                .map(d -> new Data(new TreeMap<>(d.pins()), new TreeMap<>(d.invites())))
                .orElseGet(() -> new Data(new TreeMap<>(), new TreeMap<>()));
    }

    private void save(Data d) {
        file.writeJson(d);
    }

    void close() {
        file.close();
    }
}
