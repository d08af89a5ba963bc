package org.crmbench.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmbench.api.UsersApi;
import org.crmbench.measure.Scenario;
import org.crmbench.query.Filter;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserRepository;
import org.crmbench.values.RowRandom;

/**
 * The scenarios of a default bench run: the list requests of the original project (page 1,
 * filter, sort, page 3 of a city), the high-load lookup, a deep page by offset and by keyset, and
 * the two counts. Their parameters come from the seed, so runs are repeatable.
 */
public enum ClassicScenario {
    INITIAL_PAGE,
    FILTER_LAST_NAME,
    SORT_POINTS_DESC,
    CITY_PAGE3,
    LOOKUP_USER,
    DEEP_PAGE_OFFSET,
    DEEP_PAGE_KEYSET,
    COUNT_EXACT,
    COUNT_ESTIMATE;

    private static final int USER_ID_STREAM = 99;

    /** The name users pass to --scenario. */
    public String scenarioName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ClassicScenario::scenarioName).toList();
    }

    public static Optional<ClassicScenario> byName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.scenarioName().equals(name))
                .findFirst();
    }

    /**
     * @param users the number of users in the database (ids 1..users)
     * @param seed the seed of the random user ids
     */
    public Scenario build(UserRepository repository, long users, long seed) {
        UserFilter smith = UserFilter.of(Filter.LAST_NAME, "smith");
        UserFilter vienna = UserFilter.of(Filter.CITY, "vienna");
        long deepPage = Math.max(1, (users - 2 * UsersApi.DEFAULT_PAGE_SIZE) / UsersApi.DEFAULT_PAGE_SIZE + 1);
        long deepAfterId = (deepPage - 1) * UsersApi.DEFAULT_PAGE_SIZE;
        return switch (this) {
            case INITIAL_PAGE ->
                list(repository, "GET /api/users/ (page 1 of 50, by id)", UserFilter.NONE, Ordering.DEFAULT, 1);
            case FILTER_LAST_NAME -> list(repository, "GET /api/users/?last_name=smith", smith, Ordering.DEFAULT, 1);
            case SORT_POINTS_DESC ->
                list(
                        repository,
                        "GET /api/users/?ordering=-relationship__points",
                        UserFilter.NONE,
                        Ordering.parse("-relationship__points"),
                        1);
            case CITY_PAGE3 -> list(repository, "GET /api/users/?city=vienna&page=3", vienna, Ordering.DEFAULT, 3);
            case LOOKUP_USER ->
                scenario(
                        "GET /api/run-query/?type=get&user_id=<random>",
                        1,
                        true,
                        (c, i, executed) -> repository.lookup(c, userIdOf(seed, users, i), executed));
            case DEEP_PAGE_OFFSET ->
                list(
                        repository,
                        "page " + deepPage + " by OFFSET, near the end (past the API's page limit: it needs a cursor)",
                        UserFilter.NONE,
                        Ordering.DEFAULT,
                        deepPage);
            case DEEP_PAGE_KEYSET -> {
                ListRequest after = new ListRequest(
                        UserFilter.NONE,
                        Ordering.DEFAULT,
                        new ListRequest.After(deepAfterId, deepAfterId),
                        UsersApi.DEFAULT_PAGE_SIZE);
                yield scenario(
                        "the same page by keyset cursor (id > " + deepAfterId + ")",
                        UsersApi.DEFAULT_PAGE_SIZE,
                        false,
                        (c, i, executed) -> repository.list(c, after, executed));
            }
            case COUNT_EXACT ->
                scenario(
                        "SELECT count(*) of all users",
                        0,
                        false,
                        (c, i, executed) -> repository.countExact(c, UserFilter.NONE, executed));
            case COUNT_ESTIMATE ->
                scenario(
                        "the planner's row estimate of all users",
                        0,
                        false,
                        (c, i, executed) -> repository.countEstimate(c, UserFilter.NONE, executed));
        };
    }

    /** The user id the lookup of execution {@code execution} asks for: uniform over 1..users. */
    public static long userIdOf(long seed, long users, long execution) {
        return 1
                + Math.floorMod(
                        new RowRandom().reset(seed, USER_ID_STREAM, execution).nextLong(), users);
    }

    private Scenario scenario(String description, int pageSize, boolean randomUserId, Scenario.Request request) {
        return new Scenario(scenarioName(), description, pageSize, randomUserId, request);
    }

    private Scenario list(
            UserRepository repository, String description, UserFilter filter, Ordering ordering, long page) {
        ListRequest request = ListRequest.page(filter, ordering, page, UsersApi.DEFAULT_PAGE_SIZE);
        return scenario(
                description,
                UsersApi.DEFAULT_PAGE_SIZE,
                false,
                (c, i, executed) -> repository.list(c, request, executed));
    }
}
