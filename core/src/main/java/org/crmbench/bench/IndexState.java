package org.crmbench.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.IndexSet;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Moves the {@code crmbench} schema between index sets: every secondary index (one that backs no
 * key; a partitioned table's index, not its partitions' copies, which come and go with it) dropped and the set's created in one transaction, so a bad set leaves nothing half-done;
 * then the tables analyzed.
 */
public final class IndexState {
    private static final String SECONDARY = """
            from pg_index i
            join pg_class c on c.oid = i.indexrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'crmbench'
              and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
              and not exists (select 1 from pg_inherits p where p.inhrelid = i.indexrelid)""";

    private static final Pattern ON_ONLY = Pattern.compile(" ON ONLY ");

    private final DSLContext dsl;

    public IndexState(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Definitions of the secondary indexes there now, to restore later. PostgreSQL prints an index
     * of a partitioned table as {@code CREATE INDEX ... ON ONLY table}, which run again makes an
     * invalid index on the parent alone, none on its partitions (every list page then a sequential
     * scan): restored, it is created on the table, partitions included.
     */
    public List<String> current() {
        return dsl.fetchValues("select pg_get_indexdef(i.indexrelid) " + SECONDARY + " order by c.relname").stream()
                .map(String::valueOf)
                .map(definition -> ON_ONLY.matcher(definition).replaceFirst(" ON "))
                .toList();
    }

    /** Names of the secondary indexes there now. */
    public Set<String> currentNames() {
        return new HashSet<>(dsl.fetchValues("select c.relname " + SECONDARY).stream()
                .map(String::valueOf)
                .toList());
    }

    /** True when exactly the set's indexes are there (by name). */
    public boolean holds(IndexSet set) {
        return currentNames().equals(new HashSet<>(set.indexNames()));
    }

    /** Makes {@code set} the state unless it already is. */
    public void apply(IndexSet set) {
        if (!holds(set)) {
            replaceWith(set.statements());
        }
    }

    /** Drops every secondary index and creates {@code definitions}, in one transaction; then ANALYZE. */
    public void replaceWith(List<String> definitions) {
        try {
            dsl.transaction(tx -> {
                DSLContext t = tx.dsl();
                t.execute("set local maintenance_work_mem = '256MB'");
                CrmbenchSchema.createExtensions(t);
                for (Object name : t.fetchValues("select c.relname " + SECONDARY)) {
                    t.execute("drop index " + CrmbenchSchema.NAME + "." + name);
                }
                definitions.forEach(t::execute);
            });
        } catch (DataAccessException e) {
            throw new CrmbenchException(
                    "Could not change the indexes (" + rootMessage(e)
                            + "); the transaction was rolled back, the indexes are as they were.",
                    e);
        }
        for (var table : CrmbenchSchema.TABLES) {
            dsl.execute("analyze " + CrmbenchSchema.NAME + "." + table.getName());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage().replaceAll("\\s+", " ").strip();
    }
}
