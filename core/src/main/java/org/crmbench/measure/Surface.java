package org.crmbench.measure;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.crmbench.api.UsersApi;
import org.crmbench.query.Filter;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserPage;
import org.crmbench.query.UserRepository;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The list API's surface as bench scenarios: every subset of the filters (none, each alone, every
 * pair, triple, ... all of them), each with a common, a rare and an absent value taken from the
 * dataset; searches, ranges and lists of values ({@link SearchCases}); every ordering the API accepts; page 1, page {@value #DEEP_PAGE}, and the cursor page
 * that follows page {@value #DEEP_PAGE}. The filters and orderings come from {@link Filter} and
 * {@link Ordering#all()}, the definitions the server uses, so one added there is measured here
 * without a change.
 */
public final class Surface {
    public static final long DEEP_PAGE = 20;
    private static final String TABLE = USER_LIST.getSchema().getName() + "." + USER_LIST.getName();
    private static final String CURSOR_NAME = "cursor=after-page-" + DEEP_PAGE;

    private Surface() {}

    /** How often a filter case's values occur, or how wide its range is. */
    public enum Frequency {
        COMMON,
        RARE,
        ABSENT,
        /** A search of two terms. */
        TWO_TERMS,
        /** A range of about one day or one value. */
        NARROW,
        /** A range of about half the rows. */
        WIDE,
        /** A range beyond every row's value. */
        EMPTY;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
                            String.join("+", filter.parameterNames()),
                            frequency.label(),
                            rows);
        }
    }

    /**
     * The filter cases, values read from the read table: no filter, then for every subset of the
     * filters ({@link #subsets()}) its most and least frequent combination of values, and one
     * that matches no user ({@link #absent}).
     */
    public static List<FilterCase> filterCases(DSLContext dsl) {
        return dsl.transactionResult(tx -> {
            // counting combinations of values groups millions of rows: in memory, not spilled to disk
            tx.dsl().execute("set local work_mem = '512MB'");
            return filterCasesIn(tx.dsl());
        });
    }

    private static List<FilterCase> filterCasesIn(DSLContext dsl) {
        List<FilterCase> cases = new ArrayList<>();
        cases.add(new FilterCase(UserFilter.NONE, null, dsl.fetchCount(USER_LIST)));
        Map<List<Filter>, Combination> commonest = new HashMap<>();
        ValueCounts counts = new ValueCounts(dsl);
        for (List<Filter> subset : subsets()) {
            List<Combination> extremes =
                    subset.size() == 1 ? counts.commonestAndRarest(subset.getFirst()) : commonestAndRarest(dsl, subset);
            commonest.put(subset, extremes.get(0));
            cases.add(extremes.get(0).filterCase(Frequency.COMMON));
            if (!extremes.get(1).equals(extremes.get(0))) {
                cases.add(extremes.get(1).filterCase(Frequency.RARE));
            }
            cases.add(absent(dsl, subset, commonest, counts));
        }
        cases.addAll(SearchCases.of(dsl));
        return cases;
    }

    /** Every non-empty subset of {@link Filter}, smallest first, each in the filters' order. */
    public static List<List<Filter>> subsets() {
        Filter[] all = Filter.values();
        List<List<Filter>> subsets = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            List<Filter> subset = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(all[i]);
                }
            }
            subsets.add(List.copyOf(subset));
        }
        subsets.sort(Comparator.comparingInt(List::size));
        return subsets;
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
                String prefix = (fc.filter().isEmpty() ? "" : fc.filter().queryString() + "&") + UsersApi.ORDERING + "="
                        + ordering.apiName();
                String size = pageSize == UsersApi.DEFAULT_PAGE_SIZE ? "" : "&" + UsersApi.PAGE_SIZE + "=" + pageSize;
                for (long page : new long[] {1, DEEP_PAGE}) {
                    scenarios.add(scenario(
                            repository,
                            prefix + "&" + UsersApi.PAGE + "=" + page + size,
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

    /** The most and the least frequent combination of values of {@code subset}, in one pass. */
    private static List<Combination> commonestAndRarest(DSLContext dsl, List<Filter> subset) {
        String keys = subset.stream().map(f -> f.key().getName()).collect(Collectors.joining(", "));
        // ties broken the other way round, so that where every combination is as rare as the
        // commonest (each combination of four filters is unique in a small dataset) they differ
        String keysDescending =
                subset.stream().map(f -> f.key().getName() + " desc").collect(Collectors.joining(", "));
        String sql = "with g as materialized (select " + keys + ", count(*) n from " + TABLE + " group by " + keys
                + ") (select * from g order by n desc, " + keys + " limit 1)"
                + " union all (select * from g order by n, " + keysDescending + " limit 1)";
        return dsl.fetch(sql).map(r -> combination(subset, r));
    }

    /**
     * A combination of values that each exist but never together, when there is one: the
     * commonest combination of all the subset's filters but one, with the commonest value of that
     * one that never occurs with it, choosing the left-out filter whose pair of counts multiplies to
     * the most (what the planner, assuming independence, expects most rows of). A single filter,
     * or a subset whose values all occur together, gets a value no user has.
     */
    private static FilterCase absent(
            DSLContext dsl, List<Filter> subset, Map<List<Filter>, Combination> commonest, ValueCounts counts) {
        Combination base = commonest.get(subset);
        UserFilter best = base.filter()
                .and(subset.getLast(), "no-such-" + subset.getLast().apiName());
        double bestProduct = -1;
        for (Filter left : subset.size() > 1 ? subset : List.<Filter>of()) {
            List<Filter> rest = subset.stream().filter(f -> f != left).toList();
            Combination prefix = commonest.get(rest);
            String where = prefix.filter().values().entrySet().stream()
                    .map(e -> e.getKey().key().getName() + " = " + DSL.inline(e.getValue()))
                    .collect(Collectors.joining(" and "));
            String column = left.key().getName();
            java.util.Set<String> together = new java.util.HashSet<>(
                    dsl.fetchValues("select distinct " + column + " from " + TABLE + " where " + where).stream()
                            .map(String::valueOf)
                            .toList());
            ValueCount value = counts.commonestNotIn(left, together);
            if (value != null && (double) prefix.rows() * value.rows() > bestProduct) {
                bestProduct = (double) prefix.rows() * value.rows();
                best = prefix.filter().and(left, value.value());
            }
        }
        return new FilterCase(best, Frequency.ABSENT, 0);
    }

    /** A filter's value and how many users have it. */
    private record ValueCount(String value, long rows) {}

    /**
     * Each filter's values with their counts, read once (one scan each) for the single-filter cases
     * and every absent case's left-out filter, which otherwise grouped the table again each time
     * (32 times for four filters: 36 of the 76 seconds at 3,000,000 users).
     */
    private static final class ValueCounts {
        private final DSLContext dsl;
        private final Map<Filter, List<ValueCount>> byFilter = new HashMap<>();

        ValueCounts(DSLContext dsl) {
            this.dsl = dsl;
        }

        /** The filter's values, the most users first, then by value (the database's order). */
        List<ValueCount> of(Filter f) {
            return byFilter.computeIfAbsent(f, k -> {
                String column = k.key().getName();
                return dsl.fetch("select " + column + ", count(*) n from " + TABLE + " group by " + column
                                + " order by n desc, " + column)
                        .map(r -> new ValueCount(r.get(0, String.class), r.get(1, Long.class)));
            });
        }

        /** The commonest and the rarest value, as {@link #commonestAndRarest(DSLContext, List)} orders them. */
        List<Combination> commonestAndRarest(Filter f) {
            List<ValueCount> values = of(f);
            return List.of(
                    new Combination(
                            UserFilter.NONE.and(f, values.getFirst().value()),
                            values.getFirst().rows()),
                    new Combination(
                            UserFilter.NONE.and(f, values.getLast().value()),
                            values.getLast().rows()));
        }

        /** The commonest value not in {@code excluded}; null when there is none. */
        ValueCount commonestNotIn(Filter f, java.util.Set<String> excluded) {
            return of(f).stream()
                    .filter(v -> !excluded.contains(v.value()))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static Combination combination(List<Filter> subset, Record r) {
        UserFilter filter = UserFilter.NONE;
        for (int i = 0; i < subset.size(); i++) {
            filter = filter.and(subset.get(i), r.get(i, String.class));
        }
        return new Combination(filter, r.get(subset.size(), Long.class));
    }

    /** Values of some filters and how many users have them all. */
    private record Combination(UserFilter filter, long rows) {
        FilterCase filterCase(Frequency frequency) {
            return new FilterCase(filter, frequency, rows);
        }
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
}
