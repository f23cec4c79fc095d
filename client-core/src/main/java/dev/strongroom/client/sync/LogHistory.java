package dev.strongroom.client.sync;

import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.log.UnverifiedLogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified membership log with the team state after every entry, so that a signature can be
 * checked against the permissions its author held at the log position it names, and with the digest
 * and sender of every vault key wrap the log announces. Immutable; {@link #extend} verifies newer
 * entries and returns a new history. Keeps one state per entry (fine for the logs of hundreds of
 * entries teams have; a long log would want snapshots).
 */
final class LogHistory {

    /** Where a wrap of one vault key version to one recipient was announced. */
    record WrapSource(String digest, String senderId) {}

    private final List<SignedLogEntry> entries;
    private final List<TeamState> states;
    private final Map<String, WrapSource> wraps;
    private final Map<String, Integer> keyVersions;

    private LogHistory(
            List<SignedLogEntry> entries,
            List<TeamState> states,
            Map<String, WrapSource> wraps,
            Map<String, Integer> keyVersions) {
        this.entries = entries;
        this.states = states;
        this.wraps = wraps;
        this.keyVersions = keyVersions;
    }

    /** Verifies a whole log from its genesis entry. */
    static LogHistory fromGenesis(List<SignedLogEntry> log) {
        TeamState genesis = TeamLogVerifier.verifyFromGenesis(List.of(log.get(0)));
        LogHistory h =
                new LogHistory(
                        new ArrayList<>(List.of(log.get(0))),
                        new ArrayList<>(List.of(genesis)),
                        new HashMap<>(),
                        new HashMap<>());
        h.index(log.get(0));
        return log.size() == 1 ? h : h.extend(log.subList(1, log.size()));
    }

    /** Verifies entries following this history, all or nothing. */
    LogHistory extend(List<SignedLogEntry> newer) {
        LogHistory next =
                new LogHistory(
                        new ArrayList<>(entries),
                        new ArrayList<>(states),
                        new HashMap<>(wraps),
                        new HashMap<>(keyVersions));
        TeamState state = current();
        for (SignedLogEntry e : newer) {
            state = TeamLogVerifier.extend(state, List.of(e));
            next.entries.add(e);
            next.states.add(state);
            next.index(e);
        }
        return next;
    }

    private void index(SignedLogEntry e) {
        var body = UnverifiedLogEntry.decode(e).allegedBody(); // verified by now
        String author = body.authorId();
        LogAction action = body.action();
        if (action instanceof LogAction.CreateVault v) {
            keyVersions.put(v.vaultId(), 1);
            wraps.put(key(v.vaultId(), 1, author), new WrapSource(v.authorWrapDigest(), author));
        } else if (action instanceof LogAction.GrantVault g) {
            int version = keyVersions.getOrDefault(g.vaultId(), 1);
            wraps.put(
                    key(g.vaultId(), version, g.granteeId()),
                    new WrapSource(g.wrapDigest(), author));
        } else if (action instanceof LogAction.RotateVaultKey r) {
            keyVersions.put(r.vaultId(), r.newKeyVersion());
            r.wrapDigests()
                    .forEach(
                            (recipient, digest) ->
                                    wraps.put(
                                            key(r.vaultId(), r.newKeyVersion(), recipient),
                                            new WrapSource(digest, author)));
        }
    }

    private static String key(String vaultId, int version, String recipient) {
        return vaultId + "|" + version + "|" + recipient;
    }

    TeamState current() {
        return states.get(states.size() - 1);
    }

    long seq() {
        return current().seq();
    }

    List<SignedLogEntry> entries() {
        return List.copyOf(entries);
    }

    /** The state after entry {@code seq}, if the log reaches it. */
    Optional<TeamState> at(long seq) {
        return seq < 0 || seq >= states.size()
                ? Optional.empty()
                : Optional.of(states.get((int) seq));
    }

    /** True if the member could write to the vault at log position {@code seq}. */
    boolean canWrite(String vaultId, String memberId, long seq) {
        return at(seq).flatMap(s -> s.permission(vaultId, memberId))
                .filter(p -> p == Permission.WRITE)
                .isPresent();
    }

    Optional<WrapSource> wrap(String vaultId, int version, String recipient) {
        return Optional.ofNullable(wraps.get(key(vaultId, version, recipient)));
    }
}
