package org.crmbench.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema's DDL files split into the steps of a bulk load, and renamed into another schema:
 * tables first (load into them), then primary and unique keys, then foreign keys and secondary
 * indexes. A load builds everything in a staging schema and swaps it in at the end.
 */
public record SchemaDdl(
        List<Statement> tables, List<Statement> keys, List<Statement> foreignKeys, List<Statement> indexes) {

    private static final Pattern QUALIFIED = Pattern.compile("\\bcrmbench\\.");
    private static final Pattern PARTITION_OF = Pattern.compile("(?i)\\bPARTITION\\s+OF\\s+crmbench\\.(\\w+)");
    private static final Pattern CREATED_TABLE = Pattern.compile("(?i)^CREATE TABLE\\s+crmbench\\.(\\w+)");
    private static final Pattern TABLE_NAME =
            Pattern.compile("(?i)(?:CREATE TABLE|ALTER TABLE|\\bON)\\s+crmbench\\.(\\w+)");

    /** One DDL statement and the table it is about (unqualified name). */
    public record Statement(String table, String sql) {}

    /** The schema's file and the statements of an index set. */
    public static SchemaDdl of(SqlScript schema, IndexSet indexSet) {
        List<Statement> parsed = schema.statements().stream()
                .filter(s -> !s.toUpperCase(Locale.ROOT).startsWith("CREATE SCHEMA"))
                .map(SchemaDdl::statement)
                .toList();
        // a statement about a partition (its statistics settings) runs with its table's
        Map<String, String> parentOf = new HashMap<>();
        for (Statement s : parsed) {
            Matcher created = CREATED_TABLE.matcher(s.sql());
            if (PARTITION_OF.matcher(s.sql()).find() && created.find()) {
                parentOf.put(created.group(1), s.table());
            }
        }
        List<Statement> all = parsed.stream()
                .map(s -> new Statement(parentOf.getOrDefault(s.table(), s.table()), s.sql()))
                .toList();
        return new SchemaDdl(
                all.stream().filter(s -> upper(s).startsWith("CREATE TABLE")).toList(),
                all.stream()
                        .filter(s -> upper(s).startsWith("ALTER TABLE") && !upper(s).contains("FOREIGN KEY"))
                        .toList(),
                all.stream().filter(s -> upper(s).contains("FOREIGN KEY")).toList(),
                indexSet.statements().stream().map(SchemaDdl::statement).toList());
    }

    /** The shipped schema with the index set {@code indexSet}. */
    public static SchemaDdl shipped(IndexSet indexSet) {
        return of(SqlScript.resource(CrmbenchSchema.SCHEMA_SQL), indexSet);
    }

    /** The same statements for tables in {@code schema} instead of {@code crmbench}. */
    public SchemaDdl inSchema(String schema) {
        return new SchemaDdl(
                rename(tables, schema), rename(keys, schema), rename(foreignKeys, schema), rename(indexes, schema));
    }

    /** The CREATE TABLE statements of {@code table}: the table, then its partitions if it has any. */
    public List<String> createTable(String table) {
        List<String> sql = tables.stream()
                .filter(s -> s.table().equals(table))
                .map(Statement::sql)
                .toList();
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("no CREATE TABLE for " + table);
        }
        return sql;
    }

    private static List<Statement> rename(List<Statement> statements, String schema) {
        return statements.stream()
                .map(s -> new Statement(s.table(), QUALIFIED.matcher(s.sql()).replaceAll(schema + ".")))
                .toList();
    }

    /** A partition's statement is about its parent table: created with it, loaded through it. */
    private static Statement statement(String sql) {
        Matcher partition = PARTITION_OF.matcher(sql);
        if (partition.find()) {
            return new Statement(partition.group(1), sql);
        }
        Matcher m = TABLE_NAME.matcher(sql);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot tell which crmbench table this statement is about: " + sql);
        }
        return new Statement(m.group(1), sql);
    }

    private static String upper(Statement s) {
        return s.sql().toUpperCase(Locale.ROOT);
    }
}
