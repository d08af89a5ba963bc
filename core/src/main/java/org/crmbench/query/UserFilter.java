package org.crmbench.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The filters of one list request, each as the client wrote it (matching is case-insensitive):
 * equality on a {@link Filter}, one of several values ({@code tier__in}), a range on a sort
 * key's column ({@code created__gte}) and a {@link Search}. What is not given does not filter.
 */
public record UserFilter(
        Map<Filter, String> values,
        Map<Filter, List<String>> anyOf,
        Map<RangeFilter, Range> ranges,
        Optional<Search> search) {
    public static final UserFilter NONE = new UserFilter(Map.of());
    /** The most values one {@code __in} parameter takes. */
    public static final int MAX_ANY_OF = 20;

    public static final String ANY_OF = "__in";

    public UserFilter {
        values = Collections.unmodifiableMap(copy(values));
        anyOf = Collections.unmodifiableMap(copy(anyOf));
        anyOf.forEach((f, list) -> {
            if (!f.takesList()) {
                throw new IllegalArgumentException(f.apiName() + " takes no list of values");
            }
            if (list.isEmpty() || list.size() > MAX_ANY_OF) {
                throw new InvalidParameter(
                        f.apiName() + ANY_OF, "takes 1 to " + MAX_ANY_OF + " values but had " + list.size());
            }
        });
        EnumMap<RangeFilter, Range> r = new EnumMap<>(RangeFilter.class);
        r.putAll(ranges);
        ranges = Collections.unmodifiableMap(r);
    }

    /** Equality filters only. */
    public UserFilter(Map<Filter, String> values) {
        this(values, Map.of(), Map.of(), Optional.empty());
    }

    public static UserFilter of(Filter filter, String value) {
        return NONE.and(filter, value);
    }

    /** This filter with one more (or a replaced) value. */
    public UserFilter and(Filter filter, String value) {
        EnumMap<Filter, String> more = copy(values);
        more.put(filter, value);
        return new UserFilter(more, anyOf, ranges, search);
    }

    /** This filter with a list of values of which a row must have one ({@code tier__in=gold,silver}). */
    public UserFilter andAnyOf(Filter filter, List<String> oneOf) {
        EnumMap<Filter, List<String>> more = copy(anyOf);
        more.put(filter, List.copyOf(oneOf));
        return new UserFilter(values, more, ranges, search);
    }

    /** This filter with a range (replacing one on the same column). */
    public UserFilter and(Range range) {
        EnumMap<RangeFilter, Range> more = new EnumMap<>(RangeFilter.class);
        more.putAll(ranges);
        more.put(range.filter(), range);
        return new UserFilter(values, anyOf, more, search);
    }

    public UserFilter and(Search terms) {
        return new UserFilter(values, anyOf, ranges, Optional.of(terms));
    }

    public boolean isEmpty() {
        return values.isEmpty() && anyOf.isEmpty() && ranges.isEmpty() && search.isEmpty();
    }

    /** The parameters these filters are given by, e.g. {@code [city, created__gte, search]}. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        values.keySet().forEach(f -> names.add(f.apiName()));
        anyOf.keySet().forEach(f -> names.add(f.anyOfName()));
        ranges.values().forEach(r -> {
            if (r.from() != null) {
                names.add(r.filter().fromName());
            }
            if (r.to() != null) {
                names.add(r.filter().toName());
            }
        });
        search.ifPresent(s -> names.add(Search.PARAMETER));
        return names;
    }

    /** The query string of these filters, e.g. {@code city=vienna&tier=gold} (values not encoded). */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        values.forEach((f, v) -> parts.add(f.apiName() + "=" + v));
        anyOf.forEach((f, list) -> parts.add(f.apiName() + ANY_OF + "=" + String.join(",", list)));
        ranges.values().forEach(r -> parts.add(r.queryString()));
        search.ifPresent(s -> parts.add(Search.PARAMETER + "=" + s.queryValue()));
        return String.join("&", parts);
    }

    /** Every filter given, on the read table: key = lower(value), key in (...), ranges, search. */
    public Condition condition() {
        List<Condition> conditions = new ArrayList<>();
        values.forEach((f, v) -> conditions.add(f.key().eq(DSL.lower(DSL.val(v)))));
        anyOf.forEach((f, list) -> conditions.add(
                f.key().in(list.stream().map(v -> DSL.lower(DSL.val(v))).toList())));
        ranges.values().forEach(r -> conditions.add(r.condition()));
        search.ifPresent(s -> conditions.add(s.condition()));
        return DSL.and(conditions);
    }

    /**
     * A range on one column: {@code from} and {@code to} as the client wrote them (null for an
     * open end), checked when the range is made.
     *
     * @throws InvalidParameter naming the parameter whose value is not one, or the lower bound
     *     when it is above the upper
     */
    public record Range(RangeFilter filter, String from, String to) {
        public Range {
            if (from == null && to == null) {
                throw new IllegalArgumentException("a range needs a lower or an upper bound");
            }
            RangeFilter.Bound low = from == null ? null : bound(filter, from, false);
            RangeFilter.Bound high = to == null ? null : bound(filter, to, true);
            if (low != null && high != null && RangeFilter.empty(low, high)) {
                throw new InvalidParameter(
                        filter.fromName(), "(" + from + ") is above " + filter.toName() + " (" + to + ")");
            }
        }

        Condition condition() {
            return filter.condition(
                    from == null ? null : filter.bound(from, false), to == null ? null : filter.bound(to, true));
        }

        String queryString() {
            return (from == null ? "" : filter.fromName() + "=" + from)
                    + (from != null && to != null ? "&" : "")
                    + (to == null ? "" : filter.toName() + "=" + to);
        }

        private static RangeFilter.Bound bound(RangeFilter filter, String text, boolean upper) {
            try {
                return filter.bound(text, upper);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(upper ? filter.toName() : filter.fromName(), e.getMessage());
            }
        }
    }

    private static <V> EnumMap<Filter, V> copy(Map<Filter, V> map) {
        EnumMap<Filter, V> copy = new EnumMap<>(Filter.class);
        copy.putAll(map);
        return copy;
    }
}
