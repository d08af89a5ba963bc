package org.crmbench.advise;

import static java.util.stream.Collectors.joining;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An index advise may build: a table, its keys in order (columns or parenthesized expressions,
 * with DESC where a sort needs it), columns it only carries (INCLUDE), and a WHERE for a partial
 * index (empty for none).
 *
 * @param kind why it was proposed: "filter+sort", "filter+range", "filter", "join", "covering",
 *     "partial" (B-tree indexes), or {@value #TRIGRAM}: a GIN index with pg_trgm's operator class
 *     on a key matched with LIKE or ILIKE, which a B-tree cannot serve when the pattern begins
 *     with a wildcard
 */
public record Candidate(TableName table, List<String> keys, List<String> include, String where, String kind) {
    /** The kind of a trigram index: {@code USING gin (key gin_trgm_ops)}. */
    public static final String TRIGRAM = "trigram";

    /** pg_trgm's operator class for GIN: what a trigram candidate's key is indexed with. */
    static final String TRIGRAM_OPERATOR_CLASS = "gin_trgm_ops";

    public Candidate {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one key");
        }
    }

    /** The CREATE INDEX statement under {@code name}. */
    public String definition(String name) {
        return "CREATE INDEX " + TableName.identifier(name) + " ON " + table.qualified()
                + (trigram()
                        ? " USING gin ("
                                + keys.stream()
                                        .map(k -> k + " " + TRIGRAM_OPERATOR_CLASS)
                                        .collect(joining(", ")) + ")"
                        : " (" + String.join(", ", keys) + ")")
                + (include.isEmpty() ? "" : " INCLUDE (" + String.join(", ", include) + ")")
                + (where.isEmpty() ? "" : " WHERE " + where);
    }

    /** Whether this is a trigram index (GIN), not a B-tree. */
    public boolean trigram() {
        return kind.equals(TRIGRAM);
    }

    /** The index without a name: what tells two candidates apart. */
    public String signature() {
        return definition("x").substring("CREATE INDEX x ON ".length()).toLowerCase(Locale.ROOT);
    }

    /** True when {@code other} has these keys first, the same INCLUDE and WHERE (so serves what this serves). */
    boolean isPrefixOf(Candidate other) {
        return table.equals(other.table)
                && trigram() == other.trigram()
                && include.equals(other.include)
                && where.equals(other.where)
                && other.keys.size() > keys.size()
                && other.keys.subList(0, keys.size()).equals(keys);
    }

    /**
     * Whether {@code a} filters, joins or sorts this candidate's table on its first key: only
     * then can a plan use it for more than reading it whole, so only then is the planner asked.
     */
    boolean leads(Access a) {
        String first = bare(keys.getFirst());
        if (trigram()) {
            return a.table().equals(table) && a.pattern().contains(first);
        }
        return a.table().equals(table)
                && (a.equal().contains(first)
                        || a.range().contains(first)
                        || a.join().contains(first)
                        || a.sort().stream().anyMatch(k -> k.key().equals(first)));
    }

    /**
     * The leading keys of this candidate {@code a} can use, bare: keys it compares with = (or
     * joins on), in any order, then one it ranges over or, in order, the keys it sorts by. Empty
     * when it is another table's access.
     */
    Set<String> servedKeys(Access a) {
        Set<String> served = new LinkedHashSet<>();
        if (!a.table().equals(table)) {
            return served;
        }
        if (trigram()) {
            keys.stream().filter(a.pattern()::contains).forEach(served::add);
            return served;
        }
        int k = 0;
        while (k < keys.size()
                && (a.equal().contains(bare(keys.get(k))) || a.join().contains(bare(keys.get(k))))) {
            served.add(bare(keys.get(k++)));
        }
        if (k < keys.size() && a.range().contains(bare(keys.get(k)))) {
            served.add(bare(keys.get(k)));
            return served;
        }
        for (Access.SortKey sort : a.sort()) {
            if (k < keys.size() && bare(keys.get(k)).equals(sort.key())) {
                served.add(bare(keys.get(k++)));
            } else if (!a.equal().contains(sort.key())) {
                break;
            }
        }
        return served;
    }

    /** Whether one of {@code accesses} can use this candidate for a key it filters or sorts on (not only a join's). */
    boolean servesFilterOrSort(List<Access> accesses) {
        for (Access a : accesses) {
            Set<String> served = servedKeys(a);
            if (a.equal().stream().anyMatch(served::contains)
                    || a.range().stream().anyMatch(served::contains)
                    || a.pattern().stream().anyMatch(served::contains)
                    || a.sort().stream().anyMatch(k -> served.contains(k.key()))) {
                return true;
            }
        }
        return false;
    }

    /** A key without its direction and NULLS order: the column or expression it sorts by. */
    static String bare(String key) {
        return key.replaceFirst("(?i) (DESC|ASC|NULLS (FIRST|LAST)).*$", "");
    }

    /** Whether a bare key is a plain column (an identifier, quoted or not), not an expression. */
    static boolean isColumn(String bareKey) {
        return bareKey.matches("[\\w$]+|\"(?:[^\"]|\"\")+\"");
    }

    /** Whether an expression key needs the table analyzed before the planner can estimate it. */
    boolean hasExpression() {
        return keys.stream().anyMatch(k -> k.startsWith("(")) || !where.isEmpty();
    }

    /**
     * A name for the advise.sql a user applies: table and keys, at most 63 bytes (PostgreSQL's
     * limit), distinct for distinct candidates.
     */
    public String readableName() {
        String keyPart = String.join(
                "_",
                keys.stream()
                        .map(k -> k.toLowerCase(Locale.ROOT)
                                .replaceAll("::[a-z ]+", "") // (first_name)::text names first_name
                                .replaceAll("'[^']*'", "")
                                .replaceAll("[^a-z0-9]+", "_")
                                .replaceAll("^_|_$", ""))
                        .toList());
        String name = table.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + keyPart
                + (include.isEmpty() ? "" : "_incl") + (where.isEmpty() ? "" : "_part") + (trigram() ? "_trgm" : "")
                + "_idx";
        if (name.length() <= 63) {
            return name;
        }
        String hash = Integer.toHexString(signature().hashCode());
        return name.substring(0, 63 - hash.length() - 5) + "_" + hash + "_idx";
    }
}
