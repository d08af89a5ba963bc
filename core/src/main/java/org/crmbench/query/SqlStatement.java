package org.crmbench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * A query rendered once to SQL with {@code ?} placeholders, and its bind values: what the API and
 * the benchmark send through JDBC, without jOOQ's per-call rendering cost on the hot path.
 *
 * @param plannedForItsValues never prepared on the server, so PostgreSQL plans every execution
 *     for the values it has. A list page's best plan depends on them (a common city is read in the
 *     sort order and filtered, a rare one read whole and sorted, an absent one is an empty range);
 *     a server-side prepared statement switches to one generic plan for all values after five
 *     executions. pgjdbc prepares a statement on the server at its fifth execution.
 */
public record SqlStatement(String sql, List<Object> binds, boolean plannedForItsValues) {
    public SqlStatement {
        binds = List.copyOf(binds);
    }

    /** A statement that may be prepared once on the server and run with a cached plan. */
    public SqlStatement(String sql, List<Object> binds) {
        this(sql, binds, false);
    }

    /**
     * The SQL with its values written in as literals (numbers as they are, text quoted), for
     * EXPLAIN and for scripts of other tools. jOOQ renders no '?' inside literals.
     */
    public String inlined() {
        StringBuilder out = new StringBuilder(sql.length() + 16 * binds.size());
        int bind = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?' && bind < binds.size()) {
                out.append(literal(binds.get(bind++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A prepared statement with the values bound; an {@link UntypedValue} without a type. */
    public PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (plannedForItsValues && ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        for (int i = 0; i < binds.size(); i++) {
            if (binds.get(i) instanceof UntypedValue v) {
                ps.setObject(i + 1, v.text(), Types.OTHER);
            } else {
                ps.setObject(i + 1, binds.get(i));
            }
        }
        return ps;
    }

    /** Executes the statement and reads every row it returns; the number of rows. */
    public long run(Connection c) throws SQLException {
        try (PreparedStatement ps = prepare(c)) {
            if (!ps.execute()) {
                return 0;
            }
            long rows = 0;
            try (java.sql.ResultSet rs = ps.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    /**
     * The SQL with PostgreSQL's numbered parameters ($1, $2, ...) for its {@code ?} places, as
     * EXPLAIN (GENERIC_PLAN) and pg_stat_statements write it.
     */
    public String numbered() {
        StringBuilder out = new StringBuilder(sql.length() + 2 * binds.size());
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?' && n < binds.size()) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String literal(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
