package org.crmbench.advise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.crmbench.CrmbenchException;
import org.crmbench.db.RelationSize;

/**
 * The candidate indexes an advise run has built: named {@value #PREFIX}N, each dropped after use,
 * and all of them dropped whatever happens ({@link #dropAll}), also from another thread on Ctrl-C.
 */
final class CandidateIndexes {
    static final String PREFIX = "crmbench_advise_candidate_";

    /** Schema-qualified names of the candidates built and not dropped yet. */
    private final Set<String> built = ConcurrentHashMap.newKeySet();

    private final Runnable afterDdl;
    private int next;

    /** @param afterDdl told after each build or drop (plans cached before it are stale) */
    CandidateIndexes(Runnable afterDdl) {
        this.afterDdl = afterDdl;
    }

    /** Builds the candidate under a new name; the name. */
    String build(Connection ddl, Candidate c) throws SQLException {
        String name = PREFIX + next++;
        String qualified = qualified(c.table(), name);
        built.add(qualified);
        afterDdl.run();
        try {
            execute(ddl, c.definition(name));
        } catch (SQLException e) {
            built.remove(qualified);
            throw e;
        }
        return name;
    }

    void drop(Connection ddl, TableName table, String name) throws SQLException {
        String qualified = qualified(table, name);
        execute(ddl, "drop index if exists " + qualified);
        built.remove(qualified);
        afterDdl.run();
    }

    /** Drops whatever candidate is still built, on a connection of its own; {@code warn} hears when it cannot. */
    void dropAll(DataSource dataSource, Consumer<String> warn) {
        if (built.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            execute(c, "set statement_timeout = 0");
            for (String qualified : List.copyOf(built)) {
                execute(c, "drop index if exists " + qualified);
                built.remove(qualified);
            }
            execute(c, "reset statement_timeout");
        } catch (SQLException e) {
            warn.accept("could not drop the candidate indexes " + built + " ("
                    + CrmbenchException.firstLine(e.getMessage()) + "); the next advise run drops them");
        }
    }

    /** Drops candidates an earlier run left (a killed process); the number dropped. */
    static int dropLeftovers(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('i', 'I') and c.relname like '"
                        + PREFIX.replace("_", "\\_") + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            execute(c, "drop index if exists " + name);
        }
        return names.size();
    }

    /** Statistics for the expressions of expression indexes, which the planner has only once analysed. */
    static void analyzeExpressions(Connection ddl, List<Candidate> candidates) throws SQLException {
        Set<TableName> tables = new LinkedHashSet<>();
        candidates.stream().filter(Candidate::hasExpression).forEach(c -> tables.add(c.table()));
        for (TableName t : tables) {
            execute(ddl, "analyze " + t.qualified());
        }
    }

    /** Whether trigram candidates can be built: pg_trgm's GIN operator class is on the search path. */
    static boolean trigramsAvailable(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_opclass o join pg_am a on a.oid = o.opcmethod"
                + " where a.amname = 'gin' and o.opcname = ? and pg_opclass_is_visible(o.oid)")) {
            ps.setString(1, Candidate.TRIGRAM_OPERATOR_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static long sizeOf(Connection c, TableName table, String index) throws SQLException {
        return RelationSize.bytes(c, qualified(table, index));
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String qualified(TableName table, String index) {
        return TableName.identifier(table.schema()) + "." + index;
    }
}
