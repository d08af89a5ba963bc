package org.crmbench.advise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;

/**
 * What an index costs writes, measured on the real table in transactions that are rolled back:
 * {@value #BATCHES} batches of {@value #ROWS} inserted rows (copies of the table's first rows
 * with the primary key moved past the largest) and {@value #BATCHES} batches of {@value #ROWS}
 * updated rows (one filter or sort column set to another row's value, so no update is HOT), each
 * timed and its WAL counted; the median batch counts. Foreign keys are not checked
 * (session_replication_role = replica, which needs a superuser).
 */
final class WriteCost {
    static final int ROWS = 1_000;
    static final int BATCHES = 5;

    /** The medians of one table's insert and update batches, or why they could not be measured. */
    record Batches(double insertMs, double insertWal, double updateMs, double updateWal, String note) {
        static Batches notMeasured(String note) {
            return new Batches(Double.NaN, Double.NaN, Double.NaN, Double.NaN, note);
        }

        boolean measured() {
            return !Double.isNaN(insertMs);
        }

        boolean updateMeasured() {
            return !Double.isNaN(updateMs);
        }
    }

    private WriteCost() {}

    /** The table's batches, updating {@code column} (empty: inserts only). */
    static Batches measure(Connection c, TableName table, String column) throws SQLException {
        String insert;
        try {
            insert = insertStatement(c, table);
        } catch (IllegalStateException e) {
            return Batches.notMeasured(e.getMessage());
        }
        double[] inserted;
        try {
            inserted = batches(c, insert);
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw e;
            }
            return Batches.notMeasured(
                    "inserting into " + table + " failed: " + CrmbenchException.firstLine(e.getMessage()));
        }
        if (column.isEmpty()) {
            return new Batches(inserted[0], inserted[1], Double.NaN, Double.NaN, "no plain column to update");
        }
        try {
            double[] updated = batches(c, updateStatement(c, table, column));
            return new Batches(inserted[0], inserted[1], updated[0], updated[1], "");
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw e;
            }
            return new Batches(
                    inserted[0],
                    inserted[1],
                    Double.NaN,
                    Double.NaN,
                    "updating " + column + " failed: " + CrmbenchException.firstLine(e.getMessage()));
        }
    }

    /** The median ms and WAL bytes of {@value #BATCHES} runs of {@code sql}, each rolled back. */
    private static double[] batches(Connection c, String sql) throws SQLException {
        double[] ms = new double[BATCHES];
        double[] wal = new double[BATCHES];
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < BATCHES; i++) {
                try {
                    s.execute("set local session_replication_role = replica");
                    String lsn = walPosition(s);
                    long start = System.nanoTime();
                    s.executeUpdate(sql);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    wal[i] = walBytesSince(s, lsn);
                } finally {
                    c.rollback();
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new double[] {median(ms), median(wal)};
    }

    private static String walPosition(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double walBytesSince(Statement s, String lsn) throws SQLException {
        try (ResultSet rs =
                s.executeQuery("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '" + lsn.replace("'", "") + "')")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The column an index's writes are measured by: its first key that is a plain column, neither
     * in the primary key nor the partition key (updating those moves or duplicates rows), else the
     * first such column an expression key reads (a trigram index on four fields is written when
     * any of them is); empty when there is none.
     */
    static String updateColumn(Connection c, Candidate candidate) throws SQLException {
        List<String> excluded = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname from pg_attribute a
                where a.attrelid = ?::regclass and (
                  exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary
                          and a.attnum = any(i.indkey))
                  or exists (select 1 from pg_partitioned_table p where p.partrelid = a.attrelid
                          and a.attnum = any(p.partattrs)))""")) {
            ps.setString(1, candidate.table().qualified());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    excluded.add(TableName.identifier(rs.getString(1)));
                }
            }
        }
        List<String> keys = candidate.keys().stream().map(Candidate::bare).toList();
        Optional<String> plain = keys.stream()
                .filter(Candidate::isColumn)
                .filter(k -> !excluded.contains(k) && !excluded.contains(TableName.identifier(k)))
                .findFirst();
        if (plain.isPresent() || keys.stream().allMatch(Candidate::isColumn)) {
            return plain.orElse("");
        }
        String expressions = Expressions.masked(String.join(" ", keys));
        return columns(c, candidate.table()).stream()
                .filter(col -> !excluded.contains(col))
                .filter(col -> Pattern.compile("(?<![\\w$\"])" + Pattern.quote(col) + "(?![\\w$\"])")
                        .matcher(expressions)
                        .find())
                .findFirst()
                .orElse("");
    }

    /** The INSERT of {@value #ROWS} copies with the key moved, or IllegalStateException saying why not. */
    private static String insertStatement(Connection c, TableName table) throws SQLException {
        String key = integerKey(c, table);
        List<String> columns = columns(c, table);
        String values = String.join(
                ", ",
                columns.stream()
                        .map(col -> col.equals(key)
                                ? key + " + (select coalesce(max(" + key + "), 0) from " + table.qualified() + ")"
                                : col)
                        .toList());
        return String.format(
                Locale.ROOT,
                "insert into %s (%s) overriding system value select %s from %s order by %s limit %d",
                table.qualified(),
                String.join(", ", columns),
                values,
                table.qualified(),
                key,
                ROWS);
    }

    /** {@value #ROWS} rows, the first by the key, get {@code column} from the last row. */
    private static String updateStatement(Connection c, TableName table, String column) throws SQLException {
        String key = integerKey(c, table);
        return String.format(
                Locale.ROOT,
                "update %1$s set %2$s = (select %2$s from %1$s order by %3$s desc limit 1)"
                        + " where %3$s in (select %3$s from %1$s order by %3$s limit %4$d)",
                table.qualified(),
                column,
                key,
                ROWS);
    }

    /** The primary key's first column when it is an integer, or IllegalStateException. */
    private static String integerKey(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname, format_type(a.atttypid, a.atttypmod)
                from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid = ?::regclass and i.indisprimary""")) {
            ps.setString(1, table.qualified());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(2).matches("bigint|integer|smallint")) {
                    return TableName.identifier(rs.getString(1));
                }
            }
        }
        throw new IllegalStateException("needs a primary key led by an integer column to copy rows");
    }

    private static List<String> columns(Connection c, TableName table) throws SQLException {
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
        return columns;
    }
}
