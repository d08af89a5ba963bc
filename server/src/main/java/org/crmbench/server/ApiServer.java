package org.crmbench.server;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.db.ReadRouting;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The HTTP API on Jetty 12: requests that query the dataset run in arrival order on the database
 * workers of their lane ({@link DatabaseWorkers}), the others on virtual threads. Every error is
 * JSON, connections are capped and closed when idle or too slow to send a request, and stopping
 * drains in-flight requests, then cancels any statement still running.
 *
 * <p>The database pool must hold {@link ServerSettings#poolSize()} connections with the
 * settings' statement timeout (see {@link #databaseSettings}).
 */
public final class ApiServer implements AutoCloseable {
    /** Pending TCP connections the kernel keeps while all are busy: 1000 users connect at once. */
    private static final int ACCEPT_QUEUE = 4096;
    /** The API takes no request bodies; a client sending a big one gets 413 before it is read. */
    private static final long MAX_REQUEST_BODY_BYTES = 64 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final DatabaseWorkers workers;

    private final String scheme;

    private ApiServer(Server server, ServerConnector connector, DatabaseWorkers workers, String scheme) {
        this.scheme = scheme;
        this.server = server;
        this.connector = connector;
        this.workers = workers;
    }

    /** The database settings this server needs: its pool size, pool wait and statement timeout. */
    public static org.crmbench.db.DbSettings databaseSettings(org.crmbench.db.DbSettings db, ServerSettings settings) {
        return new org.crmbench.db.DbSettings(
                db.target(),
                db.embedded(),
                settings.poolSize(),
                settings.poolWait().toMillis(),
                settings.statementTimeout());
    }

    /** A server with no token and plain HTTP (on the loopback, as tests and local use run it). */
    public static ApiServer start(Database db, ServerSettings settings, String version) {
        return start(db, settings, ServerAccess.open(), version);
    }

    /** Every read on the primary, as without replicas. */
    public static ApiServer start(Database db, ServerSettings settings, ServerAccess access, String version) {
        return start(db, ReadRouting.primaryOnly(db), settings, access, version);
    }

    /** The lanes' workers with their settings; lookups share statements through {@code users}, identical lists their read. */
    private static DatabaseWorkers databaseWorkers(ReadRouting reads, ServerSettings settings, UserRepository users) {
        return new DatabaseWorkers(
                reads,
                Map.of(
                        DatabaseWorkers.Lane.LOOKUP, settings.lookupConnections(),
                        DatabaseWorkers.Lane.LIST, settings.listConnections()),
                settings.queueTimeout(),
                settings.listSharePercent(),
                new DatabaseWorkers.LookupSharing(
                        settings.lookupBatch(), (c, ids) -> users.lookupAll(c, ids, UserRepository.NO_LISTENER)),
                settings.listBatch());
    }

    /** Reads go where {@code reads} sends them (replicas, the primary when none is usable); the caller closes it. */
    public static ApiServer start(
            Database db, ReadRouting reads, ServerSettings settings, ServerAccess access, String version) {
        ConnectionFactory[] protocols = connectionFactories(access); // a bad key fails before anything starts
        UserRepository users = new UserRepository(new UserQueries(db.dsl()));
        DatabaseWorkers workers = databaseWorkers(reads, settings, users);
        Metrics metrics = new Metrics(((HikariDataSource) db.dataSource()).getHikariPoolMXBean(), workers, reads);
        Routes routes = new Routes(
                new UsersEndpoints(users, workers, settings.maxResultWindow()),
                new Health(db.dataSource(), reads),
                new SwaggerUi(),
                metrics,
                OpenApiDocument.build(version));

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("crmbench-http");
        VirtualThreadPool virtualThreads = new VirtualThreadPool();
        virtualThreads.setName("crmbench-request");
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, protocols);
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.addEventListener(new HeaderDeadline(
                server.getScheduler(), settings.headerTimeout().toMillis()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
        server.setErrorHandler(new JsonErrorHandler());
        SizeLimitHandler bodyLimit = new SizeLimitHandler(MAX_REQUEST_BODY_BYTES, -1);
        bodyLimit.setHandler(new ApiHandler(
                routes,
                metrics,
                workers,
                virtualThreads,
                settings.statementTimeout().toMillis(),
                access.token()));
        GracefulHandler graceful = new GracefulHandler(bodyLimit);
        server.setHandler(graceful);
        server.setStopTimeout(settings.drainTimeout().toMillis());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            workers.close();
            if (e instanceof BindException || e.getCause() instanceof BindException || e instanceof IOException) {
                throw new CrmbenchException(
                        "Cannot listen on " + settings.bind() + ":" + settings.port() + " (" + e.getMessage()
                                + "); is another server using that port? Choose another with --port.",
                        e);
            }
            throw new CrmbenchException("The HTTP server did not start: " + e.getMessage(), e);
        }
        return new ApiServer(server, connector, workers, access.scheme());
    }

    /**
     * Plain: HTTP/1.1, and HTTP/2 for clients that speak it from the first byte (h2c, prior
     * knowledge). TLS: HTTP/2 or HTTP/1.1 as the client's ALPN offer says (browsers, load --http2).
     */
    private static ConnectionFactory[] connectionFactories(ServerAccess access) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        HttpConnectionFactory http1 = new SerialHttpConnectionFactory(http);
        if (access.tls().isEmpty()) {
            return new ConnectionFactory[] {http1, new HTTP2CServerConnectionFactory(http)};
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // a certificate for a name, reached by its address, still serves
        http.addCustomizer(secure);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(); // offers what the connector has
        alpn.setDefaultProtocol(http1.getProtocol());
        SslConnectionFactory tls = new SslConnectionFactory(access.tls().get().sslContextFactory(), alpn.getProtocol());
        return new ConnectionFactory[] {tls, alpn, http2, http1};
    }

    /**
     * Slowloris: a client that sends its request a byte at a time never lets the idle timeout
     * fire. Every {@code timeoutMs} each connection is looked at; one whose parser was in the
     * middle of the same request's line or headers at two looks in a row (so for at least the
     * timeout, at most twice it) is closed. Requests being handled, and idle keep-alive
     * connections, are left alone.
     */
    private record HeaderDeadline(Scheduler scheduler, long timeoutMs) implements Connection.Listener {
        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) {
                watch(http, -1);
            }
        }

        private void watch(HttpConnection connection, long slowRequest) {
            scheduler.schedule(
                    () -> {
                        if (!connection.getEndPoint().isOpen()) {
                            return;
                        }
                        boolean midHeaders = connection.getParser().inHeaderState()
                                && !connection.getParser().isStart();
                        long request = midHeaders ? connection.getMessagesIn() : -1;
                        if (midHeaders && request == slowRequest) {
                            connection.getEndPoint().close(); // no reply: the request never arrived
                        } else {
                            watch(connection, request);
                        }
                    },
                    timeoutMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create(scheme + "://" + host + ":" + port() + "/");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops accepting, lets in-flight requests finish (up to the drain timeout), then answers what
     * is still queued with 503 and cancels the statements still running, so none outlives the server.
     */
    @Override
    public void close() {
        stopQuietly(server);
        workers.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort
        }
    }
}
