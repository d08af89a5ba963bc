package org.crmbench.advise;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes a database already has, as advise reads them: their definitions, their B-tree keys
 * written as candidates write them (so a candidate an existing index covers is not proposed), and
 * names for the chosen indexes that none of them takes.
 */
final class ExistingIndexes {
    private ExistingIndexes() {}

    /** The definitions of the valid indexes outside the system schemas (a partitioned table's, not its partitions' copies). */
    static List<String> read(Connection c) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_get_indexdef(i.indexrelid)"
                        + " from pg_index i join pg_class x on x.oid = i.indexrelid"
                        + " join pg_namespace n on n.oid = x.relnamespace"
                        + " where i.indisvalid and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')"
                        + " and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)"
                        + " order by 1")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        return definitions;
    }

    /** The key lists of B-tree indexes, by table, written as candidates write them. */
    static Map<TableName, List<List<String>>> keys(List<String> definitions) {
        Map<TableName, List<List<String>>> keys = new HashMap<>();
        Pattern def =
                Pattern.compile("(?i)^CREATE (?:UNIQUE )?INDEX \\S+ ON (?:ONLY )?(\\S+)\\.(\\S+) USING btree \\((.*)$");
        for (String d : definitions) {
            Matcher m = def.matcher(d);
            if (!m.matches()) {
                continue;
            }
            TableName table = new TableName(unquote(m.group(1)), unquote(m.group(2)));
            String rest = "(" + m.group(3);
            String inside = rest.substring(1, closing(rest));
            List<String> list = new ArrayList<>();
            for (String key : Expressions.items(inside)) {
                String k = key.strip();
                String bare = k.replaceFirst("(?i) (DESC|ASC|NULLS FIRST|NULLS LAST)( NULLS (FIRST|LAST))?$", "");
                list.add(Candidate.isColumn(bare) ? k : "(" + bare + ")" + k.substring(bare.length()));
            }
            keys.computeIfAbsent(table, t -> new ArrayList<>()).add(list);
        }
        return keys;
    }

    private static int closing(String text) {
        int depth = 0;
        String s = Expressions.masked(text);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }

    /** The names advise.sql gives the chosen indexes: readable, and clear of the existing ones. */
    static Map<Candidate, String> readableNames(List<Evaluated> chosen, List<String> existing) {
        Set<String> taken = new HashSet<>();
        existing.forEach(d -> taken.add(d.replaceFirst("(?i)^CREATE (?:UNIQUE )?INDEX (\\S+) .*$", "$1")));
        Map<Candidate, String> names = new LinkedHashMap<>();
        for (Evaluated e : chosen) {
            String name = e.candidate().readableName();
            for (int n = 2; taken.contains(name); n++) {
                String suffix = "_" + n;
                name = e.candidate().readableName();
                name = name.length() + suffix.length() > 63
                        ? name.substring(0, 63 - suffix.length()) + suffix
                        : name + suffix;
            }
            taken.add(name);
            names.put(e.candidate(), name);
        }
        return names;
    }
}
