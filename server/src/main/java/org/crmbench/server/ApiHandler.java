package org.crmbench.server;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests through the route table and maps every failure to a JSON status in one
 * place: bad input 400/404, database unavailable 503, anything else 500 without details (logged).
 * The handler itself never blocks (Jetty may call it on its I/O thread): routes that query the
 * dataset run on a database worker in arrival order, the others on a virtual thread.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String UNMATCHED = "unmatched";

    private final Routes routes;
    private final Metrics metrics;
    private final DatabaseWorkers workers;
    private final Executor virtualThreads;

    ApiHandler(Routes routes, Metrics metrics, DatabaseWorkers workers, Executor virtualThreads) {
        super(InvocationType.NON_BLOCKING);
        this.routes = routes;
        this.metrics = metrics;
        this.workers = workers;
        this.virtualThreads = virtualThreads;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        Optional<Routes.Match> match = routes.match(path);
        Runnable respond = () -> respond(request, response, callback, path, match, start);
        if (match.isPresent() && match.get().route().database()) {
            String route = match.get().route().template();
            workers.execute(respond, () -> send(response, callback, route, start, unavailable()));
        } else {
            virtualThreads.execute(respond);
        }
        return true;
    }

    private void respond(
            Request request,
            Response response,
            Callback callback,
            String path,
            Optional<Routes.Match> match,
            long start) {
        String route = match.map(m -> m.route().template()).orElse(UNMATCHED);
        ApiResponse answer;
        try {
            if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
                throw ApiError.methodNotAllowed(request.getMethod());
            }
            if (match.isEmpty()) {
                throw ApiError.notFound("no such endpoint: " + QueryParameters.abbreviate(path));
            }
            QueryParameters params = new QueryParameters(Request.extractQueryParameters(request));
            answer = match.get()
                    .route()
                    .endpoint()
                    .handle(new Routes.Call(match.get().path(), params, request.getHttpURI()));
        } catch (ApiError e) {
            answer = error(e.status, e.getMessage(), e.parameter);
        } catch (SQLTransientConnectionException e) {
            answer = unavailable();
        } catch (SQLException e) {
            answer = unavailableOrInternal(e, route);
        } catch (Exception e) {
            LOG.error("{} failed", route, e);
            answer = error(500, "internal error", null);
        }
        send(response, callback, route, start, answer);
    }

    private void send(Response response, Callback callback, String route, long start, ApiResponse answer) {
        try {
            metrics.record(route, answer.status(), System.nanoTime() - start);
            response.setStatus(answer.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    private static ApiResponse unavailable() {
        return error(503, ApiError.databaseUnavailable().getMessage(), null);
    }

    private static ApiResponse unavailableOrInternal(SQLException e, String route) {
        String state = String.valueOf(e.getSQLState());
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            return unavailable();
        }
        LOG.error("{} failed with SQL state {}", route, state, e);
        return error(500, "internal error", null);
    }

    private static ApiResponse error(int status, String message, String parameter) {
        return ApiResponse.json(status, UserJson.json(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            if (parameter != null) {
                json.writeStringField("parameter", parameter);
            }
            if (status == 404 && "page".equals(parameter)) {
                json.writeStringField("detail", "Invalid page."); // Django REST framework's body
            }
            json.writeEndObject();
        }));
    }
}
