package org.crmbench.advise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expressions EXPLAIN (VERBOSE) writes: conditions split into their AND-ed parts, a
 * comparison into its sides, the tables (by alias) a side refers to, and a side as an index key.
 * PostgreSQL writes them in one regular form (every operator in parentheses, every column
 * qualified by its alias), which is what makes this small parser enough.
 */
final class Expressions {
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.\"])(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\.(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)");
    private static final Pattern PARAMETER = Pattern.compile("\\$\\d+");
    private static final Pattern LITERAL = Pattern.compile(
            "(?i)^(?:'(?:[^']|'')*'(?:::[\\w .\\[\\]\"()]+)?|-?\\d+(?:\\.\\d+)?(?:::[\\w .]+)?|true|false|null)$");
    /** Casts that change no value: an index on the column serves the cast column. */
    private static final Pattern RELABEL = Pattern.compile("::(?:text|character varying|varchar|bpchar)$");

    /** The comparisons a key can be read from; ~~ and ~~* are how EXPLAIN writes LIKE and ILIKE. */
    private static final List<String> COMPARISONS =
            List.of(" = ", " <> ", " <= ", " >= ", " < ", " > ", " ~~ ", " ~~* ");

    private Expressions() {}

    /** A comparison: {@code left op right}, the operator one of =, <>, <, <=, >, >=, ~~ (LIKE), ~~* (ILIKE). */
    record Comparison(String left, String op, String right) {
        boolean equality() {
            return op.equals("=");
        }

        boolean range() {
            return op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=");
        }

        /** LIKE or ILIKE: a pattern match, which a trigram index serves wherever its wildcards are. */
        boolean pattern() {
            return op.equals("~~") || op.equals("~~*");
        }
    }

    /** The parts of a condition joined by a top-level AND (nested ANDs flattened). */
    static List<String> conjuncts(String condition) {
        List<String> parts = new ArrayList<>();
        String c = stripParentheses(condition);
        List<String> split = splitTopLevel(c, " AND ");
        if (split.size() == 1) {
            parts.add(c);
        } else {
            split.forEach(p -> parts.addAll(conjuncts(p)));
        }
        return parts;
    }

    /** The items of a comma-separated list (an index's keys), commas inside parentheses kept. */
    static List<String> items(String list) {
        return splitTopLevel(list, ",");
    }

    /** The top-level comparison of a condition part, if it is one. */
    static Optional<Comparison> comparison(String conjunct) {
        String c = stripParentheses(conjunct);
        for (String op : COMPARISONS) {
            int at = indexAtTopLevel(c, op);
            if (at > 0) {
                return Optional.of(new Comparison(
                        c.substring(0, at).strip(),
                        op.strip(),
                        c.substring(at + op.length()).strip()));
            }
        }
        return Optional.empty();
    }

    /** The aliases among {@code known} that {@code expression} refers to (outside string literals). */
    static Set<String> aliasesIn(String expression, Set<String> known) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = QUALIFIED.matcher(masked(expression));
        while (m.find()) {
            String alias = unquote(m.group(1));
            if (known.contains(alias)) {
                found.add(alias);
            }
        }
        return found;
    }

    /** The columns of {@code alias} that {@code expression} refers to, as written (quoted if needed). */
    static List<String> columnsOf(String expression, String alias) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = QUALIFIED.matcher(masked(expression));
        while (m.find()) {
            if (unquote(m.group(1)).equals(alias)) {
                found.add(m.group(2));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The side of a comparison as an index key of {@code alias}'s table: the column when it is
     * one (a cast that changes no value dropped), else the expression without the alias, in
     * parentheses.
     */
    static String key(String side, String alias) {
        String s = stripParentheses(side);
        for (String before = ""; !before.equals(s); ) {
            before = s;
            s = stripParentheses(RELABEL.matcher(s).replaceFirst(""));
        }
        Matcher m = QUALIFIED.matcher(s);
        if (m.matches() && unquote(m.group(1)).equals(alias)) {
            return m.group(2);
        }
        return "(" + unqualified(stripParentheses(side), alias) + ")";
    }

    /** The elements of a row constructor {@code ROW(a, b)}, or empty when it is not one. */
    static List<String> rowElements(String side) {
        String s = stripParentheses(side);
        if (!s.startsWith("ROW(") || matchingParenthesis(s, 3) != s.length() - 1) {
            return List.of();
        }
        return splitTopLevel(s.substring(4, s.length() - 1), ", ");
    }

    static boolean isLiteral(String side) {
        return LITERAL.matcher(stripParentheses(side)).matches();
    }

    static boolean hasParameter(String side) {
        return PARAMETER.matcher(masked(side)).find();
    }

    /** The $n parameters {@code side} uses, by number. */
    static List<Integer> parameters(String side) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = PARAMETER.matcher(masked(side));
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group().substring(1)));
        }
        return numbers;
    }

    /** {@code expression} without the {@code alias.} qualifiers. */
    static String unqualified(String expression, String alias) {
        String masked = masked(expression);
        StringBuilder out = new StringBuilder();
        Matcher m = QUALIFIED.matcher(masked);
        int at = 0;
        while (m.find()) {
            if (unquote(m.group(1)).equals(alias)) {
                out.append(expression, at, m.start()).append(expression, m.start(2), m.end(2));
                at = m.end();
            }
        }
        return out.append(expression.substring(at)).toString();
    }

    /** Removes parentheses around the whole text, as many pairs as there are. */
    static String stripParentheses(String text) {
        String s = text.strip();
        while (s.startsWith("(") && matchingParenthesis(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The text with the insides of string literals blanked, so searches skip them. */
    static String masked(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
                out.append(c);
            } else {
                out.append(inString ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }

    private static int matchingParenthesis(String text, int open) {
        String s = masked(text);
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexAtTopLevel(String text, String token) {
        String s = masked(text);
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && s.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String text, String separator) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        for (int at = indexAtTopLevel(rest, separator); at >= 0; at = indexAtTopLevel(rest, separator)) {
            parts.add(rest.substring(0, at).strip());
            rest = rest.substring(at + separator.length());
        }
        parts.add(rest.strip());
        return parts;
    }
}
