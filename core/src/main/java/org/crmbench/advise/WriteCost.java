package org.crmbench.advise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an index costs writes: the time to insert {@value #ROWS} rows into the real table, in a
 * transaction that is rolled back, with the index there and without it. The rows are copies of
 * the table's first rows with the primary key moved past the largest, foreign keys not checked
 * (session_replication_role = replica, which needs a superuser); the best of {@value #REPEATS}
 * tries counts, as the least disturbed by the machine's other work.
 */
final class WriteCost {
    static final int ROWS = 1_000;
    static final int REPEATS = 5;

    /** One table's insert time, or why it cannot be measured there. */
    record Insert(double ms, String note) {
        static Insert notMeasured(String note) {
            return new Insert(Double.NaN, note);
        }

        boolean measured() {
            return !Double.isNaN(ms);
        }
    }

    private WriteCost() {}

    static Insert measure(Connection c, TableName table) throws SQLException {
        String insert;
        try {
            insert = insertStatement(c, table);
        } catch (IllegalStateException e) {
            return Insert.notMeasured(e.getMessage());
        }
        double best = Double.MAX_VALUE;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < REPEATS; i++) {
                try {
                    s.execute("set local session_replication_role = replica");
                    long start = System.nanoTime();
                    s.executeUpdate(insert);
                    best = Math.min(best, (System.nanoTime() - start) / 1e6);
                } catch (SQLException e) {
                    if ("57014".equals(e.getSQLState())) {
                        throw e;
                    }
                    return Insert.notMeasured("inserting into " + table + " failed: " + firstLine(e.getMessage()));
                } finally {
                    c.rollback();
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new Insert(best, "");
    }

    /** The INSERT of {@value #ROWS} copies with the key moved, or IllegalStateException saying why not. */
    private static String insertStatement(Connection c, TableName table) throws SQLException {
        String key = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname, format_type(a.atttypid, a.atttypmod), cardinality(i.indkey::int2[])
                from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = ?::regclass and i.indisprimary""")) {
            ps.setString(1, table.qualified());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(3) == 1 && rs.getString(2).matches("bigint|integer|smallint")) {
                    key = rs.getString(1);
                }
            }
        }
        if (key == null) {
            throw new IllegalStateException("needs a one-column integer primary key to copy rows");
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select attname from pg_attribute
                where attrelid = ?::regclass and attnum > 0 and not attisdropped and attgenerated = ''
                order by attnum""")) {
            ps.setString(1, table.qualified());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(TableName.identifier(rs.getString(1)));
                }
            }
        }
        String k = TableName.identifier(key);
        List<String> values = columns.stream()
                .map(col -> col.equals(k)
                        ? k + " + (select coalesce(max(" + k + "), 0) from " + table.qualified() + ")"
                        : col)
                .toList();
        return String.format(
                Locale.ROOT,
                "insert into %s (%s) overriding system value select %s from %s order by %s limit %d",
                table.qualified(),
                String.join(", ", columns),
                String.join(", ", values),
                table.qualified(),
                k,
                ROWS);
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("").strip();
    }
}
