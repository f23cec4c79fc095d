package dev.strongroom.server.db;

import dev.strongroom.server.audit.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open transaction with small typed helpers. Audit events recorded here are appended to the
 * audit chain in the same transaction just before commit, so an action and its audit record are
 * durable together or not at all.
 */
public final class Tx {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final boolean writable;
    private final List<AuditEvent> pendingAudit = new ArrayList<>();
    private final boolean singleStatement;
    private int statements;

    Tx(Connection connection, Dialect dialect, boolean writable) {
        this(connection, dialect, writable, false);
    }

    private Tx(Connection connection, Dialect dialect, boolean writable, boolean singleStatement) {
        this.connection = connection;
        this.dialect = dialect;
        this.writable = writable;
        this.singleStatement = singleStatement;
    }

    /** A read-only Tx over an auto-commit connection that admits one statement (its snapshot). */
    static Tx singleStatement(Connection connection, Dialect dialect) {
        return new Tx(connection, dialect, false, true);
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** " FOR UPDATE" on PostgreSQL (row lock); nothing on SQLite, whose writer is exclusive. */
    public String forUpdate() {
        return dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** Records an audit event to append when this transaction commits. */
    public void audit(AuditEvent event) {
        if (!writable) {
            throw new IllegalStateException("audit events need a write transaction");
        }
        pendingAudit.add(event);
    }

    List<AuditEvent> pendingAudit() {
        return pendingAudit;
    }

    public int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Runs one statement for many rows in a single JDBC batch (one round trip where possible). */
    public void updateBatch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (singleStatement) {
            throw new IllegalStateException("a single-statement read cannot run a batch");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = prepare(sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    /** Calls the consumer for each row without collecting them (bounded memory). */
    public void forEach(String sql, RowConsumer consumer, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    /** Consumes the current row of a result set. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = prepare(sql, params);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            T value = mapper.map(rs);
            if (rs.next()) {
                throw new SQLException("expected at most one row");
            }
            return Optional.of(value);
        }
    }

    public long queryLong(String sql, Object... params) throws SQLException {
        return queryOne(sql, rs -> rs.getLong(1), params)
                .orElseThrow(() -> new SQLException("expected one row"));
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        if (singleStatement && statements++ > 0) {
            // in auto-commit mode each statement has its own snapshot: two would not agree
            throw new IllegalStateException("a single-statement read ran a second statement");
        }
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Null typed) {
            ps.setNull(index, typed.sqlType());
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else if (value instanceof java.util.UUID u) {
            ps.setString(index, u.toString());
        } else {
            throw new SQLException(
                    "unsupported parameter type "
                            + (value == null ? "null (use Null)" : value.getClass().getName()));
        }
    }

    /** A typed SQL NULL (both drivers want the type for byte columns). */
    public record Null(int sqlType) {
        public static final Null TEXT = new Null(java.sql.Types.VARCHAR);
        public static final Null BIGINT = new Null(java.sql.Types.BIGINT);
        public static final Null INTEGER = new Null(java.sql.Types.INTEGER);
        public static final Null BYTES = new Null(java.sql.Types.BINARY);
    }

    /** The value, or the typed NULL when it is null. */
    public static Object orNull(Object value, Null ifNull) {
        return value == null ? ifNull : value;
    }

    /** Reads a nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
