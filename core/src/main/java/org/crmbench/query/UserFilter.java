package org.crmbench.query;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The filters of one list request and their values (as the client wrote them; matching is
 * case-insensitive). No entry means "not filtered".
 */
public record UserFilter(Map<Filter, String> values) {
    public static final UserFilter NONE = new UserFilter(Map.of());

    public UserFilter {
        EnumMap<Filter, String> copy = new EnumMap<>(Filter.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    public static UserFilter of(Filter filter, String value) {
        return NONE.and(filter, value);
    }

    /** This filter with one more (or a replaced) value. */
    public UserFilter and(Filter filter, String value) {
        EnumMap<Filter, String> more = new EnumMap<>(Filter.class);
        more.putAll(values);
        more.put(filter, value);
        return new UserFilter(more);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The query string of these filters, e.g. {@code city=vienna&tier=gold} (values not encoded). */
    public String queryString() {
        return values.entrySet().stream()
                .map(e -> e.getKey().apiName() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** key = lower(value) on the read table, for every filter given. */
    Condition condition() {
        List<Condition> conditions = values.entrySet().stream()
                .map(e -> e.getKey().key().eq(DSL.lower(DSL.val(e.getValue()))))
                .toList();
        return DSL.and(conditions);
    }
}
