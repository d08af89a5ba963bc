package org.crmbench.advise;

import java.util.List;

/**
 * How one statement reads one table, taken from its plan: what a B-tree index on that table could
 * serve. Keys are written as an index would list them: a column name, or an expression in
 * parentheses ({@code (lower(last_name))}).
 *
 * @param equal keys compared with = to a value (or = ANY of a list)
 * @param range keys compared with <, <=, > or >= to a value; of a row comparison, its first key
 * @param sort the order a sort above the scan puts the rows in, when it sorts this table's keys only
 * @param join keys compared with another table's columns
 * @param pattern keys matched with LIKE or ILIKE: what a trigram index (pg_trgm) could serve, a
 *     B-tree not (a pattern such as {@code '%smi%'} has no prefix to look up)
 * @param outputs the columns the scan hands on (what an index-only scan would need)
 * @param fixed conditions whose value is written in the SQL, not a parameter: a partial index's WHERE
 */
public record Access(
        TableName table,
        List<String> equal,
        List<String> range,
        List<SortKey> sort,
        List<String> join,
        List<String> pattern,
        List<String> outputs,
        List<String> fixed) {
    public Access {
        equal = List.copyOf(equal);
        range = List.copyOf(range);
        sort = List.copyOf(sort);
        join = List.copyOf(join);
        pattern = List.copyOf(pattern);
        outputs = List.copyOf(outputs);
        fixed = List.copyOf(fixed);
    }

    /** The same access of another table (a partition's, read as its partitioned table's). */
    Access onTable(TableName other) {
        return new Access(other, equal, range, sort, join, pattern, outputs, fixed);
    }

    /**
     * One key of a sort, as the plan's Sort Key writes it; {@code nulls} is NULLS FIRST or NULLS
     * LAST when not the default for the direction (EXPLAIN shows it only then), else empty.
     */
    public record SortKey(String key, boolean descending, String nulls) {
        String indexKey() {
            return key + (descending ? " DESC" : "") + (nulls.isEmpty() ? "" : " " + nulls);
        }
    }

    /**
     * The sort as index keys: an ascending index serves a sort that is descending on every key
     * by reading it backwards, so such keys are written ascending.
     */
    public List<String> sortKeys() {
        boolean backwards =
                sort.stream().allMatch(k -> k.descending() && k.nulls().isEmpty());
        return sort.stream().map(k -> backwards ? k.key() : k.indexKey()).toList();
    }
}
