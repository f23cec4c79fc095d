package dev.strongroom.client.sync;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.team.SealedFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The teams this account chose to be in, as far as this device knows: created here, accepted by
 * invite code here, or joined here after the person checked who added them. Kept in a {@link
 * SealedFile} next to the cache ({@code <cache file>.joined}), which survives a cache rebuild like
 * the pin file. The server's team list is only a hint: {@link TeamAdmission} syncs a team it lists
 * only if this file (or the cache's pins) vouches for it.
 */
final class JoinedTeams {

    static final String PURPOSE = "strongroom/v1/joined-teams";

    /**
     * How a team was joined. {@code genesis} is the pinned genesis hash (empty until known, for an
     * invite accepted before the inviter added this account); {@code inviterId} and {@code
     * inviterFingerprint} name the inviter an invite code authenticated (empty otherwise).
     */
    record Joined(String how, byte[] genesis, String inviterId, byte[] inviterFingerprint) {}

    record Data(Map<String, Joined> teams) {}

    private final SealedFile file;

    JoinedTeams(Path cacheFile, UnlockedSession session) {
        this.file = new SealedFile(pathFor(cacheFile), PURPOSE, session);
    }

    static Path pathFor(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".joined");
    }

    synchronized Optional<Joined> get(String teamId) {
        return Optional.ofNullable(load().teams().get(teamId));
    }

    synchronized void put(String teamId, Joined joined) {
        Data d = load();
        d.teams().put(teamId, joined);
        save(d);
    }

    private Data load() {
        return file.readJson(Data.class)
                .map(d -> new Data(new TreeMap<>(d.teams())))
                .orElseGet(() -> new Data(new TreeMap<>()));
    }

    private void save(Data d) {
        file.writeJson(d);
    }

    void close() {
        file.close();
    }
}
