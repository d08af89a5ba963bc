package org.crmbench.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.measure.Scenario;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UntypedValue;

/**
 * A workload from a live database: the queries pg_stat_statements has seen, the most total time
 * first, each weighing its share of that time. pg_stat_statements keeps queries with their
 * values taken out ($1, $2, ...), so each $n gets values from the column it is compared with
 * (found in the query's generic plan): the column's most common values, in turn; a LIMIT gets
 * 50 and an OFFSET 0. A query whose values cannot be found that way is left out, with the reason.
 */
public final class StatStatements {
    static final int VALUES_PER_PARAMETER = 10;
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private StatStatements() {}

    /** The top {@code limit} queries of this database; {@code skipped} hears of the ones left out. */
    public static Workload top(Database db, int limit, Consumer<String> skipped) {
        try (Connection c = db.dataSource().getConnection()) {
            requireExtension(c);
            List<Workload.Statement> statements = new ArrayList<>();
            int rank = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    select queryid, query, calls, total_exec_time
                    from pg_stat_statements
                    where dbid = (select oid from pg_database where datname = current_database())
                      and toplevel
                      and query ~* '^\\s*(select|with)\\M'
                      and query !~* '(\\mpg_[a-z_]+|information_schema)'
                      and query !~* 'crmbench_advise'
                    order by total_exec_time desc
                    limit ?""")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDouble(4)});
                    }
                    for (Object[] r : rows) {
                        rank++;
                        String name = String.format(Locale.ROOT, "top%d_%s", rank, Long.toHexString((long) r[0]));
                        String query = (String) r[1];
                        try {
                            statements.add(
                                    new Workload.Statement(scenario(c, name, query), Math.max((double) r[3], 1e-3)));
                        } catch (IllegalArgumentException e) {
                            skipped.accept(name + " (" + abbreviate(query) + "): " + e.getMessage());
                        }
                    }
                }
            }
            if (statements.isEmpty()) {
                throw new CrmbenchException("pg_stat_statements has no query of this database that advise can"
                        + " measure yet: run the traffic first (crmbench serve and crmbench load, or the real"
                        + " application), then advise.");
            }
            return new Workload(
                    "the top " + statements.size() + " queries of pg_stat_statements by total time", statements);
        } catch (SQLException e) {
            throw new CrmbenchException(
                    "Reading pg_stat_statements failed: " + CrmbenchException.firstLine(e.getMessage()), e);
        }
    }

    /**
     * The view exists only where the extension was created; its statistics are collected as soon
     * as the server preloads it, so creating it now still shows the past traffic.
     */
    private static void requireExtension(Connection c) throws SQLException {
        if (single(c, "select count(*) from pg_extension where extname = 'pg_stat_statements'")
                .equals("1")) {
            return;
        }
        String preloaded = single(c, "show shared_preload_libraries");
        if (!preloaded.contains("pg_stat_statements")) {
            throw new CrmbenchException("This PostgreSQL does not load pg_stat_statements: add it to"
                    + " shared_preload_libraries in postgresql.conf and restart the server, run the traffic, then"
                    + " advise (the embedded PostgreSQL loads it).");
        }
        try (Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        }
    }

    /** The query as a scenario: its $n bound to values from the columns they are compared with. */
    static Scenario scenario(Connection c, String name, String query) throws SQLException {
        JsonNode plan;
        try {
            plan = Explain.generic(c, "verbose, format json", query);
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "its generic plan failed: " + CrmbenchException.firstLine(e.getMessage()));
        }
        Map<Integer, PlanShapes.ParameterUse> uses = PlanShapes.parameters(plan);
        Map<Integer, List<String>> values = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(Expressions.masked(query));
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (values.containsKey(n)) {
                continue;
            }
            String before = Expressions.masked(query)
                    .substring(0, m.start())
                    .stripTrailing()
                    .toLowerCase(Locale.ROOT);
            if (before.endsWith("limit") || before.endsWith("fetch next") || before.endsWith("fetch first")) {
                values.put(n, List.of("50"));
            } else if (before.endsWith("offset")) {
                values.put(n, List.of("0"));
            } else if (uses.containsKey(n)) {
                values.put(n, columnValues(c, uses.get(n)));
            } else {
                throw new IllegalArgumentException("cannot tell which column $" + n + " is compared with");
            }
        }
        List<SqlStatement> executions = new ArrayList<>();
        for (int i = 0; i < VALUES_PER_PARAMETER; i++) {
            executions.add(bound(query, values, i));
        }
        return new Scenario(name, query.replaceAll("\\s+", " "), 0, false, (conn, execution, executed) -> {
            SqlStatement statement = executions.get((int) Math.floorMod(execution, (long) executions.size()));
            executed.accept(statement);
            statement.run(conn);
        });
    }

    /** The most common values of the key (a column or an expression), or any when there are no statistics. */
    private static List<String> columnValues(Connection c, PlanShapes.ParameterUse use) throws SQLException {
        List<String> values = new ArrayList<>();
        if (!use.key().startsWith("(")) {
            try (PreparedStatement ps = c.prepareStatement("select unnest(most_common_vals::text::text[]) from pg_stats"
                    + " where schemaname = ? and tablename = ? and attname = ? limit " + VALUES_PER_PARAMETER)) {
                ps.setString(1, use.table().schema());
                ps.setString(2, use.table().name());
                ps.setString(3, use.key().replace("\"", ""));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
        }
        if (values.isEmpty()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select (" + use.key() + ")::text from "
                            + use.table().qualified() + " where (" + use.key() + ") is not null limit "
                            + VALUES_PER_PARAMETER)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(use.table() + " has no value of " + use.key() + " for $" + use.number());
        }
        return values;
    }

    /** The query with its $n as JDBC places bound to the {@code i}-th value of each. */
    private static SqlStatement bound(String query, Map<Integer, List<String>> values, int i) {
        StringBuilder sql = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        Matcher m = PARAMETER.matcher(Expressions.masked(query));
        int at = 0;
        while (m.find()) {
            List<String> v = values.get(Integer.parseInt(m.group(1)));
            sql.append(query, at, m.start()).append('?');
            binds.add(new UntypedValue(v.get(i % v.size())));
            at = m.end();
        }
        sql.append(query.substring(at));
        return new SqlStatement(sql.toString(), binds);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }

    private static String abbreviate(String query) {
        String q = query.replaceAll("\\s+", " ").strip();
        return q.length() > 60 ? q.substring(0, 57) + "..." : q;
    }
}
