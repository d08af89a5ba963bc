package org.crmbench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bytes a table or index takes on disk; for a partitioned one (whose own size is 0), the sum
 * over its partitions.
 */
public final class RelationSize {
    private static final String SQL = "select coalesce((select sum(pg_relation_size(relid))"
            + " from pg_partition_tree(?::regclass)), pg_relation_size(?::regclass))";

    private RelationSize() {}

    /** {@code relation}: a qualified, quoted-where-needed name such as {@code crmbench.user_list}. */
    public static long bytes(Connection c, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, relation);
            ps.setString(2, relation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
