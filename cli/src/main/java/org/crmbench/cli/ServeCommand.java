package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.crmbench.db.Database;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.server.ApiServer;
import org.crmbench.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the generated data as a JSON API until Ctrl-C or SIGTERM (in-flight requests are drained):",
            "/api/users/ (filters, ordering, pages, cursor), /api/users/{id}/, /api/run-query/,",
            "/api/schema/ (OpenAPI 3), /api/docs/ (Swagger UI), /health, /metrics (Prometheus)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench serve",
            "  crmbench serve --port 8080 --bind 0.0.0.0 --pool-size 32",
            "  curl 'http://127.0.0.1:8000/api/users/?last_name=smith&city=vienna&ordering=-relationship__points'",
            "  curl 'http://127.0.0.1:8000/api/run-query/?count=1&type=get&user_id=123456'"
        })
final class ServeCommand implements Callable<Integer> {
    /**
     * Requests queue for their turn in front of the pool, so the pool itself only waits when the
     * database is down: answer 503 after 2 s rather than HikariCP's default 30 s.
     */
    private static final long SERVE_CONNECTION_TIMEOUT_MS = 2_000;

    @Mixin
    DbOptions db;

    @Option(
            names = "--port",
            defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "TCP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = ServerSettings.DEFAULT_BIND,
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String bind;

    @Option(
            names = "--pool-size",
            paramLabel = "N",
            description = "Database connections; requests beyond them wait in a FIFO queue "
                    + "(default: 4 per core, at least 4).")
    Integer poolSize;

    @Option(
            names = "--max-result-window",
            paramLabel = "ROWS",
            defaultValue = "" + ServerSettings.DEFAULT_MAX_RESULT_WINDOW,
            description = "Deepest row a page number reaches (page x page_size); deeper pages need the cursor,"
                    + " which 'next' links switch to (default ${DEFAULT-VALUE}, Elasticsearch's).")
    long maxResultWindow;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = UsageErrors.orUsageError(
                db.spec,
                () -> new ServerSettings(
                        bind,
                        port,
                        poolSize == null ? ServerSettings.DEFAULT_POOL_SIZE : poolSize,
                        ServerSettings.DEFAULT_DRAIN_TIMEOUT,
                        maxResultWindow));
        PrintWriter out = db.spec.commandLine().getOut();
        PrintWriter err = db.spec.commandLine().getErr();
        try (Database database = Database.open(
                        db.settings(settings.poolSize()).withConnectionTimeoutMs(SERVE_CONNECTION_TIMEOUT_MS));
                ApiServer server = ApiServer.start(database, settings, CrmbenchCommand.Version.crmbench())) {
            if (!CrmbenchSchema.exists(database.dsl())) {
                err.println("warning: there is no dataset yet; run 'crmbench generate' (lists will be empty).");
            }
            Thread stop = new Thread(() -> {
                err.println("Stopping: draining in-flight requests ...");
                err.flush();
                server.close();
            });
            Runtime.getRuntime().addShutdownHook(stop);
            out.printf(
                    "Serving %s on %s (docs: %sapi/docs/). Ctrl-C to stop.%n",
                    database.target().redactedUrl(), server.uri(), server.uri());
            out.flush();
            server.join();
        }
        return ExitCode.OK;
    }
}
