package org.crmbench.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named set of secondary indexes: one state of the schema that bench compares with others.
 * {@code baseline} has none (keys only), {@code seed} the original project's, {@code lean}
 * crmbench's (the whole list surface with eleven B-tree indexes, four of them partial, and a
 * trigram index for search), {@code tuned} its earlier one index per
 * combination; a user's own file is a set named after it.
 */
public record IndexSet(String name, List<String> statements) {
    public static final String BASELINE = "baseline";
    public static final String SEED = "seed";
    /** One index per filter set and sort key (30): fast where it was written for, kept to compare. */
    public static final String TUNED = "tuned";
    /** Eleven covering indexes for the whole surface and one for search (see lean.sql): crmbench's own. */
    public static final String LEAN = "lean";
    /** The shipped sets, in the order they are usually compared. */
    public static final List<String> SHIPPED = List.of(BASELINE, SEED, LEAN, TUNED);
    /** The set generate builds and bench compares the baseline with. */
    public static final String BEST = LEAN;

    private static final Pattern INDEX_NAME = Pattern.compile(
            "(?i)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+crmbench\\.");

    public IndexSet {
        statements = List.copyOf(statements);
    }

    /**
     * A shipped set by name, or an index file when {@code nameOrFile} ends with .sql; anything
     * else, or a file that holds more than CREATE INDEX statements, is an IllegalArgumentException.
     */
    public static IndexSet of(String nameOrFile) {
        if (nameOrFile.endsWith(".sql")) {
            return file(Path.of(nameOrFile));
        }
        if (nameOrFile.equals(BASELINE)) {
            return new IndexSet(BASELINE, List.of());
        }
        if (!SHIPPED.contains(nameOrFile)) {
            throw new IllegalArgumentException("unknown index set '" + nameOrFile + "'; valid: "
                    + String.join(", ", SHIPPED) + ", or a file ending in .sql");
        }
        return new IndexSet(nameOrFile, SqlScript.resource(resource(nameOrFile)).statements());
    }

    /** A user's file of CREATE INDEX statements, named after the file. */
    public static IndexSet file(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such index file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
        SqlScript script = SqlScript.parse(file.toString(), text);
        if (script.statements().isEmpty()) {
            throw new IllegalArgumentException(file + " contains no CREATE INDEX statement");
        }
        for (String statement : script.statements()) {
            if (!INDEX_NAME.matcher(statement).find()) {
                throw new IllegalArgumentException(file
                        + " may only contain 'CREATE INDEX name ON crmbench.table (...)' statements, but has: "
                        + abbreviate(statement));
            }
        }
        return new IndexSet(name, script.statements());
    }

    static String resource(String name) {
        return "/db/index-sets/" + name + ".sql";
    }

    /** The index names the set creates, lower case. */
    public List<String> indexNames() {
        return statements.stream().map(IndexSet::nameOf).toList();
    }

    static String nameOf(String createIndex) {
        Matcher m = INDEX_NAME.matcher(createIndex);
        if (!m.find()) {
            throw new IllegalArgumentException("not a CREATE INDEX statement: " + createIndex);
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
