package org.crmbench.server;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmbench.api.UsersApi;
import org.crmbench.query.Count;
import org.crmbench.query.Filter;
import org.crmbench.query.InvalidParameter;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.RangeFilter;
import org.crmbench.query.Search;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserPage;
import org.crmbench.query.UserRepository;
import org.crmbench.query.UserRow;

/** The user endpoints: the list (pages or keyset cursor), one user, and the original run-query. */
final class UsersEndpoints {
    static final long MAX_PAGE = 1_000_000_000L;
    /** The longest {@code __in} value: its most values at the length of a text parameter each. */
    static final int MAX_LIST_LENGTH = UserFilter.MAX_ANY_OF * (QueryParameters.MAX_TEXT_LENGTH + 1);

    static final int MAX_RUN_QUERY_COUNT = 100;

    private final UserRepository users;
    private final DatabaseWorkers connections;
    private final long maxResultWindow;

    /**
     * @param maxResultWindow the deepest row a page number reaches (page × page_size); past it
     *     only cursors go, whose cost does not grow with depth
     */
    UsersEndpoints(UserRepository users, DatabaseWorkers connections, long maxResultWindow) {
        this.users = users;
        this.connections = connections;
        this.maxResultWindow = maxResultWindow;
    }

    /** GET /api/users/ */
    ApiResponse list(QueryParameters params, String baseUrl) throws SQLException {
        UserFilter filter = filter(params);
        Ordering ordering = ordering(params);
        int pageSize = (int) params.number(UsersApi.PAGE_SIZE, UsersApi.DEFAULT_PAGE_SIZE, 1, UsersApi.MAX_PAGE_SIZE);
        String cursor = params.text(UsersApi.CURSOR, Cursor.MAX_LENGTH);
        ListRequest request;
        if (cursor != null) {
            if (params.has(UsersApi.PAGE)) {
                throw ApiError.badParameter(UsersApi.PAGE, "give page or cursor, not both");
            }
            request = new ListRequest(filter, ordering, Cursor.decode(cursor, ordering), pageSize);
        } else {
            long page = params.number(UsersApi.PAGE, 1, 1, MAX_PAGE);
            if (page * pageSize > maxResultWindow) {
                throw ApiError.badParameter(
                        UsersApi.PAGE,
                        String.format(
                                java.util.Locale.ROOT,
                                "page %d of %d rows ends at row %,d, past the %,d rows that page numbers reach;"
                                        + " follow the 'next' links, which switch to a cursor, or use the cursor"
                                        + " parameter",
                                page,
                                pageSize,
                                page * pageSize,
                                maxResultWindow));
            }
            request = ListRequest.page(filter, ordering, page, pageSize);
        }
        UserPage result = connections.readOnce(c -> users.list(c, request)); // identical requests may share it
        if (request.position() instanceof ListRequest.Page page
                && page.number() > 1
                && result.rows().isEmpty()) {
            throw ApiError.notFound(UsersApi.PAGE, "Invalid page: page " + page.number() + " is past the last page");
        }
        return ApiResponse.json(
                200, UserJson.page(result, next(request, result, params, baseUrl), previous(request, params, baseUrl)));
    }

    /** The filters given: equality, lists of values, ranges and search; a bad value is a 400 naming it. */
    static UserFilter filter(QueryParameters params) {
        try {
            UserFilter filter = UserFilter.NONE;
            for (Filter f : Filter.values()) {
                String value = params.text(f.apiName());
                if (value != null) {
                    filter = filter.and(f, value);
                }
                String list = f.takesList() ? params.text(f.anyOfName(), MAX_LIST_LENGTH) : null;
                if (list != null) {
                    filter = filter.andAnyOf(f, anyOf(f.anyOfName(), list));
                }
            }
            for (RangeFilter r : RangeFilter.values()) {
                String from = params.text(r.fromName());
                String to = params.text(r.toName());
                if (from != null || to != null) {
                    filter = filter.and(new UserFilter.Range(r, from, to));
                }
            }
            String search = params.text(Search.PARAMETER);
            return search == null ? filter : filter.and(searchOf(search));
        } catch (InvalidParameter e) {
            throw ApiError.badParameter(e.parameter(), e.getMessage());
        }
    }

