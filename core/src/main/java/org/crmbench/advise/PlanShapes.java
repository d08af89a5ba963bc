package org.crmbench.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accesses of one statement, from its plan as EXPLAIN (VERBOSE, FORMAT JSON) writes it: for
 * every scan of a table, the conditions on it (equality, range, join, written-in constants), the
 * sort above it and the columns it hands on. Tables of the system catalogs are left out.
 */
final class PlanShapes {
    private static final List<String> SCAN_CONDITIONS = List.of("Filter", "Index Cond", "Recheck Cond");
    private static final List<String> JOIN_CONDITIONS = List.of("Hash Cond", "Merge Cond", "Join Filter");
    private static final Pattern PARTITION_ALIAS = Pattern.compile("(.+)_\\d+");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    private final Map<String, TableName> tables = new LinkedHashMap<>();
    private final Set<String> aliases = new LinkedHashSet<>();
    private final Map<String, Set<String>> joinKeys = new LinkedHashMap<>();
    private final List<Scan> scans = new ArrayList<>();
    private final Map<Integer, ParameterUse> parameters = new LinkedHashMap<>();

    private final boolean generic;

    private PlanShapes(boolean generic) {
        this.generic = generic;
    }

    /** A $n parameter of a generic plan, and the key of a table it is compared with. */
    record ParameterUse(int number, TableName table, String key) {}

    /** A scan as found, before join keys from elsewhere in the plan are added. */
    private record Scan(String alias, Access access) {}

    /**
     * @param explain the whole EXPLAIN (FORMAT JSON) result: an array of one object with "Plan"
     * @param generic whether it is a generic plan ($n for the values), where a constant is one the
     *     SQL writes in; in a plan for given values every value is a constant, and none is fixed
     */
    static List<Access> of(JsonNode explain, boolean generic) {
        JsonNode plan = explain.isArray() ? explain.get(0).get("Plan") : explain.get("Plan");
        PlanShapes shapes = new PlanShapes(generic);
        shapes.collectAliases(plan);
        shapes.walk(plan, new ArrayDeque<>());
        List<Access> accesses = new ArrayList<>();
        for (Scan scan : shapes.scans) {
            Access a = scan.access();
            List<String> join = new ArrayList<>(a.join());
            shapes.joinKeys.getOrDefault(scan.alias(), Set.of()).stream()
                    .filter(k -> !join.contains(k))
                    .forEach(join::add);
            accesses.add(
                    new Access(a.table(), a.equal(), a.range(), a.sort(), join, a.pattern(), a.outputs(), a.fixed()));
        }
        return accesses;
    }

    /** The parameters of a generic plan that are compared with a table's key, by number. */
    static Map<Integer, ParameterUse> parameters(JsonNode explain) {
        JsonNode plan = explain.isArray() ? explain.get(0).get("Plan") : explain.get("Plan");
        PlanShapes shapes = new PlanShapes(true);
        shapes.collectAliases(plan);
        shapes.walk(plan, new ArrayDeque<>());
        return shapes.parameters;
    }

    private void collectAliases(JsonNode node) {
        if (node.hasNonNull("Alias")) {
            aliases.add(node.get("Alias").asText());
        }
        if (node.hasNonNull("Relation Name") && node.hasNonNull("Alias")) {
            String schema = node.path("Schema").asText("public");
            if (!SYSTEM_SCHEMAS.contains(schema)) {
                tables.put(
                        node.get("Alias").asText(),
                        new TableName(schema, node.get("Relation Name").asText()));
            }
        }
        node.path("Plans").forEach(this::collectAliases);
    }

    private void walk(JsonNode node, Deque<List<String>> sorts) {
        boolean sorting = node.has("Sort Key");
        if (sorting) {
            List<String> keys = new ArrayList<>();
            node.get("Sort Key").forEach(k -> keys.add(k.asText()));
            sorts.push(keys);
        }
        for (String field : JOIN_CONDITIONS) {
            if (node.hasNonNull(field)) {
                joinConditions(node.get(field).asText());
            }
        }
        String alias = node.path("Alias").asText(null);
        if (alias != null && tables.containsKey(alias)) {
            scans.add(new Scan(alias, scan(node, alias, sorts)));
        }
        node.path("Plans").forEach(child -> walk(child, sorts));
        if (sorting) {
            sorts.pop();
        }
    }

