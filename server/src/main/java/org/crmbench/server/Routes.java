package org.crmbench.server;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.api.UsersApi;
import org.eclipse.jetty.http.HttpURI;

/** Every route of the API, in one table, with the query parameters each takes. */
final class Routes {
    /** What a route gets: the path's captured groups, the query string, and the request's URI. */
    record Call(Matcher path, QueryParameters params, HttpURI uri) {
        /** The URL of this path without query, for next/previous links. */
        String baseUrl() {
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            return scheme + "://" + host + port + uri.getPath();
        }
    }

    @FunctionalInterface
    interface Endpoint {
        ApiResponse handle(Call call) throws Exception;
    }

    /**
     * @param template the route as metrics and logs name it
     * @param lane the database workers the route's requests wait for (null: the route does not
     *     query the dataset and runs on a virtual thread)
     * @param parameters the query parameters the route takes; any other is a 400
     * @param lookupId the user the route looks up by id, for a lookup that may share its statement
     *     with others waiting at the same time; an ApiError (400) if the request names none that
     *     can be (null: the route's statements are its own)
     * @param sameAs what makes two requests to the route identical, so that those waiting together
     *     may share their read (null: none do)
     * @param open whether it answers without the bearer token: the health check (load balancers
     *     and orchestrators probe it) and the API's documentation, which show no data
     */
    record Route(
            String template,
            Pattern pattern,
            DatabaseWorkers.Lane lane,
            List<String> parameters,
            ToLongFunction<Call> lookupId,
            Function<Call, Object> sameAs,
            Endpoint endpoint,
            boolean open) {}

    /** A matched route and the path's groups. */
    record Match(Route route, Matcher path) {}

    private final List<Route> table;

    Routes(UsersEndpoints users, Health health, SwaggerUi swagger, Metrics metrics, byte[] openApi) {
        table = List.of(
                new Route(
                        UsersApi.LIST_PATH,
                        Pattern.compile("/api/users/?"),
                        DatabaseWorkers.Lane.LIST,
                        UsersApi.LIST_PARAMETERS,
                        null,
                        Call::params, // the page and count depend on the parameters alone
                        call -> users.list(call.params(), call.baseUrl()),
                        false),
                new Route(
                        UsersApi.DETAIL_PATH,
                        Pattern.compile("/api/users/([^/]+)/?"),
                        DatabaseWorkers.Lane.LOOKUP,
                        List.of(),
                        UsersEndpoints::detailId,
                        null,
                        users::detail,
                        false),
                new Route(
                        UsersApi.RUN_QUERY_PATH,
                        Pattern.compile("/api/run-query/?"),
                        DatabaseWorkers.Lane.LOOKUP,
                        UsersApi.RUN_QUERY_PARAMETERS,
                        call -> UsersEndpoints.runQueryId(call.params()),
                        null,
                        call -> users.runQuery(call.params()),
                        false),
                route(UsersApi.SCHEMA_PATH, "/api/schema/?", true, call -> ApiResponse.json(200, openApi)),
                route(UsersApi.DOCS_PATH, "/api/docs/?", true, call -> swagger.index()),
                route(
                        "/api/docs/{file}",
                        "/api/docs/([^/]+)",
                        true,
                        call -> swagger.asset(call.path().group(1))),
                route("/health", "/health/?", true, call -> health.check()),
                route(
                        "/metrics",
                        "/metrics/?",
                        false,
                        call -> ApiResponse.text(Metrics.CONTENT_TYPE, metrics.prometheusText())));
    }

    Optional<Match> match(String path) {
        for (Route route : table) {
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                return Optional.of(new Match(route, m));
            }
        }
        return Optional.empty();
    }

    /** A route that takes no parameters and does not query the dataset. */
    private static Route route(String template, String regex, boolean open, Endpoint endpoint) {
        return new Route(template, Pattern.compile(regex), null, List.of(), null, null, endpoint, open);
    }
}
