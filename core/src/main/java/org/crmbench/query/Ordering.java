package org.crmbench.query;

import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;
import static org.crmbench.jooq.Tables.USER_LIST;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * The orderings the API accepts (Django REST framework names), ascending or with '-' descending;
 * ties are broken by the user id, so pages are stable and a keyset cursor is (value, id).
 */
public record Ordering(Key key, boolean descending) {
    public static final Ordering DEFAULT = new Ordering(Key.ID, false);

    /**
     * A sort key: its API name, the column of the three tables, the read table's column the list
     * sorts on, and how a cursor's text form is read back into a value of the column's type.
     */
    public enum Key {
        ID("id", APP_USER.ID, Long::valueOf),
        LAST_NAME("last_name", APP_USER.LAST_NAME, text -> text),
        CREATED("created", APP_USER.CREATED, OffsetDateTime::parse),
        POINTS("relationship__points", CUSTOMER_RELATIONSHIP.POINTS, Integer::valueOf),
        /**
         * Sorted on the amount in cents ({@code lifetime_value_key}, a bigint), not on the numeric:
         * comparing numerics made a deep page's sort 2.3 times as slow (scripts/list-plan-costs.sh).
         */
        LIFETIME_VALUE(
                "relationship__lifetime_value",
                CUSTOMER_RELATIONSHIP.LIFETIME_VALUE,
                USER_LIST.LIFETIME_VALUE_KEY,
                text -> new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY),
                value -> ((BigDecimal) value).movePointRight(2).longValueExact());

        private final String apiName;
        private final Field<?> source;
        private final Field<?> listColumn;
        private final Function<String, Object> parse;
        private final Function<Object, Object> toListValue;

        Key(String apiName, Field<?> source, Function<String, Object> parse) {
            this(apiName, source, UserList.columnOf(source), parse, Function.identity());
        }

        Key(
                String apiName,
                Field<?> source,
                Field<?> listColumn,
                Function<String, Object> parse,
                Function<Object, Object> toListValue) {
            this.apiName = apiName;
            this.source = source;
            this.listColumn = listColumn;
            this.parse = parse;
            this.toListValue = toListValue;
        }

        public String apiName() {
            return apiName;
        }

        /** The column of the three tables (what a row of the result holds). */
        public Field<?> source() {
            return source;
        }

        /** The read table's column the list sorts on. */
        public Field<?> listColumn() {
            return listColumn;
        }

        /** A value of {@link #source} as {@link #listColumn} holds it (a cursor's position). */
        public Object listValue(Object value) {
            return toListValue.apply(value);
        }

        /** The text form of a value of this key, as a cursor carries it (decimals without exponent). */
        public String format(Object value) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }

        /**
         * A value of this key from its text form ({@link #format}); an IllegalArgumentException
         * (or DateTimeException) when the text is not one.
         */
        public Object parse(String text) {
            return parse.apply(text);
        }
    }

    /** Parses "relationship__points" or "-relationship__points"; unknown names are an error naming the valid ones. */
    public static Ordering parse(String text) {
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        return Arrays.stream(Key.values())
                .filter(k -> k.apiName.equals(name))
                .findFirst()
                .map(k -> new Ordering(k, descending))
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown ordering '" + text + "'; valid: " + validNames()));
    }

    /** Every ordering the API accepts: each key ascending, then descending. */
    public static List<Ordering> all() {
        List<Ordering> all = new ArrayList<>();
        for (Key key : Key.values()) {
            all.add(new Ordering(key, false));
            all.add(new Ordering(key, true));
        }
        return all;
    }

    public static String validNames() {
        return all().stream().map(Ordering::apiName).collect(Collectors.joining(", "));
    }

    public String apiName() {
        return (descending ? "-" : "") + key.apiName;
    }

    /** The read table's sort: the key's column (unless it is the id), then the user id. */
    List<Field<?>> listColumns() {
        return key == Key.ID ? List.of(USER_LIST.USER_ID) : List.of(key.listColumn, USER_LIST.USER_ID);
    }

    /** {@code fields} in this ordering's direction. */
    SortField<?>[] sort(List<? extends Field<?>> fields) {
        return fields.stream().map(f -> descending ? f.desc() : f.asc()).toArray(SortField<?>[]::new);
    }
}
