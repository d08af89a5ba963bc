package org.crmbench.server;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.crmbench.query.Ordering;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserPage;
import org.crmbench.query.UserRepository;
import org.eclipse.jetty.util.Fields;

/** The user endpoints: the list (pages or keyset cursor), one user, and the original run-query. */
final class UsersEndpoints {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    static final long MAX_PAGE = 1_000_000_000L;
    static final int MAX_RUN_QUERY_COUNT = 100;
    static final Set<String> FILTERS = Set.of("last_name", "first_name", "city", "tier");

    private final UserRepository users;
    private final DatabaseWorkers connections;

    UsersEndpoints(UserRepository users, DatabaseWorkers connections) {
        this.users = users;
        this.connections = connections;
    }

    /** GET /api/users/ */
    ApiResponse list(QueryParameters params, String baseUrl) throws SQLException {
        UserFilter filter = new UserFilter(
                params.text("last_name"), params.text("first_name"), params.text("city"), params.text("tier"));
        Ordering ordering = ordering(params);
        int pageSize = (int) params.number("page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        String cursorToken = params.text("cursor");
        if (cursorToken != null) {
            Cursor cursor = Cursor.decode(cursorToken, ordering);
            UserPage page = connections.withConnection(
                    c -> users.listAfter(c, filter, ordering, cursor.value(), cursor.id(), pageSize));
            String next = page.rows().size() < pageSize
                    ? null
                    : link(
                            baseUrl,
                            params.fields(),
                            "cursor",
                            Cursor.after(ordering, page.rows().getLast()).encode());
            return ApiResponse.json(200, UserJson.page(page, next, null));
        }
        long pageNumber = params.number("page", 1, 1, MAX_PAGE);
        UserPage page = connections.withConnection(c -> users.list(c, filter, ordering, pageNumber, pageSize));
        if (page.rows().isEmpty() && pageNumber > 1) {
            throw ApiError.notFound("page", "Invalid page: page " + pageNumber + " is past the last page");
        }
        boolean more = page.rows().size() == pageSize
                && (page.count().estimate()
                        || pageNumber * pageSize < page.count().value());
        String next = more ? link(baseUrl, params.fields(), "page", Long.toString(pageNumber + 1)) : null;
        String previous = pageNumber > 1 ? link(baseUrl, params.fields(), "page", Long.toString(pageNumber - 1)) : null;
        return ApiResponse.json(200, UserJson.page(page, next, previous));
    }

    /** GET /api/users/{id}/ */
    ApiResponse detail(String idText) throws SQLException {
        long id = userId("id", idText);
        return user(id).map(row -> ApiResponse.json(200, UserJson.user(row)))
                .orElseThrow(() -> ApiError.notFound("user " + id + " does not exist"));
    }

    /** GET /api/run-query/?count=1&type=get&user_id=N: the original high-load endpoint. */
    ApiResponse runQuery(QueryParameters params) throws SQLException {
        params.oneOf("type", null, Set.of("get"));
        if (params.fields().getValue("type") == null) {
            throw ApiError.badParameter("type", "type is required and must be 'get'");
        }
        long count = params.number("count", 1, 1, MAX_RUN_QUERY_COUNT);
        long id = params.requiredNumber("user_id", 1, Long.MAX_VALUE);
        Optional<Object[]> row = Optional.empty();
        for (long i = 0; i < count; i++) {
            row = user(id);
        }
        return row.map(r -> ApiResponse.json(200, UserJson.user(r)))
                .orElseThrow(() -> ApiError.notFound("user_id", "user " + id + " does not exist"));
    }

    private Optional<Object[]> user(long id) throws SQLException {
        return connections.withConnection(c -> users.lookup(c, id));
    }

    private static Ordering ordering(QueryParameters params) {
        String text = params.text("ordering");
        if (text == null) {
            return Ordering.DEFAULT;
        }
        try {
            return Ordering.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("ordering", e.getMessage());
        }
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
                parameter,
                parameter + " must be a positive whole number but was '" + QueryParameters.abbreviate(text) + "'");
    }

    /** The same URL with one parameter replaced (and page and cursor never both). */
    private static String link(String baseUrl, Fields current, String name, String value) {
        StringBuilder url = new StringBuilder(baseUrl).append('?');
        for (Fields.Field field : current) {
            String key = field.getName();
            if (key.equals(name) || key.equals("page") || key.equals("cursor")) {
                continue;
            }
            for (String v : field.getValues()) {
                url.append(encode(key)).append('=').append(encode(v)).append('&');
            }
        }
        return url.append(name).append('=').append(encode(value)).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
