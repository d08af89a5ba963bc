package org.crmbench.bench;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.crmbench.query.Filter;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserPage;
import org.crmbench.query.UserRepository;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The list API's surface as bench scenarios: every filter alone and the pairs below, each with a
 * common, a rare and an absent value taken from the dataset; every ordering the API accepts; page
 * 1, page {@value #DEEP_PAGE}, and the cursor page that follows page {@value #DEEP_PAGE}. The
 * filters and orderings come from {@link Filter} and {@link Ordering#all()}, the definitions the
 * server uses, so one added there is measured here without a change.
 */
public final class Surface {
    /** Filters measured together, besides each alone. */
    public static final List<Set<Filter>> PAIRS =
            List.of(EnumSet.of(Filter.LAST_NAME, Filter.CITY), EnumSet.of(Filter.CITY, Filter.TIER));

    public static final long DEEP_PAGE = 20;
    private static final String CURSOR_NAME = "cursor=after-page-" + DEEP_PAGE;

    private Surface() {}

    /** How often a filter case's values occur. */
    public enum Frequency {
        COMMON,
        RARE,
        ABSENT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One filter with values from the dataset, and how many users match it.
     *
     * @param filter the filter's values; {@link UserFilter#NONE} for the unfiltered list
     * @param frequency common, rare or absent (null for no filter)
     */
    public record FilterCase(UserFilter filter, Frequency frequency, long rows) {
        String label() {
            return frequency == null
                    ? String.format(Locale.ROOT, "no filter (%,d rows)", rows)
                    : String.format(
                            Locale.ROOT,
                            "%s %s (%,d rows)",
                            String.join(
                                    "+",
                                    filter.values().keySet().stream()
                                            .map(Filter::apiName)
                                            .toList()),
                            frequency.label(),
                            rows);
        }
    }

    /**
     * The filter cases, values read from the read table: for one filter its most and least
     * frequent value and one no user has; for a pair its most and least frequent combination, and
     * the two values that each exist but never together whose counts multiply to the most (what
     * the planner, assuming independence, expects most rows of).
     */
    public static List<FilterCase> filterCases(DSLContext dsl) {
        List<FilterCase> cases = new ArrayList<>();
        cases.add(new FilterCase(UserFilter.NONE, null, dsl.fetchCount(USER_LIST)));
        for (Filter f : Filter.values()) {
            Record2<String, Integer> common = frequency(dsl, f.key(), false);
            Record2<String, Integer> rare = frequency(dsl, f.key(), true);
            cases.add(new FilterCase(UserFilter.of(f, common.value1()), Frequency.COMMON, common.value2()));
            cases.add(new FilterCase(UserFilter.of(f, rare.value1()), Frequency.RARE, rare.value2()));
            cases.add(new FilterCase(UserFilter.of(f, "no-such-" + f.apiName()), Frequency.ABSENT, 0));
        }
        for (Set<Filter> pair : PAIRS) {
            Filter a = pair.stream().toList().get(0);
            Filter b = pair.stream().toList().get(1);
            cases.add(pairCase(dsl, a, b, false));
            cases.add(pairCase(dsl, a, b, true));
            cases.add(absentPair(dsl, a, b));
        }
        return cases;
    }

    /**
     * Every combination of a filter case, an ordering and a page position, at {@code pageSize}
     * rows per page. The cursor page is measured where page {@value #DEEP_PAGE} is full; its
     * cursor is the last row of that page, read once when the scenario is prepared (without an
     * index that can take hours at millions of rows, so not before it is needed).
     */
    public static List<Scenario> scenarios(UserRepository repository, List<FilterCase> cases, int pageSize) {
        List<Scenario> scenarios = new ArrayList<>();
        for (FilterCase fc : cases) {
            for (Ordering ordering : Ordering.all()) {
                String prefix = (fc.filter().isEmpty() ? "" : fc.filter().queryString() + "&") + "ordering="
                        + ordering.apiName();
                String size = pageSize == ClassicScenario.PAGE_SIZE ? "" : "&page_size=" + pageSize;
                for (long page : new long[] {1, DEEP_PAGE}) {
                    scenarios.add(scenario(
                            repository,
                            prefix + "&page=" + page + size,
                            fc.label() + ", page " + page,
                            ListRequest.page(fc.filter(), ordering, page, pageSize)));
                }
                if (fc.rows() >= DEEP_PAGE * pageSize) {
                    CursorRequest cursor =
                            new CursorRequest(repository, ListRequest.page(fc.filter(), ordering, DEEP_PAGE, pageSize));
                    scenarios.add(new Scenario(
                            prefix + "&" + CURSOR_NAME + size,
                            fc.label() + ", the cursor page after page " + DEEP_PAGE,
                            pageSize,
                            false,
                            (c, i, executed) ->
                                    repository.list(c, cursor.request(c, UserRepository.NO_LISTENER), executed),
                            cursor::request));
                }
            }
        }
        return scenarios;
    }

    private static Scenario scenario(UserRepository repository, String name, String description, ListRequest request) {
        return new Scenario(
                name,
                description,
                request.pageSize(),
                false,
                (c, i, executed) -> repository.list(c, request, executed));
    }

    private static Record2<String, Integer> frequency(DSLContext dsl, Field<String> key, boolean rarest) {
        return dsl.select(key, DSL.count())
                .from(USER_LIST)
                .groupBy(key)
                .orderBy(rarest ? DSL.count().asc() : DSL.count().desc(), key)
                .limit(1)
                .fetchOne();
    }

    private static FilterCase pairCase(DSLContext dsl, Filter a, Filter b, boolean rarest) {
        PairCount pair = dsl.select(a.key(), b.key(), DSL.count())
                .from(USER_LIST)
                .groupBy(a.key(), b.key())
                .orderBy(rarest ? DSL.count().asc() : DSL.count().desc(), a.key(), b.key())
                .limit(1)
                .fetchOne(r -> new PairCount(r.value1(), r.value2(), r.value3()));
        return new FilterCase(
                UserFilter.of(a, pair.a()).and(b, pair.b()), rarest ? Frequency.RARE : Frequency.COMMON, pair.rows());
    }

    private static FilterCase absentPair(DSLContext dsl, Filter a, Filter b) {
        String x = a.key().getName();
        String y = b.key().getName();
        String table = USER_LIST.getSchema().getName() + "." + USER_LIST.getName();
        return dsl.resultQuery("with a as (select " + x + " v, count(*) n from " + table + " group by 1),"
                        + " b as (select " + y + " v, count(*) n from " + table + " group by 1),"
                        + " ab as (select distinct " + x + " x, " + y + " y from " + table + ")"
                        + " select a.v, b.v from a cross join b"
                        + " where not exists (select 1 from ab where ab.x = a.v and ab.y = b.v)"
                        + " order by a.n * b.n desc, a.v, b.v limit 1")
                .fetchOptional(r -> new FilterCase(
                        UserFilter.of(a, r.get(0, String.class)).and(b, r.get(1, String.class)), Frequency.ABSENT, 0))
                .orElseGet(() -> new FilterCase(
                        UserFilter.of(a, frequency(dsl, a.key(), false).value1())
                                .and(b, "no-such-" + b.apiName()),
                        Frequency.ABSENT,
                        0));
    }

    /** The request for the page after page {@value #DEEP_PAGE}: its cursor read on first use. */
    private static final class CursorRequest {
        private final UserRepository repository;
        private final ListRequest deepPage;
        private ListRequest after;

        CursorRequest(UserRepository repository, ListRequest deepPage) {
            this.repository = repository;
            this.deepPage = deepPage;
        }

        synchronized ListRequest request(Connection c, Consumer<SqlStatement> executed) throws SQLException {
            if (after == null) {
                UserPage deep = repository.list(c, deepPage, executed);
                if (deep.rows().isEmpty()) {
                    throw new IllegalStateException("page " + DEEP_PAGE + " is empty: the data changed");
                }
                after = ListRequest.after(
                        deepPage.filter(), deepPage.ordering(), deep.rows().getLast(), deepPage.pageSize());
            }
            return after;
        }
    }

    private record PairCount(String a, String b, int rows) {}
}
