package org.crmbench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.query.Filter;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.RangeFilter;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.crmbench.query.UserRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The surface's filter values against direct SQL, and its combinations against the API's definitions. */
class SurfaceTest {
    @TempDir
    static Path tmp;

    static Database db;
    static UserRepository repository;
    static List<Surface.FilterCase> cases;

    @BeforeAll
    static void setUp() throws Exception {
        db = EmbeddedDatabase.open(tmp, 2);
        EmbeddedDatabase.generate(db, 20_000);
        repository = new UserRepository(new UserQueries(db.dsl()));
        cases = Surface.filterCases(db.dsl());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void filterValuesAreTheCommonestTheRarestAndAbsentOnes() {
        for (Filter f : Filter.values()) {
            String column = f.key().getName();
            List<Surface.FilterCase> mine = cases.stream()
                    .filter(c -> equalityOnly(c) && c.filter().values().keySet().equals(Set.of(f)))
                    .toList();
            assertThat(mine)
                    .extracting(Surface.FilterCase::frequency)
                    .containsExactly(Surface.Frequency.COMMON, Surface.Frequency.RARE, Surface.Frequency.ABSENT);
            long max =
                    number("select max(c) from (select count(*) c from crmbench.user_list group by " + column + ") x");
            long min =
                    number("select min(c) from (select count(*) c from crmbench.user_list group by " + column + ") x");
            assertThat(mine.get(0).rows()).isEqualTo(max).isEqualTo(rowsMatching(mine.get(0)));
            assertThat(mine.get(1).rows()).isEqualTo(min).isEqualTo(rowsMatching(mine.get(1)));
            assertThat(rowsMatching(mine.get(2))).isZero();
        }
        for (Set<Filter> subset : everySubsetOfTheFilters()) {
            if (subset.size() < 2) {
                continue;
            }
            List<Surface.FilterCase> mine = cases.stream()
                    .filter(c -> equalityOnly(c) && c.filter().values().keySet().equals(subset))
                    .toList();
            assertThat(mine)
                    .extracting(Surface.FilterCase::frequency)
                    .containsExactly(Surface.Frequency.COMMON, Surface.Frequency.RARE, Surface.Frequency.ABSENT);
            String columns = subset.stream().map(f -> f.key().getName()).collect(Collectors.joining(", "));
            String counts = "(select count(*) c from crmbench.user_list group by " + columns + ") x";
            assertThat(mine.get(0).rows())
                    .isEqualTo(number("select max(c) from " + counts))
                    .isEqualTo(rowsMatching(mine.get(0)));
            assertThat(mine.get(1).rows())
                    .isEqualTo(number("select min(c) from " + counts))
                    .isEqualTo(rowsMatching(mine.get(1)))
                    .isPositive();
            assertThat(mine.get(1).filter()).isNotEqualTo(mine.get(0).filter());
            Surface.FilterCase absent = mine.get(2);
            assertThat(rowsMatching(absent)).as(absent.filter().queryString()).isZero();
            // values that exist on their own, only not together, wherever the dataset has such a pair
            long existing = absent.filter().values().entrySet().stream()
                    .filter(e -> number("select count(*) from crmbench.user_list where "
                                    + e.getKey().key().getName() + " = '" + e.getValue() + "'")
                            > 0)
                    .count();
            assertThat(existing).as(absent.filter().queryString()).isGreaterThanOrEqualTo(subset.size() - 1);
        }
    }

    @Test
    void everyFilterCaseOrderingAndPositionIsACombination() throws Exception {
        List<Scenario> scenarios = Surface.scenarios(repository, cases, 50);
        long fullPage20 = 0;
        try (Connection c = db.dataSource().getConnection()) {
            for (Surface.FilterCase fc : cases) {
                for (Ordering ordering : Ordering.all()) {
                    if (repository
                                    .list(c, ListRequest.page(fc.filter(), ordering, 20, 50))
                                    .rows()
                                    .size()
                            == 50) {
                        fullPage20++;
                    }
                }
            }
        }
        assertThat(scenarios).extracting(Scenario::name).doesNotHaveDuplicates();
        Set<String> orderings = scenarios.stream()
                .map(s -> s.name().replaceAll(".*ordering=([^&]+).*", "$1"))
                .collect(Collectors.toSet());
        assertThat(orderings)
                .isEqualTo(Ordering.all().stream().map(Ordering::apiName).collect(Collectors.toSet()));
        Set<String> filters = scenarios.stream()
                .map(s -> Arrays.stream(s.name().split("&"))
                        .map(p -> p.split("=")[0])
                        .filter(name -> Filter.byApiName(name).isPresent())
                        .sorted()
                        .collect(Collectors.joining("+")))
                .collect(Collectors.toSet());
        Set<String> expected = everySubsetOfTheFilters().stream()
                .map(subset -> subset.stream().map(Filter::apiName).sorted().collect(Collectors.joining("+")))
                .collect(Collectors.toSet());
        assertThat(filters).isEqualTo(expected).hasSize(1 << Filter.values().length);
        Map<Boolean, Long> cursors = scenarios.stream()
                .collect(Collectors.partitioningBy(s -> s.name().contains("cursor="), Collectors.counting()));
        assertThat(cursors.get(false)).isEqualTo(cases.size() * Ordering.all().size() * 2L);
        assertThat(cursors.get(true)).isPositive().isEqualTo(fullPage20);
    }

    @Test
    void theCursorPageAfterPage20IsPage21() throws Exception {
        int compared = 0;
        try (Connection c = db.dataSource().getConnection()) {
            for (Surface.FilterCase fc : cases) {
                for (Ordering ordering : Ordering.all()) {
                    List<UserRow> page20 = repository
                            .list(c, ListRequest.page(fc.filter(), ordering, 20, 50))
                            .rows();
                    if (page20.size() < 50) {
                        continue;
                    }
                    List<UserRow> after = repository
                            .list(c, ListRequest.after(fc.filter(), ordering, page20.getLast(), 50))
                            .rows();
                    List<UserRow> page21 = repository
                            .list(c, ListRequest.page(fc.filter(), ordering, 21, 50))
                            .rows();
                    assertThat(after)
                            .as(fc.filter().queryString() + " " + ordering.apiName())
                            .isEqualTo(page21);
                    compared++;
                }
            }
        }
        // at least the unfiltered case has a full page 20 under every ordering: no pass comparing nothing
        assertThat(compared)
                .as("pairs of pages compared")
                .isGreaterThanOrEqualTo(Ordering.all().size());
    }

    /**
     * Searches, ranges and lists of values: each case's count is what SQL written here finds;
     * common above rare above absent (none), narrow below wide above empty (none); each search and
     * range also with the commonest city; every range column and list filter present.
     */
    @Test
    void searchRangeAndListCasesMatchTheirCountsAndSpanTheShapes() {
        List<Surface.FilterCase> mine =
                cases.stream().filter(c -> !equalityOnly(c)).toList();
        for (Surface.FilterCase c : mine) {
            assertThat(c.rows()).as(c.filter().queryString()).isEqualTo(rowsMatchingSql(c.filter()));
        }
        Map<Surface.Frequency, Long> searches = mine.stream()
                .filter(c ->
                        c.filter().search().isPresent() && c.filter().values().isEmpty())
                .collect(Collectors.toMap(Surface.FilterCase::frequency, Surface.FilterCase::rows));
        assertThat(searches.keySet())
                .containsExactlyInAnyOrder(
                        Surface.Frequency.COMMON,
                        Surface.Frequency.RARE,
                        Surface.Frequency.ABSENT,
                        Surface.Frequency.TWO_TERMS);
        assertThat(searches.get(Surface.Frequency.COMMON)).isGreaterThan(searches.get(Surface.Frequency.RARE));
        assertThat(searches.get(Surface.Frequency.RARE)).isPositive();
        assertThat(searches.get(Surface.Frequency.ABSENT)).isZero();
        for (RangeFilter range : RangeFilter.values()) {
            Map<Surface.Frequency, Long> widths = mine.stream()
                    .filter(c -> c.filter().ranges().containsKey(range)
                            && c.filter().values().isEmpty())
                    .collect(Collectors.toMap(Surface.FilterCase::frequency, Surface.FilterCase::rows));
            assertThat(widths.get(Surface.Frequency.NARROW)).as(range.apiName()).isPositive();
            assertThat(widths.get(Surface.Frequency.WIDE))
                    .as(range.apiName())
                    .isGreaterThan(widths.get(Surface.Frequency.NARROW))
                    .isGreaterThanOrEqualTo(number("select count(*) from crmbench.user_list") / 2);
            assertThat(widths.get(Surface.Frequency.EMPTY)).as(range.apiName()).isZero();
        }
        long withCity = mine.stream()
                .filter(c -> c.filter().values().keySet().equals(Set.of(Filter.CITY)))
                .count();
        assertThat(withCity).isEqualTo(4 + 3L * RangeFilter.values().length);
        assertThat(mine.stream().flatMap(c -> c.filter().anyOf().keySet().stream()))
                .containsExactlyInAnyOrder(Filter.TIER, Filter.CITY);
    }

    private static boolean equalityOnly(Surface.FilterCase c) {
        return c.filter().anyOf().isEmpty()
                && c.filter().ranges().isEmpty()
                && c.filter().search().isEmpty();
    }

    /** Rows matching the filter, in SQL of this test's own (search as strpos, ranges as written). */
    private static long rowsMatchingSql(UserFilter filter) {
        List<String> where = new ArrayList<>(List.of("true"));
        filter.values().forEach((f, v) -> where.add(f.key().getName() + " = lower('" + v.replace("'", "''") + "')"));
        filter.anyOf()
                .forEach((f, list) -> where.add(f.key().getName() + " in ("
                        + list.stream().map(v -> "lower('" + v + "')").collect(Collectors.joining(", ")) + ")"));
        filter.ranges().values().forEach(r -> {
            String column = r.filter() == RangeFilter.CREATED
                    ? "(created at time zone 'UTC')::date"
                    : r.filter().key().listColumn().getName();
            String scale = r.filter() == RangeFilter.LIFETIME_VALUE ? "::numeric * 100" : "";
            if (r.from() != null) {
                where.add(column + " >= '" + r.from() + "'" + scale);
            }
            if (r.to() != null) {
                where.add(column + " <= '" + r.to() + "'" + scale);
            }
        });
        filter.search()
                .ifPresent(s -> s.terms()
                        .forEach(t -> where.add("strpos(lower(first_name || ' ' || last_name"
                                + " || ' ' || email || ' ' || city), lower('" + t + "')) > 0")));
        return number("select count(*) from crmbench.user_list where " + String.join(" and ", where));
    }

    /** The power set of {@link Filter}, the empty set included, built here rather than asked of Surface. */
    private static List<Set<Filter>> everySubsetOfTheFilters() {
        List<Set<Filter>> subsets = new ArrayList<>(List.of(EnumSet.noneOf(Filter.class)));
        for (Filter f : Filter.values()) {
            List<Set<Filter>> with = new ArrayList<>();
            for (Set<Filter> s : subsets) {
                Set<Filter> more = EnumSet.copyOf(s.isEmpty() ? EnumSet.noneOf(Filter.class) : s);
                more.add(f);
                with.add(more);
            }
            subsets.addAll(with);
        }
        return subsets;
    }

    private static long rowsMatching(Surface.FilterCase fc) {
        return number("select count(*) from crmbench.user_list where "
                + fc.filter().values().entrySet().stream()
                        .map(e -> e.getKey().key().getName() + " = lower('"
                                + e.getValue().replace("'", "''") + "')")
                        .collect(Collectors.joining(" and ")));
    }

    private static long number(String sql) {
        return ((Number) db.dsl().fetchValue(sql)).longValue();
    }
}
