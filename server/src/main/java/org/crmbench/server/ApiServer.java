package org.crmbench.server;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The HTTP API on Jetty 12: requests that query the dataset run in arrival order on one platform
 * thread per database connection ({@link DatabaseWorkers}), the others on virtual threads, and
 * stopping drains in-flight requests before closing.
 */
public final class ApiServer implements AutoCloseable {
    /** Pending TCP connections the kernel keeps while all are busy: 1000 users connect at once. */
    private static final int ACCEPT_QUEUE = 4096;
    /** How long a request waits in the fair queue for a connection before it gets a 503. */
    private static final long CONNECTION_WAIT_MS = 10_000;

    private final Server server;
    private final ServerConnector connector;
    private final DatabaseWorkers workers;

    private ApiServer(Server server, ServerConnector connector, DatabaseWorkers workers) {
        this.server = server;
        this.connector = connector;
        this.workers = workers;
    }

    public static ApiServer start(Database db, ServerSettings settings, String version) {
        DatabaseWorkers connections = new DatabaseWorkers(db.dataSource(), settings.poolSize(), CONNECTION_WAIT_MS);
        Metrics metrics = new Metrics(((HikariDataSource) db.dataSource()).getHikariPoolMXBean(), connections);
        Routes routes = new Routes(
                new UsersEndpoints(
                        new UserRepository(new UserQueries(db.dsl())), connections, settings.maxResultWindow()),
                new Health(db.dataSource()),
                new SwaggerUi(),
                metrics,
                OpenApiDocument.build(version));

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("crmbench-http");
        VirtualThreadPool virtualThreads = new VirtualThreadPool();
        virtualThreads.setName("crmbench-request");
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new ApiHandler(routes, metrics, connections, virtualThreads));
        server.setHandler(graceful);
        server.setStopTimeout(settings.drainTimeout().toMillis());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            connections.close();
            if (e instanceof BindException || e.getCause() instanceof BindException || e instanceof IOException) {
                throw new CrmbenchException(
                        "Cannot listen on " + settings.bind() + ":" + settings.port() + " (" + e.getMessage()
                                + "); is another server using that port? Choose another with --port.",
                        e);
            }
            throw new CrmbenchException("The HTTP server did not start: " + e.getMessage(), e);
        }
        return new ApiServer(server, connector, connections);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets in-flight requests finish (up to the drain timeout), then closes. */
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
