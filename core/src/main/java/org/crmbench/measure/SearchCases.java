package org.crmbench.measure;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmbench.measure.Surface.FilterCase;
import org.crmbench.measure.Surface.Frequency;
import org.crmbench.query.Filter;
import org.crmbench.query.RangeFilter;
import org.crmbench.query.Search;
import org.crmbench.query.UserFilter;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The surface's search, range and list shapes, with values from the dataset: search terms that are
 * common (the first three letters of the commonest last name), rare (the rarest last name),
 * absent, and two terms together; on each range column a narrow, a wide and an empty range; each
 * of these alone and with the commonest city. Then the commonest tiers and cities as {@code __in}
 * lists.
 */
final class SearchCases {
    /** Terms that occur in no generated name, email or city; the first one that matches nothing is used. */
    private static final List<String> ABSENT_TERMS = List.of("zzqx", "qxjzv", "xqzjvw");

    private static final String TABLE = USER_LIST.getSchema().getName() + "." + USER_LIST.getName();

    private final DSLContext dsl;
    private final String commonestCity;

    private SearchCases(DSLContext dsl) {
        this.dsl = dsl;
        this.commonestCity = commonest(Filter.CITY, 1).getFirst();
    }

    static List<FilterCase> of(DSLContext dsl) {
        SearchCases cases = new SearchCases(dsl);
        List<FilterCase> all = new ArrayList<>();
        for (FilterCase alone : cases.searches()) {
            all.add(alone);
            all.add(cases.withCity(alone));
        }
        for (RangeFilter range : RangeFilter.values()) {
            for (FilterCase alone : cases.ranges(range)) {
                all.add(alone);
                all.add(cases.withCity(alone));
            }
        }
        all.add(cases.count(UserFilter.NONE.andAnyOf(Filter.TIER, cases.commonest(Filter.TIER, 2)), Frequency.COMMON));
        all.add(cases.count(UserFilter.NONE.andAnyOf(Filter.CITY, cases.commonest(Filter.CITY, 3)), Frequency.COMMON));
        return all;
    }

    private List<FilterCase> searches() {
        String commonestName = commonest(Filter.LAST_NAME, 1).getFirst();
        String prefix = commonestName.substring(0, commonestName.offsetByCodePoints(0, Search.MIN_INDEXED_LENGTH));
        String rarestName = dsl.fetchValue("select last_name_key from " + TABLE + " where length(last_name_key) >= "
                        + Search.MIN_INDEXED_LENGTH + " group by last_name_key order by count(*), last_name_key"
                        + " limit 1")
                .toString();
        String commonestFirstName = commonest(Filter.FIRST_NAME, 1).getFirst();
        return List.of(
                search(prefix, Frequency.COMMON),
                search(rarestName, Frequency.RARE),
                absentSearch(),
                search(commonestFirstName + " " + prefix, Frequency.TWO_TERMS));
    }

    private FilterCase search(String text, Frequency frequency) {
        return count(UserFilter.NONE.and(Search.parse(text)), frequency);
    }

    private FilterCase absentSearch() {
        for (String term : ABSENT_TERMS) {
            FilterCase c = search(term, Frequency.ABSENT);
            if (c.rows() == 0) {
                return c;
            }
        }
        throw new IllegalStateException("every one of " + ABSENT_TERMS + " occurs in the dataset");
    }

    /** A narrow range (about a day, one value), a wide one (half the rows) and an empty one. */
    private List<FilterCase> ranges(RangeFilter range) {
        String column = range.key().listColumn().getName();
        Record r = dsl.fetchOne("select percentile_disc(0.5) within group (order by " + column + "), max(" + column
                + ") from " + TABLE);
        Object median = r.get(0);
        Object max = r.get(1);
        return switch (range) {
            case CREATED -> {
                String day = day(r.get(0, OffsetDateTime.class)).toString();
                yield List.of(
                        range(range, day, day, Frequency.NARROW),
                        range(range, day, null, Frequency.WIDE),
                        range(
                                range,
                                day(r.get(1, OffsetDateTime.class)).plusDays(1).toString(),
                                null,
                                Frequency.EMPTY));
            }
            case POINTS ->
                List.of(
                        range(range, median.toString(), median.toString(), Frequency.NARROW),
                        range(range, median.toString(), null, Frequency.WIDE),
                        range(range, Long.toString(((Number) max).longValue() + 1), null, Frequency.EMPTY));
            case LIFETIME_VALUE -> {
                // the read table holds cents
                BigDecimal value = BigDecimal.valueOf(((Number) median).longValue(), 2);
                BigDecimal top = BigDecimal.valueOf(((Number) max).longValue(), 2);
                yield List.of(
                        range(
                                range,
                                value.toPlainString(),
                                value.add(BigDecimal.ONE).toPlainString(),
                                Frequency.NARROW),
                        range(range, null, value.toPlainString(), Frequency.WIDE),
                        range(range, top.add(BigDecimal.ONE).toPlainString(), null, Frequency.EMPTY));
            }
        };
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private FilterCase range(RangeFilter range, String from, String to, Frequency frequency) {
        return count(UserFilter.NONE.and(new UserFilter.Range(range, from, to)), frequency);
    }

    private FilterCase withCity(FilterCase alone) {
        return count(alone.filter().and(Filter.CITY, commonestCity), alone.frequency());
    }

    private FilterCase count(UserFilter filter, Frequency frequency) {
        return new FilterCase(filter, frequency, dsl.fetchCount(USER_LIST, filter.condition()));
    }

    /** The filter's {@code n} commonest values, as the read table holds them. */
    private List<String> commonest(Filter f, int n) {
        String column = f.key().getName();
        return dsl
                .fetchValues("select " + column + " from " + TABLE + " group by " + column + " order by count(*) desc, "
                        + column + " limit " + n)
                .stream()
                .map(String::valueOf)
                .toList();
    }
}
