package org.crmbench.schema;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;
import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmbench.CrmbenchException;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The {@code crmbench} schema: its DDL files and the questions commands ask about its state. */
public final class CrmbenchSchema {
    public static final String NAME = "crmbench";
    public static final String SCHEMA_SQL = "/db/schema.sql";

    /** The list endpoint's read table: a copy of the other three, one row per user. */
    public static final Table<?> READ_TABLE = USER_LIST;

    /** Every table of the schema, parents first: generate loads each of them. */
    public static final List<Table<?>> TABLES = List.of(APP_USER, ADDRESS, CUSTOMER_RELATIONSHIP, USER_LIST);

    /** A key that serialises schema changes between concurrent crmbench processes. */
    private static final long SCHEMA_LOCK_KEY = 0x63726d62656e6368L; // "crmbench"

    /**
     * The extensions an index set may use: pg_trgm for the search index (the embedded PostgreSQL
     * ships it, as do the contrib packages of every distribution).
     */
    public static final List<String> EXTENSIONS = List.of("pg_trgm");

    private CrmbenchSchema() {}

    /** Creates the {@link #EXTENSIONS} where they are missing (before an index set is built). */
    public static void createExtensions(DSLContext dsl) {
        createExtensionStatements().forEach(dsl::execute);
    }

    /** The statements that create the {@link #EXTENSIONS} where they are missing. */
    public static List<String> createExtensionStatements() {
        return EXTENSIONS.stream()
                .map(e -> "create extension if not exists " + e)
                .toList();
    }

    public static boolean exists(DSLContext dsl) {
        return dsl.fetchValue(DSL.field("to_regclass('crmbench.app_user') is not null", Boolean.class));
    }

    /** Creates the schema with its tables and keys (no secondary indexes) when it is not there. */
    public static void createIfMissing(DSLContext dsl) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.execute("select pg_advisory_xact_lock(?)", SCHEMA_LOCK_KEY);
            if (!exists(t)) {
                SqlScript.resource(SCHEMA_SQL).statements().forEach(t::execute);
            }
            createExtensions(t);
        });
    }

    /** Exact row counts per table, in {@link #TABLES} order. */
    public static Map<String, Long> rowCounts(DSLContext dsl) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table<?> table : TABLES) {
            counts.put(NAME + "." + table.getName(), (long) dsl.fetchCount(table));
        }
        return counts;
    }

    /** The number of users, once it is sure there is a generated dataset to work on. */
    public static long requireDataset(DSLContext dsl) {
        if (!exists(dsl)) {
            throw new CrmbenchException(
                    "There is no crmbench dataset in this database: run 'crmbench generate' first.");
        }
        long users = dsl.fetchCount(org.crmbench.jooq.Tables.APP_USER);
        if (users == 0) {
            throw new CrmbenchException("The crmbench tables are empty: run 'crmbench generate' first.");
        }
        return users;
    }
}
