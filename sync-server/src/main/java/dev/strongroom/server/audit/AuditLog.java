package dev.strongroom.server.audit;

import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Dialect;
import dev.strongroom.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit log.
 *
 * <p>Events are appended inside the write transaction of the action they record (see {@link
 * Tx#audit}), so an action and its record commit together. Appends are serialised by the single
 * {@code audit_head} row: SQLite has one writer anyway, PostgreSQL takes the row lock with {@code
 * FOR UPDATE}, so several instances on one database extend one chain. Events that record a refusal
 * (a failed login, a denied request) have no transaction of their own and go through {@link
 * #record}.
 */
public final class AuditLog {

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Installs this log as the database's before-commit hook. */
    public AuditLog install() {
        db.setBeforeCommit(this::append);
        return this;
    }

    /** Appends one event in a transaction of its own. */
    public void record(AuditEvent event) {
        db.write(
                tx -> {
                    tx.audit(event);
                    return null;
                });
    }

    /**
     * Appends the record of a read without making the reader wait for the disk: it commits with the
     * next group-commit batch, milliseconds later. A crash in between can lose it; the read it
     * records changed nothing. Readers of the log ({@link #page}, {@link #verify}) see it.
     */
    public void recordRead(AuditEvent event) {
        db.auditDetached(event);
    }

    void append(Tx tx, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String lockHead =
                tx.dialect() == Dialect.POSTGRESQL
                        ? "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
                        : "SELECT last_seq, last_hash FROM audit_head WHERE id = 1";
        Head head =
                tx.queryOne(lockHead, rs -> new Head(rs.getLong(1), rs.getBytes(2)))
                        .orElseThrow(() -> new SQLException("audit_head row missing"));
        long seq = head.seq();
        byte[] prev = head.hash();
        List<Object[]> rows = new java.util.ArrayList<>(events.size());
        for (AuditEvent e : events) {
            seq++;
            Actor a = e.actor();
            byte[] hash =
                    ChainedEvent.hash(
                            prev,
                            seq,
                            e.at(),
                            a.kind(),
                            a.id(),
                            a.address(),
                            e.action(),
                            e.teamId(),
                            e.targetKind(),
                            e.targetId(),
                            e.result(),
                            e.detail());
            rows.add(
                    new Object[] {
                        seq,
                        e.at(),
                        a.kind(),
                        Tx.orNull(a.id(), Tx.Null.TEXT),
                        Tx.orNull(a.address(), Tx.Null.TEXT),
                        e.action(),
                        Tx.orNull(e.teamId(), Tx.Null.TEXT),
                        Tx.orNull(e.targetKind(), Tx.Null.TEXT),
                        Tx.orNull(e.targetId(), Tx.Null.TEXT),
                        e.result(),
                        Tx.orNull(e.detail(), Tx.Null.TEXT),
                        prev,
                        hash
                    });
            prev = hash;
        }
        tx.updateBatch(
                "INSERT INTO audit_events (seq, at, actor_kind, actor_id, address, action, team_id,"
                        + " target_kind, target_id, result, detail, prev_hash, event_hash) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        tx.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
    }

    private record Head(long seq, byte[] hash) {}

    /** Reads events in chain order, from {@code afterSeq} (exclusive), at most {@code limit}. */
    public List<ChainedEvent> page(AuditQuery query) {
        db.flushWrites();
        return db.read(tx -> query.run(tx));
    }

    /** Streams every event in chain order (bounded memory). */
    public void forEach(Consumer<ChainedEvent> sink) {
        db.flushWrites();
        db.read(
                tx -> {
                    tx.forEach(
                            "SELECT " + COLUMNS + " FROM audit_events ORDER BY seq",
                            rs -> sink.accept(map(rs)));
                    return null;
                });
    }

    static final String COLUMNS =
            "seq, at, actor_kind, actor_id, address, action, team_id, target_kind, target_id,"
                    + " result, detail, prev_hash, event_hash";

    static ChainedEvent map(ResultSet rs) throws SQLException {
        return new ChainedEvent(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getBytes(12),
                rs.getBytes(13));
    }

    /**
     * Checks the whole chain: sequence numbers contiguous from 1, each event's prev_hash equal to
     * the previous event's hash, each hash recomputed from content, and the head row matching the
     * last event (which catches deleting events from the end).
     */
    public AuditVerification verify() {
        db.flushWrites();
        return db.read(
                tx -> {
                    AuditVerifier verifier = new AuditVerifier();
                    tx.forEach(
                            "SELECT " + COLUMNS + " FROM audit_events ORDER BY seq",
                            rs -> verifier.accept(map(rs)));
                    var head =
                            tx.queryOne(
                                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1",
                                    rs -> new Head(rs.getLong(1), rs.getBytes(2)));
                    return verifier.finish(
                            head.map(Head::seq).orElse(-1L), head.map(Head::hash).orElse(null));
                });
    }
}
