package org.crmbench.query;

import java.util.List;

/**
 * A query rendered once to SQL with {@code ?} placeholders, and its bind values: what the API and
 * the benchmark send through JDBC, without jOOQ's per-call rendering cost on the hot path.
 */
public record SqlStatement(String sql, List<Object> binds) {
    public SqlStatement {
        binds = List.copyOf(binds);
    }

    /**
     * The SQL with its values written in as literals (numbers as they are, text quoted), for
     * EXPLAIN and for scripts of other tools. jOOQ renders no '?' inside literals.
     */
    public String inlined() {
        StringBuilder out = new StringBuilder(sql.length() + 16 * binds.size());
        int bind = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?' && bind < binds.size()) {
                out.append(literal(binds.get(bind++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String literal(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
