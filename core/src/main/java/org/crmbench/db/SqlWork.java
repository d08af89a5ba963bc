package org.crmbench.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one database connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
}
