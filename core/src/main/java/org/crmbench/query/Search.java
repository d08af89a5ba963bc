package org.crmbench.query;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The list's {@code search} parameter, as Django REST framework's {@code SearchFilter}: terms
 * split on spaces and commas, each of which must occur (case-insensitive, anywhere) in one of the
 * searched fields. {@code %}, {@code _} and {@code \} in a term are matched as themselves.
 *
 * <p>The fields are searched as one lower-cased text, joined by spaces ({@link #TEXT}): a term
 * holds no space, so it occurs in the text exactly when it occurs in one of the fields, and one
 * trigram index on the text serves every term. A trigram index finds a term by its
 * three-character pieces: a search needs one term of at least {@value #MIN_INDEXED_LENGTH}
 * characters (shorter ones may go with it), otherwise it would read every row.
 *
 * @param terms the terms as given (matching lower-cases them in the database)
 */
public record Search(List<String> terms) {
    public static final String PARAMETER = "search";
    public static final int MIN_INDEXED_LENGTH = 3;
    public static final int MAX_TERMS = 5;

    /** The fields searched, in the order they are joined. */
    public static final List<Field<String>> FIELDS =
            List.of(USER_LIST.FIRST_NAME, USER_LIST.LAST_NAME, USER_LIST.EMAIL, USER_LIST.CITY);

    /**
     * {@code lower(first_name || ' ' || last_name || ' ' || email || ' ' || city)}: what a term is
     * matched against, and the expression the search index is built on (the same in the index
     * set's SQL, or the planner would not use it).
     */
    public static final Field<String> TEXT = DSL.lower(DSL.concat(
            FIELDS.stream().flatMap(f -> Stream.of(DSL.inline(" "), f)).skip(1).toArray(Field[]::new)));

    public Search {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("has no term (terms are split on spaces and commas)");
        }
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("has " + terms.size() + " terms; at most " + MAX_TERMS);
        }
        if (terms.stream().allMatch(t -> t.codePointCount(0, t.length()) < MIN_INDEXED_LENGTH)) {
            throw new IllegalArgumentException("needs a term of at least " + MIN_INDEXED_LENGTH
                    + " characters (shorter terms may go with one); every row would be read");
        }
    }

    /** The terms of a search box's text: split on spaces and commas, empty pieces dropped. */
    public static Search parse(String text) {
        return new Search(
                Arrays.stream(text.split("[\\s,]+")).filter(t -> !t.isEmpty()).toList());
    }

    /** Every term occurs in {@link #TEXT}. */
    Condition condition() {
        return DSL.and(terms.stream()
                .map(t -> TEXT.like(DSL.lower(DSL.val(containing(t)))))
                .toList());
    }

    /** The text as a query parameter: the terms joined by spaces. */
    public String queryValue() {
        return String.join(" ", terms);
    }

    /** A LIKE pattern matching {@code term} anywhere, its wildcards and escape character taken literally. */
    static String containing(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
