package dev.strongroom.server.db;

import java.sql.SQLException;

/** Classifies driver exceptions without depending on driver classes. */
public final class DbErrors {

    private DbErrors() {}

    /** A UNIQUE or PRIMARY KEY constraint was violated (a duplicate id, a taken email...). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if ("23505".equals(s.getSQLState())) {
                    return true;
                }
                // SQLite: SQLITE_CONSTRAINT_PRIMARYKEY (1555) or SQLITE_CONSTRAINT_UNIQUE (2067)
                int code = s.getErrorCode();
                if (code == 1555 || code == 2067) {
                    return true;
                }
                String msg = s.getMessage();
                if (msg != null
                        && (msg.contains("SQLITE_CONSTRAINT_UNIQUE")
                                || msg.contains("SQLITE_CONSTRAINT_PRIMARYKEY"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Contention that a retry of the whole transaction resolves. */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
            return true;
        }
        String msg = e.getMessage();
        return msg != null && (msg.contains("SQLITE_BUSY") || msg.contains("SQLITE_LOCKED"));
    }
}
