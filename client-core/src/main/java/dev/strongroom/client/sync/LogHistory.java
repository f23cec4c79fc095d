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
    private final Map<Long, LogAction.RotateVaultKey> rotations;
    private final Map<Long, String> authors;

    private LogHistory(
            List<SignedLogEntry> entries,
            List<TeamState> states,
            Map<String, WrapSource> wraps,
            Map<String, Integer> keyVersions,
            Map<Long, LogAction.RotateVaultKey> rotations,
            Map<Long, String> authors) {
        this.entries = entries;
        this.states = states;
        this.wraps = wraps;
        this.keyVersions = keyVersions;
        this.rotations = rotations;
        this.authors = authors;
    }

    /** Verifies a whole log from its genesis entry. */
    static LogHistory fromGenesis(List<SignedLogEntry> log) {
        TeamState genesis = TeamLogVerifier.verifyFromGenesis(List.of(log.get(0)));
        LogHistory h =
                new LogHistory(
                        new ArrayList<>(List.of(log.get(0))),
                        new ArrayList<>(List.of(genesis)),
                        new HashMap<>(),
                        new HashMap<>(),
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
                        new HashMap<>(keyVersions),
                        new HashMap<>(rotations),
                        new HashMap<>(authors));
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
        authors.put(body.seq(), author);
        if (action instanceof LogAction.CreateVault v) {
            keyVersions.put(v.vaultId(), 1);
            wraps.put(key(v.vaultId(), 1, author), new WrapSource(v.authorWrapDigest(), author));
        } else if (action instanceof LogAction.GrantVault g) {
            int version = keyVersions.getOrDefault(g.vaultId(), 1);
            wraps.put(
                    key(g.vaultId(), version, g.granteeId()),
                    new WrapSource(g.wrapDigest(), author));
        } else if (action instanceof LogAction.RotateVaultKey r) {
            rotations.put(body.seq(), r);
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

    /**
     * True if entry {@code seq} is a rotate_vault_key of this vault to {@code keyVersion}, signed
     * by {@code authorId}: the position a rotation's re-wrapped item revisions name. A rotator may
     * be an admin with only read access, so these revisions are authorised by the rotation itself.
     */
    boolean isRotation(String vaultId, String authorId, long seq, int keyVersion) {
        LogAction.RotateVaultKey r = rotations.get(seq);
        return r != null
                && r.vaultId().equals(vaultId)
                && r.newKeyVersion() == keyVersion
                && authorId.equals(authors.get(seq));
    }

    /**
     * The first log position after {@code seq} at which the member no longer holds write access to
     * the vault, if they lost it within the verified log.
     */
    Optional<Long> writeLostAfter(String vaultId, String memberId, long seq) {
        for (long s = Math.max(0, seq) + 1; s < states.size(); s++) {
            if (!canWrite(vaultId, memberId, s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * True if some principal that could write to the vault at a position in {@code [from, seq()]}
     * could no longer write at the next one (revoked, downgraded, removed).
     */
    boolean writerLostSince(String vaultId, long from) {
        for (long s = Math.max(1, from + 1); s < states.size(); s++) {
            TeamState.Vault before = states.get((int) s - 1).vaults().get(vaultId);
            TeamState.Vault after = states.get((int) s).vaults().get(vaultId);
            if (before == null || after == null) {
                continue;
            }
            for (Map.Entry<String, TeamState.Grant> g : before.grants().entrySet()) {
                TeamState.Grant now = after.grants().get(g.getKey());
                if (g.getValue().permission() == Permission.WRITE
                        && (now == null || now.permission() != Permission.WRITE)) {
                    return true;
                }
            }
        }
        return false;
    }

    Optional<WrapSource> wrap(String vaultId, int version, String recipient) {
        return Optional.ofNullable(wraps.get(key(vaultId, version, recipient)));
    }
}
