package org.crmbench.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmbench.generate.RowRandom;
import org.crmbench.query.Ordering;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;

/**
 * The scenarios of a bench run: the list requests of the original project (page 1, filter, sort,
 * page 3 of a city), the high-load lookup, deep pages by offset and by keyset, and counts. Their
 * parameters come from the seed, so runs are repeatable.
 */
public final class Scenarios {
    public static final int PAGE_SIZE = 50;
    private static final int USER_ID_STREAM = 99;
    private static final List<String> NAMES = List.of(
            "initial_page",
            "filter_last_name",
            "sort_points_desc",
            "city_page3",
            "lookup_user",
            "deep_page_offset",
            "deep_page_keyset",
            "count_exact",
            "count_estimate");

    private Scenarios() {}

    /**
     * @param users the number of users in the database (ids 1..users)
     * @param seed the seed of the random user ids
     */
    public static List<Scenario> all(UserRepository repository, long users, long seed) {
        UserQueries q = repository.queries();
        UserFilter smith = new UserFilter("smith", null, null, null);
        UserFilter vienna = new UserFilter(null, null, "vienna", null);
        Ordering pointsDesc = Ordering.parse("-relationship__points");
        long deepPage = Math.max(1, (users - 2 * PAGE_SIZE) / PAGE_SIZE + 1);
        long deepAfterId = (deepPage - 1) * PAGE_SIZE;
        Function<Long, Long> userId = execution -> userIdOf(seed, users, execution);
        return List.of(
                list(
                        "initial_page",
                        "GET /api/users/ (page 1 of 50, by id)",
                        repository,
                        UserFilter.NONE,
                        Ordering.DEFAULT,
                        1),
                list("filter_last_name", "GET /api/users/?last_name=smith", repository, smith, Ordering.DEFAULT, 1),
                list(
                        "sort_points_desc",
                        "GET /api/users/?ordering=-relationship__points",
                        repository,
                        UserFilter.NONE,
                        pointsDesc,
                        1),
                list("city_page3", "GET /api/users/?city=vienna&page=3", repository, vienna, Ordering.DEFAULT, 3),
                new Scenario(
                        "lookup_user",
                        "GET /api/run-query/?type=get&user_id=<random>",
                        1,
                        true,
                        (c, i) -> repository.lookup(c, userId.apply(i)),
                        (c, i) -> List.of(q.lookup(userId.apply(i)))),
                list(
                        "deep_page_offset",
                        "GET /api/users/?page=" + deepPage + " (near the end, OFFSET)",
                        repository,
                        UserFilter.NONE,
                        Ordering.DEFAULT,
                        deepPage),
                new Scenario(
                        "deep_page_keyset",
                        "the same page by keyset cursor (id > " + deepAfterId + ")",
                        PAGE_SIZE,
                        false,
                        (c, i) -> repository.listAfter(
                                c, UserFilter.NONE, Ordering.DEFAULT, deepAfterId, deepAfterId, PAGE_SIZE),
                        (c, i) -> concat(
                                q.pageAfter(UserFilter.NONE, Ordering.DEFAULT, deepAfterId, deepAfterId, PAGE_SIZE),
                                repository.countStatements(c, UserFilter.NONE))),
                new Scenario(
                        "count_exact",
                        "SELECT count(*) of all users",
                        0,
                        false,
                        (c, i) -> repository.countExact(c, UserFilter.NONE),
                        (c, i) -> List.of(q.countExact(UserFilter.NONE))),
                new Scenario(
                        "count_estimate",
                        "the planner's row estimate of all users",
                        0,
                        false,
                        (c, i) -> repository.countEstimate(c, UserFilter.NONE),
                        (c, i) -> List.of(q.countEstimate(UserFilter.NONE))));
    }

    /** Scenarios by name, in run order. */
    public static Map<String, Scenario> byName(List<Scenario> scenarios) {
        return scenarios.stream()
                .collect(Collectors.toMap(Scenario::name, s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The scenario names in run order (what --scenario accepts). */
    public static List<String> names() {
        return NAMES;
    }

    /** The user id the lookup of execution {@code execution} asks for: uniform over 1..users. */
    public static long userIdOf(long seed, long users, long execution) {
        return 1
                + Math.floorMod(
                        new RowRandom().reset(seed, USER_ID_STREAM, execution).nextLong(), users);
    }

    private static List<SqlStatement> concat(SqlStatement first, List<SqlStatement> rest) {
        List<SqlStatement> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static Scenario list(
            String name,
            String description,
            UserRepository repository,
            UserFilter filter,
            Ordering ordering,
            long page) {
        return new Scenario(
                name,
                description,
                PAGE_SIZE,
                false,
                (c, i) -> repository.list(c, filter, ordering, page, PAGE_SIZE),
                (c, i) -> repository.listStatements(c, filter, ordering, page, PAGE_SIZE));
    }
}
