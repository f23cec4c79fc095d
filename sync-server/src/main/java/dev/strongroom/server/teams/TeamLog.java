package dev.strongroom.server.teams;

import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.NotFoundException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a team's stored log and the state it establishes. The state is always derived by the
 * shared-model {@link TeamLogVerifier} (the same code clients run), never stored: a small cache
 * keyed by the head hash only saves re-verifying an unchanged log, and is checked against the
 * database head on every use, so several instances never act on stale state.
 */
public final class TeamLog {

    private record Cached(long seq, byte[] headHash, TeamState state) {}

    private final Map<String, Cached> cache =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(64, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                            return size() > 512;
                        }
                    });

    /** The team's head (seq, hash) with the row locked when {@code lock} (PostgreSQL). */
    record Head(long seq, byte[] hash, byte[] genesisHash) {}

    static Head head(Tx tx, UUID teamId, boolean lock) throws SQLException {
        return tx.queryOne(
                        "SELECT head_seq, head_hash, genesis_hash FROM teams WHERE id = ?"
                                + (lock ? tx.forUpdate() : ""),
                        rs -> new Head(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)),
                        teamId)
                .orElseThrow(() -> new NotFoundException("no such team"));
    }

    static List<SignedLogEntry> entries(Tx tx, UUID teamId, long afterSeq, int limit)
            throws SQLException {
        return tx.query(
                "SELECT body, signature FROM team_log_entries WHERE team_id = ? AND seq > ? ORDER"
                        + " BY seq LIMIT ?",
                rs ->
                        new SignedLogEntry(
                                Base64Url.encode(rs.getBytes(1)), Base64Url.encode(rs.getBytes(2))),
                teamId,
                afterSeq,
                limit);
    }

    /** The verified state at the stored head. */
    TeamState state(Tx tx, UUID teamId, Head head) throws SQLException {
        Cached c = cache.get(teamId.toString());
        if (c != null
                && c.seq() == head.seq()
                && java.util.Arrays.equals(c.headHash(), head.hash())) {
            return c.state();
        }
        List<SignedLogEntry> all = new ArrayList<>();
        long after = -1;
        while (true) {
            List<SignedLogEntry> page = entries(tx, teamId, after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                break;
            }
            after += page.size();
        }
        TeamState state = TeamLogVerifier.verifyFromGenesis(all);
        remember(teamId, state);
        return state;
    }

    void remember(UUID teamId, TeamState state) {
        cache.put(teamId.toString(), new Cached(state.seq(), state.headHash(), state));
    }
}
