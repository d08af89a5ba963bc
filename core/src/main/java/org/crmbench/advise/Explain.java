package org.crmbench.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.measure.BenchRunner;
import org.crmbench.query.SqlStatement;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.QueryExecutor;

/** EXPLAIN (FORMAT JSON) of a statement, as a tree. */
final class Explain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACE = Pattern.compile("\\$(\\d+)");
    /** EXPLAIN (GENERIC_PLAN) came with PostgreSQL 16. */
    private static final int GENERIC_PLAN_SINCE = 16;

    private Explain() {}

    /**
     * The JSON plan EXPLAIN prints for {@code explain}, a whole EXPLAIN statement. It is sent with
     * the simple query protocol: in the extended one (pgjdbc's default) the $n of an EXPLAIN
     * (GENERIC_PLAN) would be parameters of the EXPLAIN itself, which its Bind message must supply.
     */
    static JsonNode json(Connection c, String explain) throws SQLException {
        return uncapped(c, () -> {
            try (Statement s = c.createStatement()) {
                s.unwrap(BaseStatement.class).executeWithFlags(explain, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
                try (ResultSet rs = s.getResultSet()) {
                    rs.next();
                    return JSON.readTree(rs.getString(1));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("EXPLAIN returned what is not JSON: " + e.getOriginalMessage(), e);
            }
        });
    }

    /** The estimated plans of {@code statements} as bench keeps them (text), without the cap. */
    static String estimated(Connection c, List<SqlStatement> statements) throws SQLException {
        return uncapped(c, () -> BenchRunner.explain(c, statements, BenchRunner.PlanCapture.ESTIMATE));
    }

    /** Work on the connection that reads the session's settings and may fail as SQL does. */
    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /**
     * {@code call} with the session's statement_timeout lifted, then put back: an EXPLAIN without
     * ANALYZE only plans, and the cap is for executions (a planning that outlasted the 50 ms cap
     * on the busy machine ended a 100,000-user advise run with "canceling statement due to
     * statement timeout").
     */
    static <T> T uncapped(Connection c, SqlCall<T> call) throws SQLException {
        String cap;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select current_setting('statement_timeout'), set_config('statement_timeout', '0', false)")) {
            rs.next();
            cap = rs.getString(1);
        }
        try {
            return call.call();
        } finally {
            try (PreparedStatement ps = c.prepareStatement("select set_config('statement_timeout', ?, false)")) {
                ps.setString(1, cap);
                ps.execute();
            }
        }
    }

    /**
     * The generic plan of {@code numbered}, a statement with $1, $2, ... places, as EXPLAIN with
     * {@code options} (e.g. "verbose, format json") prints it. From PostgreSQL 16 that is EXPLAIN
     * (GENERIC_PLAN); before, the statement is prepared and its execution explained under
     * plan_cache_mode = force_generic_plan with NULL for every place (a generic plan is made
     * without the values, so which ones changes nothing) and without partition pruning.
     */
    static JsonNode generic(Connection c, String options, String numbered) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() >= GENERIC_PLAN_SINCE) {
            return json(c, "explain (generic_plan, " + options + ") " + numbered);
        }
        int places = 0;
        Matcher m = PLACE.matcher(Expressions.masked(numbered));
        while (m.find()) {
            places = Math.max(places, Integer.parseInt(m.group(1)));
        }
        String nulls = places == 0 ? "" : "(" + String.join(", ", Collections.nCopies(places, "null")) + ")";
        simple(c, "prepare crmbench_advise_generic as " + numbered);
        try {
            simple(c, "set plan_cache_mode = force_generic_plan");
            // the NULLs would prune every partition when the executor starts: show them all, as 16 does
            simple(c, "set enable_partition_pruning = off");
            return json(c, "explain (" + options + ") execute crmbench_advise_generic" + nulls);
        } finally {
            simple(c, "reset enable_partition_pruning");
            simple(c, "reset plan_cache_mode");
            simple(c, "deallocate crmbench_advise_generic");
        }
    }

    private static void simple(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.unwrap(BaseStatement.class).executeWithFlags(sql, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
        }
    }
}
