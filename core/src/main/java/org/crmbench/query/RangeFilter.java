package org.crmbench.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The list's range filters, as django-filter's lookups: {@code NAME__gte} and {@code NAME__lte},
 * both inclusive, on a sort key's column of the read table.
 */
public enum RangeFilter {
    /**
     * An ISO date-time with offset, or a date: a UTC day, so {@code created__lte=2024-01-31}
     * includes all of the 31st (Django compares a date with midnight and leaves the day out).
     */
    CREATED(Ordering.Key.CREATED),
    POINTS(Ordering.Key.POINTS),
    /** In currency units, at most to the cent's fraction: {@code __gte=10.005} is from 10.01 on. */
    LIFETIME_VALUE(Ordering.Key.LIFETIME_VALUE);

    public static final String FROM = "__gte";
    public static final String TO = "__lte";

    private final Ordering.Key key;

    RangeFilter(Ordering.Key key) {
        this.key = key;
    }

    public String apiName() {
        return key.apiName();
    }

    /** The lower bound's parameter, e.g. {@code created__gte}. */
    public String fromName() {
        return apiName() + FROM;
    }

    /** The upper bound's parameter, e.g. {@code created__lte}. */
    public String toName() {
        return apiName() + TO;
    }

    public Ordering.Key key() {
        return key;
    }

    public static Optional<RangeFilter> byApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName().equals(name)).findFirst();
    }

    /**
     * The read table's value a bound stands for: {@code upper} rounds down and a lower bound up
     * (to the cent), and a date as an upper bound is the start of the next day, excluded.
     *
     * @throws IllegalArgumentException naming what the text should have been
     */
    Bound bound(String text, boolean upper) {
        String t = text.strip();
        try {
            return switch (this) {
                case CREATED -> createdBound(t, upper);
                case POINTS -> new Bound(Integer.valueOf(t), true);
                case LIFETIME_VALUE ->
                    new Bound(
                            new BigDecimal(t)
                                    .setScale(2, upper ? RoundingMode.FLOOR : RoundingMode.CEILING)
                                    .movePointRight(2)
                                    .longValueExact(),
                            true);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("must be " + what() + " but was '" + text + "'");
        }
    }

    private static Bound createdBound(String text, boolean upper) {
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return upper
                    ? new Bound(day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), false)
                    : new Bound(day.atStartOfDay().atOffset(ZoneOffset.UTC), true);
        }
        return new Bound(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC), true);
    }

    /** What a bound's text is, for the API's documentation. */
    public String valueHint() {
        return switch (this) {
            case CREATED -> "a date (a whole UTC day) or a date-time with offset";
            case POINTS -> "a whole number";
            case LIFETIME_VALUE -> "an amount, e.g. 1500.50";
        };
    }

    private String what() {
        return switch (this) {
            case CREATED -> "a date (2024-01-31) or a date-time with offset (2024-01-31T12:00:00Z)";
            case POINTS -> "a whole number";
            case LIFETIME_VALUE -> "a number (e.g. 1500.50)";
        };
    }

    /**
     * One end of a range in the read table's column type.
     *
     * @param inclusive whether the value itself is in the range
     */
    record Bound(Comparable<?> value, boolean inclusive) {}

    /** column >= from, column <= (or <) to; either end may be missing. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Condition condition(Bound from, Bound to) {
        Field<Object> column = (Field<Object>) key.listColumn();
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(column.ge(DSL.val(from.value(), column)));
        }
        if (to != null) {
            c = c.and(to.inclusive() ? column.le(DSL.val(to.value(), column)) : column.lt(DSL.val(to.value(), column)));
        }
        return c;
    }

    /** Whether no value lies between the two bounds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean empty(Bound from, Bound to) {
        int cmp = ((Comparable) from.value()).compareTo(to.value());
        return to.inclusive() ? cmp > 0 : cmp >= 0;
    }
}
