package dev.strongroom.server.db;

import java.sql.SQLException;

/** Work done with a transaction; may throw SQLException, which rolls the transaction back. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Tx tx) throws SQLException;
}
