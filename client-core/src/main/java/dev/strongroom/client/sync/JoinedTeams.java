package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.team.SealedFile;
import dev.strongroom.crypto.common.ConstantTime;
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
 *
 * <p>The same data is shared with the account's other devices through {@link AccountJoins}, a
 * record sealed under the account key: every change here is merged into it, and a team this file
 * does not know is looked up there ({@link #refresh}) before it is called unjoined. Merging only
 * adds knowledge; two different genesis hashes for one team are a {@code LOG_FORK}.
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
    private final AccountJoins account;

    JoinedTeams(Path cacheFile, UnlockedSession session) {
        this.file = new SealedFile(pathFor(cacheFile), PURPOSE, session);
        this.account = new AccountJoins(session);
    }

    static Path pathFor(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".joined");
    }

    synchronized Optional<Joined> get(String teamId) {
        return Optional.ofNullable(load().teams().get(teamId));
    }

    /** Records a join here, then merges it into the account's record for the other devices. */
    synchronized void put(String teamId, Joined joined) {
        Data d = load();
        d.teams().put(teamId, joined);
        save(d);
        account.publish(
                remote -> {
                    Data merged = remote.map(r -> merge(load(), r)).orElseGet(this::load);
                    save(merged);
                    return merged;
                });
    }

    /**
     * Merges what the account's other devices recorded into this file; true if it learned anything.
     *
     * @throws dev.strongroom.client.alert.SecurityAlert TAMPERED_DATA if the record does not open
     */
    synchronized boolean refresh() {
        Optional<Data> remote = account.fetch().data();
        if (remote.isEmpty()) {
            return false;
        }
        Data local = load();
        Data merged = merge(local, remote.get());
        if (same(local, merged)) {
            return false;
        }
        save(merged);
        return true;
    }

    /** {@code a} plus what {@code b} knows more: new teams, and genesis hashes {@code a} lacks. */
    static Data merge(Data a, Data b) {
        Data out = new Data(new TreeMap<>(a.teams()));
        b.teams()
                .forEach(
                        (teamId, theirs) -> {
                            Joined ours = out.teams().get(teamId);
                            if (ours == null || ours.genesis().length == 0) {
                                if (ours == null || theirs.genesis().length > 0) {
                                    out.teams().put(teamId, theirs);
                                }
                            } else if (theirs.genesis().length > 0
                                    && !ConstantTime.equals(ours.genesis(), theirs.genesis())) {
                                throw new SecurityAlert(
                                        SecurityAlertCode.LOG_FORK,
                                        "team "
                                                + teamId
                                                + " was joined with another genesis on another"
                                                + " device of this account");
                            }
                        });
        return out;
    }

    private static boolean same(Data a, Data b) {
        if (!a.teams().keySet().equals(b.teams().keySet())) {
            return false;
        }
        return a.teams().entrySet().stream()
                .allMatch(
                        e ->
                                java.util.Arrays.equals(
                                        e.getValue().genesis(),
                                        b.teams().get(e.getKey()).genesis()));
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
