package dev.strongroom.client.sync;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.team.SealedFile;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        Optional<byte[]> plain = file.read();
        if (plain.isEmpty()) {
            return new Data(new TreeMap<>());
        }
        try {
            return new Data(
                    new TreeMap<>(WireJson.mapper().readValue(plain.get(), Data.class).teams()));
        } catch (IOException e) {
            throw new UncheckedIOException("the joined-teams file is unreadable", e);
        } finally {
            Bytes.wipe(plain.get());
        }
    }

    private void save(Data d) {
        byte[] plain;
        try {
            plain = WireJson.mapper().writeValueAsBytes(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            file.write(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }

    void close() {
        file.close();
    }
}
