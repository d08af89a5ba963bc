package org.crmbench.server;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;

/** Every route of the API, in one table. */
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
     * @param database whether the route queries the dataset: then it runs on a database worker,
     *     in turn ({@link DatabaseWorkers})
     */
    record Route(String template, Pattern pattern, boolean database, Endpoint endpoint) {}

    /** A matched route and the path's groups. */
    record Match(Route route, Matcher path) {}

    private final List<Route> table;

    Routes(UsersEndpoints users, Health health, SwaggerUi swagger, Metrics metrics, byte[] openApi) {
        table = List.of(
                database("/api/users/", "/api/users/?", call -> users.list(call.params(), call.baseUrl())),
                database(
                        "/api/users/{id}/",
                        "/api/users/([^/]+)/?",
                        call -> users.detail(call.path().group(1))),
                database("/api/run-query/", "/api/run-query/?", call -> users.runQuery(call.params())),
                route("/api/schema/", "/api/schema/?", call -> ApiResponse.json(200, openApi)),
                route("/api/docs/", "/api/docs/?", call -> swagger.index()),
                route(
                        "/api/docs/{file}",
                        "/api/docs/([^/]+)",
                        call -> swagger.asset(call.path().group(1))),
                route("/health", "/health/?", call -> health.check()),
                route(
                        "/metrics",
                        "/metrics/?",
                        call -> ApiResponse.text("text/plain; version=0.0.4", metrics.prometheusText())));
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

    private static Route route(String template, String regex, Endpoint endpoint) {
        return new Route(template, Pattern.compile(regex), false, endpoint);
    }

    private static Route database(String template, String regex, Endpoint endpoint) {
        return new Route(template, Pattern.compile(regex), true, endpoint);
    }
}
