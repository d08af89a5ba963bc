package org.crmbench.bench;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.SqlScript;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Moves the {@code crmbench} schema between its baseline (keys only) and indexed states. Index
 * changes run in one transaction each, so a bad index file leaves nothing half-done.
 */
public final class IndexState {
    private static final Pattern INDEX_NAME = Pattern.compile(
            "(?i)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+crmbench\\.");

    private final DSLContext dsl;
    private final SqlScript indexes;

    public IndexState(DSLContext dsl, SqlScript indexes) {
        this.dsl = dsl;
        this.indexes = indexes;
    }

    /** Checks an index file before anything changes: only CREATE INDEX statements on crmbench tables. */
    public static SqlScript validated(SqlScript indexes) {
        if (indexes.statements().isEmpty()) {
            throw new IllegalArgumentException(indexes.name() + " contains no CREATE INDEX statement");
        }
        for (String statement : indexes.statements()) {
            if (!INDEX_NAME.matcher(statement).find()) {
                throw new IllegalArgumentException(indexes.name()
                        + " may only contain 'CREATE INDEX name ON crmbench.table (...)' statements, but has: "
                        + abbreviate(statement));
            }
        }
        return indexes;
    }

    /** Definitions of the secondary indexes there now (not those backing keys), to restore later. */
    public List<String> current() {
        return dsl.fetchValues("""
                        select pg_get_indexdef(i.indexrelid)
                        from pg_index i
                        join pg_class c on c.oid = i.indexrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'crmbench'
                          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                        order by c.relname""").stream().map(String::valueOf).toList();
    }

    /** True when every index of the file exists. */
    public boolean isIndexed() {
        List<String> names = dsl.fetchValues("select indexname from pg_indexes where schemaname = 'crmbench'").stream()
                .map(String::valueOf)
                .toList();
        return indexes.statements().stream().map(IndexState::nameOf).allMatch(names::contains);
    }

    public void toBaseline() {
        replaceWith(List.of());
    }

    public void toIndexed() {
        replaceWith(indexes.statements());
    }

    /** Drops every secondary index and creates {@code definitions}, in one transaction; then ANALYZE. */
    public void replaceWith(List<String> definitions) {
        try {
            dsl.transaction(tx -> {
                DSLContext t = tx.dsl();
                for (Object name : t.fetchValues("""
                        select c.relname from pg_index i
                        join pg_class c on c.oid = i.indexrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'crmbench'
                          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""")) {
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

    static String nameOf(String createIndex) {
        Matcher m = INDEX_NAME.matcher(createIndex);
        if (!m.find()) {
            throw new IllegalArgumentException("not a CREATE INDEX statement: " + createIndex);
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage().replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
