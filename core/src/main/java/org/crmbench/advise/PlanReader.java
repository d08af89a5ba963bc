package org.crmbench.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.crmbench.query.SqlStatement;

/**
 * What advise reads from plans: the accesses a statement's plan makes (which tables, filtered and
 * sorted by what), on the partitioned table rather than its partitions, cached per SQL text; and
 * whether a statement's generic plan is the plan for its values. A failed EXPLAIN is answered
 * from the other plan, or with nothing, unless the run was aborted.
 */
final class PlanReader {
    private final Map<String, List<Access>> shapeCache = new HashMap<>();
    private final Map<TableName, TableName> partitionRoots = new HashMap<>();
    private final BooleanSupplier aborted;

    PlanReader(BooleanSupplier aborted) {
        this.aborted = aborted;
    }

    /**
     * Whether each statement's generic plan (what PostgreSQL may switch a prepared statement to
     * after its fifth execution) reads the same relations the same way as its plan for its
     * values: then the warm-up executions that let a server reach that switch change nothing.
     */
    boolean agree(Connection m, List<SqlStatement> statements) throws SQLException {
        for (SqlStatement s : statements) {
            if (isExplain(s)) {
                continue;
            }
            try {
                JsonNode generic = Explain.generic(m, "format json", s.numbered());
                JsonNode custom = Explain.json(m, "explain (format json) " + s.inlined());
                if (!planShape(generic).equals(planShape(custom))) {
                    return false;
                }
            } catch (SQLException e) {
                if (aborted.getAsBoolean()) {
                    throw e;
                }
                return false; // no EXPLAIN (GENERIC_PLAN) before PostgreSQL 16: warm up
            }
        }
        return true;
    }

    /** A statement that is itself an EXPLAIN (a count estimate): it reads no rows, and has no plan of its own to read. */
    static boolean isExplain(SqlStatement s) {
        return s.sql().regionMatches(true, 0, "explain", 0, 7);
    }

    private static List<String> planShape(JsonNode plan) {
        List<String> shape = new ArrayList<>(plan.findValuesAsText("Node Type"));
        shape.addAll(plan.findValuesAsText("Index Name"));
        shape.addAll(plan.findValuesAsText("Relation Name"));
        return shape;
    }

    /** The accesses of the statements, from their generic plans (a plan for their values if that fails). */
    List<Access> accesses(Connection m, List<SqlStatement> statements) throws SQLException {
        List<Access> all = new ArrayList<>();
        for (SqlStatement s : statements) {
            if (isExplain(s)) {
                continue;
            }
            List<Access> cached = shapeCache.get(s.numbered());
            if (cached == null) {
                cached = shapesOf(m, s);
                shapeCache.put(s.numbered(), cached);
            }
            all.addAll(cached);
        }
        return all;
    }

    private List<Access> shapesOf(Connection m, SqlStatement s) throws SQLException {
        return onPartitionedTables(m, planShapesOf(m, s));
    }

    /**
     * The accesses with each partition (user_list's tiers) replaced by its partitioned table, once:
     * an index is created on the partitioned table, which gives every partition its own.
     */
    private List<Access> onPartitionedTables(Connection m, List<Access> accesses) throws SQLException {
        List<Access> rooted = new ArrayList<>();
        for (Access a : accesses) {
            TableName root = partitionRoots.get(a.table());
            if (root == null) {
                root = partitionRoot(m, a.table());
                partitionRoots.put(a.table(), root);
            }
            Access onRoot = a.onTable(root);
            if (!rooted.contains(onRoot)) {
                rooted.add(onRoot);
            }
        }
        return rooted;
    }

    private static TableName partitionRoot(Connection m, TableName table) throws SQLException {
        try (var ps = m.prepareStatement("select n.nspname, c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where c.oid = coalesce(pg_partition_root(?::regclass), ?::regclass)")) {
            ps.setString(1, table.qualified());
            ps.setString(2, table.qualified());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new TableName(rs.getString(1), rs.getString(2)) : table;
            }
        }
    }

    private List<Access> planShapesOf(Connection m, SqlStatement s) throws SQLException {
        try {
            return PlanShapes.of(Explain.generic(m, "verbose, format json", s.numbered()), true);
        } catch (SQLException e) {
            if (aborted.getAsBoolean()) {
                throw e;
            }
            try {
                return PlanShapes.of(Explain.json(m, "explain (verbose, format json) " + s.inlined()), false);
            } catch (SQLException again) {
                if (aborted.getAsBoolean()) {
                    throw again;
                }
                return List.of();
            }
        }
    }
}