    private static List<String> anyOf(String name, String list) {
        List<String> values = List.of(list.split(",", -1));
        if (values.stream().anyMatch(String::isBlank)) {
            throw new InvalidParameter(name, "has an empty value (values are separated by commas)");
        }
        return values;
    }

    private static Search searchOf(String text) {
        try {
            return Search.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(Search.PARAMETER, e.getMessage());
        }
    }

    /**
     * The next page: by number while it stays within the window, by cursor after that (so a
     * client following 'next' never meets the limit) and after a cursor page.
     */
    private String next(ListRequest request, UserPage result, QueryParameters params, String baseUrl) {
        if (result.rows().size() < request.pageSize()) {
            return null;
        }
        if (request.position() instanceof ListRequest.Page page) {
            Count count = result.count().orElseThrow();
            boolean more = count.estimate() || page.number() * request.pageSize() < count.value();
            if (!more) {
                return null;
            }
            if ((page.number() + 1) * request.pageSize() <= maxResultWindow) {
                return link(baseUrl, params.all(), UsersApi.PAGE, Long.toString(page.number() + 1));
            }
        }
        return link(
                baseUrl,
                params.all(),
                UsersApi.CURSOR,
                Cursor.after(request.ordering(), result.rows().getLast()));
    }

    private static String previous(ListRequest request, QueryParameters params, String baseUrl) {
        return request.position() instanceof ListRequest.Page page && page.number() > 1
                ? link(baseUrl, params.all(), UsersApi.PAGE, Long.toString(page.number() - 1))
                : null;
    }

    /** GET /api/users/{id}/ */
    ApiResponse detail(Routes.Call call) throws SQLException {
        long id = detailId(call);
        return user(id).map(row -> ApiResponse.json(200, UserJson.user(row)))
                .orElseThrow(() -> ApiError.notFound("user " + id + " does not exist"));
    }

    /** GET /api/run-query/?count=1&type=get&user_id=N: the original high-load endpoint. */
    ApiResponse runQuery(QueryParameters params) throws SQLException {
        params.oneOf("type", null, Set.of("get"));
        if (!params.has("type")) {
            throw ApiError.badParameter("type", "type is required and must be 'get'");
        }
        long count = params.number("count", 1, 1, MAX_RUN_QUERY_COUNT);
        long id = runQueryId(params);
        Optional<UserRow> row = Optional.empty();
        for (long i = 0; i < count; i++) {
            row = user(id);
        }
        return row.map(r -> ApiResponse.json(200, UserJson.user(r)))
                .orElseThrow(() -> ApiError.notFound("user_id", "user " + id + " does not exist"));
    }

    private Optional<UserRow> user(long id) throws SQLException {
        return connections.lookup(id, c -> users.lookup(c, id));
    }

    private static Ordering ordering(QueryParameters params) {
        String text = params.text(UsersApi.ORDERING);
        if (text == null) {
            return Ordering.DEFAULT;
        }
        try {
            return Ordering.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter(UsersApi.ORDERING, e.getMessage());
        }
    }

    /** The user id of a detail path ({@code /api/users/{id}/}); a 400 naming it if it is not one. */
    static long detailId(Routes.Call call) {
        return userId("id", call.path().group(1));
    }

    /** The user id run-query looks up; a 400 naming the parameter if it is not one. */
    static long runQueryId(QueryParameters params) {
        return params.requiredNumber("user_id", 1, Long.MAX_VALUE);
    }

    private static long userId(String parameter, String text) {
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiError.badParameter(
                parameter, parameter + " must be a positive whole number but was '" + ApiError.abbreviate(text) + "'");
    }

    /** The same URL with one parameter replaced (and page and cursor never both). */
    private static String link(String baseUrl, Map<String, String> current, String name, String value) {
        StringBuilder url = new StringBuilder(baseUrl).append('?');
        current.forEach((key, v) -> {
            if (!key.equals(name) && !key.equals(UsersApi.PAGE) && !key.equals(UsersApi.CURSOR)) {
                url.append(encode(key)).append('=').append(encode(v)).append('&');
            }
        });
        return url.append(name).append('=').append(encode(value)).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
