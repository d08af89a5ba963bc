package org.crmbench.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.crmbench.db.ReadRouting;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests through the route table and maps every failure to a JSON status in one
 * place: bad input 400/404/405; the database down, a request that waited past its deadline or ran
 * past its time budget 503 with Retry-After; anything else 500 without details (logged). The
 * handler itself never blocks (Jetty may call it on its I/O thread): routes that query the
 * dataset run on a database worker of their lane, the others on a virtual thread.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String UNMATCHED = "unmatched";
    /** PostgreSQL's query_canceled: statement_timeout, or a cancel crmbench sent. */
    private static final String QUERY_CANCELED = "57014";
    /** RFC 6750's answer to a request without the right token; which of the two it was is not said. */
    private static final ApiResponse UNAUTHORIZED = ApiError.unauthorized().response();

    private final Routes routes;
    private final Metrics metrics;
    private final DatabaseWorkers workers;
    private final Executor virtualThreads;
    private final long statementTimeoutMs;
    private final Optional<BearerToken> token;

    ApiHandler(
            Routes routes,
            Metrics metrics,
            DatabaseWorkers workers,
            Executor virtualThreads,
            long statementTimeoutMs,
            Optional<BearerToken> token) {
        super(InvocationType.NON_BLOCKING);
        this.token = token;
        this.routes = routes;
        this.metrics = metrics;
        this.workers = workers;
        this.virtualThreads = virtualThreads;
        this.statementTimeoutMs = statementTimeoutMs;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        Optional<Routes.Match> match = routes.match(path);
        String route = match.map(m -> m.route().template()).orElse(UNMATCHED);
        if (!admitted(request, match)) {
            send(response, callback, route, start, UNAUTHORIZED);
            return true;
        }
        Routes.Call call;
        long lookupId;
        try {
            call = call(request, path, match); // bad input is a 400 at once, not after its wait for a worker
            lookupId = match.get().route().lookupId() == null
                    ? 0
                    : match.get().route().lookupId().applyAsLong(call);
        } catch (ApiError e) {
            send(response, callback, route, start, e.response());
            return true;
        } catch (RuntimeException e) {
            LOG.error("{} failed", route, e);
            send(response, callback, route, start, internalError());
            return true;
        }
        Routes.Route target = match.get().route();
        Runnable respond = () -> respond(response, callback, route, target, call, start);
        if (target.lane() != null) {
            workers.execute(
                    target.lane(),
                    lookupId,
                    target.sameAs() == null ? null : target.sameAs().apply(call),
                    respond,
                    () -> send(
                            response,
                            callback,
                            route,
                            start,
                            ApiError.overloaded().response()),
                    client(request));
        } else {
            virtualThreads.execute(respond);
        }
        return true;
    }

    /** The method, the route and the query parameters checked: the call to make, or the ApiError to answer. */
    private static Routes.Call call(Request request, String path, Optional<Routes.Match> match) {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            throw ApiError.methodNotAllowed(request.getMethod());
        }
        if (match.isEmpty()) {
            throw ApiError.notFound("no such endpoint: " + ApiError.abbreviate(path));
        }
        QueryParameters params = QueryParameters.parse(
                request.getHttpURI().getQuery(), match.get().route().parameters());
        return new Routes.Call(match.get().path(), params, request.getHttpURI());
    }

    /** Without a token every request is; with one, only those carrying it or asking for an open route. */
    private boolean admitted(Request request, Optional<Routes.Match> match) {
        return token.isEmpty()
                || match.map(m -> m.route().open()).orElse(false)
                || token.get().admits(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    }

    /** The request's TCP connection, when it is one (null otherwise: never watched). */
    private static ClientSockets.Connection client(Request request) {
        if (request.getConnectionMetaData().getLocalSocketAddress() instanceof InetSocketAddress local
                && request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            return new ClientSockets.Connection(local.getPort(), remote.getPort());
        }
        return null;
    }

    private void respond(
            Response response, Callback callback, String route, Routes.Route target, Routes.Call call, long start) {
        ApiResponse answer;
        try {
            answer = target.endpoint().handle(call);
        } catch (ApiError e) {
            answer = e.response();
        } catch (SQLTransientConnectionException e) {
            answer = ApiError.databaseUnavailable().response();
        } catch (SQLException e) {
            answer = fromDatabase(e, route);
        } catch (Exception e) {
            LOG.error("{} failed", route, e);
            answer = internalError();
        }
        send(response, callback, route, start, answer);
    }

    private void send(Response response, Callback callback, String route, long start, ApiResponse answer) {
        try {
            metrics.record(route, answer.status(), System.nanoTime() - start);
            response.setStatus(answer.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            if (answer.status() == 405) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                // a CONNECT would otherwise leave the connection waiting for a tunnel
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    /** A statement past its time budget or a lost connection is 503; anything else is ours to fix (500). */
    private ApiResponse fromDatabase(SQLException e, String route) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals(QUERY_CANCELED)) {
            return ApiError.tooSlow(statementTimeoutMs).response();
        }
        if (ReadRouting.hostUnavailable(e)) {
            return ApiError.databaseUnavailable().response();
        }
        LOG.error("{} failed with SQL state {}", route, state, e);
        return internalError();
    }

    private static ApiResponse internalError() {
        return ApiResponse.json(500, ApiError.body(500, "internal error", null));
    }
}
