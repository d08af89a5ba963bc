package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.ReadHost;
import org.crmbench.db.ReadRouting;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.server.ApiServer;
import org.crmbench.server.ServerAccess;
import org.crmbench.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the generated data as a JSON API until Ctrl-C or SIGTERM.",
            "Endpoints: /api/users/ (filters, ordering, pages, cursor), /api/users/{id}/, /api/run-query/,"
                    + " /api/schema/ (OpenAPI 3), /api/docs/ (Swagger UI), /health, /metrics (Prometheus).",
            "Every request has a time budget: it waits at most --queue-timeout for a database worker and each"
                    + " statement runs at most --statement-timeout (then 503 with Retry-After). Lists get"
                    + " --list-connections of the --pool-size connections, so lookups keep theirs. Every error,"
                    + " Jetty's own included, is a JSON body. A stop drains in-flight requests, then cancels"
                    + " what still runs.",
            "With streaming replicas (--replica-url, or the embedded server's own from 'db start --replicas N'),"
                    + " lists and lookups go to the replicas in turn, to the primary only when none is usable;"
                    + " a replica further behind than --max-replica-lag gets no reads until it catches up."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench serve",
            "  openssl rand -hex 32 > token && chmod 600 token",
            "  crmbench serve --bind 0.0.0.0 --token-file token --tls-cert cert.pem --tls-key key.pem",
            "  curl --cacert cert.pem -H \"Authorization: Bearer $(cat token)\" https://HOST:8000/api/users/",
            "  crmbench serve --port 8080 --pool-size 32 --list-connections 4",
            "  crmbench serve --statement-timeout 1s --queue-timeout 500ms",
            "  crmbench db start --replicas 2 && crmbench serve     # reads go to the two replicas",
            "  crmbench serve --jdbc-url jdbc:postgresql://db1/crm --replica-url jdbc:postgresql://db2/crm"
                    + " --max-replica-lag 5s",
            "  curl 'http://127.0.0.1:8000/api/users/?last_name=smith&city=vienna&ordering=-relationship__points'",
            "  curl 'http://127.0.0.1:8000/api/run-query/?count=1&type=get&user_id=123456'"
        })
final class ServeCommand implements Callable<Integer> {
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
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all, which needs"
                    + " --token-file or --no-auth).")
    String bind;

    @Mixin
    ServeAccessOptions accessOptions;

    @Mixin
    ReplicaOptions replicaOptions;

    @Mixin
    ServeLimitOptions limits;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = UsageErrors.orUsageError(db.spec, () -> limits.settings(bind, port));
        ServerAccess access = UsageErrors.orUsageError(db.spec, () -> accessOptions.access(bind));
        ReadRouting.Settings readSettings = UsageErrors.orUsageError(db.spec, replicaOptions::routing);
        DbSettings dbSettings = ApiServer.databaseSettings(db.settings(), settings);
        List<ConnectionTarget> replicas = UsageErrors.orUsageError(db.spec, () -> replicaOptions.targets(dbSettings));
        PrintWriter out = db.spec.commandLine().getOut();
        PrintWriter err = db.spec.commandLine().getErr();
        try (Database database = Database.open(dbSettings);
                ReadRouting reads = ReadRouting.open(database, replicas, dbSettings, readSettings);
                ApiServer server = ApiServer.start(database, reads, settings, access, CrmbenchVersion.crmbench())) {
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
                    Locale.ROOT,
                    "Serving %s on %s (docs: %sapi/docs/; %s). Ctrl-C to stop.%n",
                    database.target().redactedUrl(),
                    server.uri(),
                    server.uri(),
                    access.token().isPresent()
                            ? "every request but /health and the docs needs its bearer token"
                            : "no token: anyone who reaches the port reads the data");
            printHosts(out, reads);
            out.flush();
            server.join();
        }
        return ExitCode.OK;
    }

    /** With replicas, one line per host: where reads go at the start. */
    private static void printHosts(PrintWriter out, ReadRouting reads) {
        if (!reads.hasReplicas()) {
            return;
        }
        for (ReadHost.Status host : reads.hosts()) {
            out.printf(Locale.ROOT, "  %-8s %-22s %s%n", host.role().label(), host.address(), host.state());
        }
    }
}