    private Access scan(JsonNode node, String alias, Deque<List<String>> sorts) {
        List<String> equal = new ArrayList<>();
        List<String> range = new ArrayList<>();
        List<String> join = new ArrayList<>();
        List<String> pattern = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String field : SCAN_CONDITIONS) {
            if (!node.hasNonNull(field)) {
                continue;
            }
            for (String part : Expressions.conjuncts(node.get(field).asText())) {
                classify(part, alias, new Keys(equal, range, join, pattern, fixed));
            }
        }
        List<String> outputs = new ArrayList<>();
        node.path("Output")
                .forEach(o -> Expressions.columnsOf(o.asText(), alias).stream()
                        .filter(c -> !outputs.contains(c))
                        .forEach(outputs::add));
        return new Access(tables.get(alias), equal, range, sortOf(alias, sorts), join, pattern, outputs, fixed);
    }

    /** The keys of one scan's conditions, by kind, as they are found. */
    private record Keys(
            List<String> equal, List<String> range, List<String> join, List<String> pattern, List<String> fixed) {}

    /** One condition part of a scan: which kind of key it gives, if any. */
    private void classify(String part, String alias, Keys keys) {
        Optional<Expressions.Comparison> comparison = Expressions.comparison(part);
        if (comparison.isEmpty()) {
            // a boolean column alone, or NOT one, or IS [NOT] NULL: a partial index's WHERE
            String bare = Expressions.stripParentheses(part);
            if (generic
                    && Expressions.aliasesIn(bare, aliases).equals(Set.of(alias))
                    && !Expressions.hasParameter(bare)
                    && bare.matches("(?i)^(NOT )?\\(?[\\w.\"]+\\)?( IS (NOT )?NULL)?$")) {
                add(keys.fixed(), Expressions.unqualified(bare, alias));
            }
            return;
        }
        Expressions.Comparison c = comparison.get();
        Set<String> left = Expressions.aliasesIn(c.left(), aliases);
        Set<String> right = Expressions.aliasesIn(c.right(), aliases);
        String column;
        String value;
        if (left.equals(Set.of(alias)) && !right.contains(alias)) {
            column = c.left();
            value = c.right();
        } else if (right.equals(Set.of(alias)) && !left.contains(alias)) {
            column = c.right();
            value = c.left();
        } else {
            return;
        }
        if (!Expressions.aliasesIn(value, aliases).isEmpty()) {
            add(keys.join(), Expressions.key(column, alias));
            return;
        }
        List<String> row = Expressions.rowElements(column);
        List<String> rowValues = Expressions.rowElements(value);
        for (int i = 0; i < row.size() && i < rowValues.size(); i++) {
            parameterUse(rowValues.get(i), alias, row.get(i));
        }
        if (row.isEmpty()) {
            parameterUse(value, alias, column);
        }
        if (!row.isEmpty()) {
            if (c.range()) {
                add(keys.range(), Expressions.key(row.getFirst(), alias));
            }
            return;
        }
        String key = Expressions.key(column, alias);
        if (c.pattern()) {
            if (column.equals(c.left())) { // the text matched, not the pattern
                add(keys.pattern(), key);
            }
        } else if (generic && c.equality() && Expressions.isLiteral(value)) {
            add(keys.fixed(), Expressions.unqualified(Expressions.stripParentheses(part), alias));
        } else if (c.equality()) {
            add(keys.equal(), key);
        } else if (c.range()) {
            add(keys.range(), key);
        }
    }

    private void parameterUse(String value, String alias, String column) {
        for (int n : Expressions.parameters(value)) {
            parameters.putIfAbsent(n, new ParameterUse(n, tables.get(alias), Expressions.key(column, alias)));
        }
    }

    /** A condition of a join node: a key on each side it compares. */
    private void joinConditions(String condition) {
        for (String part : Expressions.conjuncts(condition)) {
            Expressions.comparison(part)
                    .filter(Expressions.Comparison::equality)
                    .ifPresent(c -> {
                        Set<String> left = Expressions.aliasesIn(c.left(), aliases);
                        Set<String> right = Expressions.aliasesIn(c.right(), aliases);
                        if (left.size() == 1 && right.size() == 1 && !left.equals(right)) {
                            joinKey(left.iterator().next(), c.left());
                            joinKey(right.iterator().next(), c.right());
                        }
                    });
        }
    }

    private void joinKey(String alias, String side) {
        if (tables.containsKey(alias)) {
            joinKeys.computeIfAbsent(alias, a -> new LinkedHashSet<>()).add(Expressions.key(side, alias));
        }
    }

    /** The nearest sort above the scan, when every one of its keys is this table's. */
    /**
     * The sort above a scan. A partition's scan (alias user_list_1, under an Append) is sorted by
     * keys that name the partitioned table's alias (user_list), which no scan has.
     */
    private List<Access.SortKey> sortOf(String alias, Deque<List<String>> sorts) {
        List<Access.SortKey> own = sortOf(alias, aliases, sorts);
        Matcher partition = PARTITION_ALIAS.matcher(alias);
        if (own.isEmpty() && partition.matches() && !aliases.contains(partition.group(1))) {
            Set<String> withParent = new LinkedHashSet<>(aliases);
            withParent.add(partition.group(1));
            return sortOf(partition.group(1), withParent, sorts);
        }
        return own;
    }

    private static List<Access.SortKey> sortOf(String alias, Set<String> aliases, Deque<List<String>> sorts) {
        for (List<String> keys : sorts) {
            List<Access.SortKey> sort = new ArrayList<>();
            boolean mentions = false;
            boolean onlyThis = true;
            for (String k : keys) {
                String text = k.strip();
                boolean desc = false;
                String nulls = "";
                if (text.endsWith(" NULLS FIRST") || text.endsWith(" NULLS LAST")) {
                    nulls = text.substring(text.lastIndexOf(" NULLS ") + 1);
                    text = text.substring(0, text.lastIndexOf(" NULLS ")).strip();
                }
                if (text.endsWith(" DESC")) {
                    desc = true;
                    text = text.substring(0, text.length() - 5).strip();
                }
                Set<String> refs = Expressions.aliasesIn(text, aliases);
                mentions |= refs.contains(alias);
                onlyThis &= refs.equals(Set.of(alias));
                sort.add(new Access.SortKey(Expressions.key(text, alias), desc, nulls));
            }
            if (mentions) {
                return onlyThis ? sort : List.of();
            }
        }
        return List.of();
    }

    private static void add(List<String> keys, String key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }
}
