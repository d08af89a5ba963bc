package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmbench.api.UsersApi;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.ReadHost;
import org.crmbench.db.ReadRouting;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.server.ApiServer;
import org.crmbench.server.BearerToken;
import org.crmbench.server.ServerAccess;
import org.crmbench.server.ServerSettings;
import org.crmbench.server.TlsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Require 'Authorization: Bearer TOKEN' on every request but /health and the docs; the"
                    + " token is the file's first line (at least 16 characters; the file readable by you only)."
                    + " Without it, the environment variable " + BearerToken.ENVIRONMENT_VARIABLE + " is read."
                    + " Never on the command line, never logged.")
    Path tokenFile;

    @Option(
            names = "--no-auth",
            description = "Serve without a token on an address other machines can reach (refused otherwise).")
    boolean noAuth;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with this certificate chain; needs --tls-key.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            paramLabel = "PEM",
            description =
                    "The certificate's private key: unencrypted PKCS#8 ('BEGIN PRIVATE KEY'), readable by you only.")
    Path tlsKey;

    @Option(
            names = "--replica-url",
            paramLabel = "URL",
            description = "A streaming replica to read from (repeatable; same --user and --password): lists and"
                    + " lookups go to the replicas in turn, to the primary only when none is usable. With the"
                    + " embedded PostgreSQL, the replicas of 'crmbench db start --replicas N' are found by themselves.")
    List<String> replicaUrls = new ArrayList<>();

    @Option(
            names = "--max-replica-lag",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "A replica further behind the primary gets no reads until it catches up (default: 10s).")
    Duration maxReplicaLag = ReadRouting.Settings.DEFAULT_MAX_LAG;

    @Option(
            names = "--no-replicas",
            description = "Read from the primary only, even when the embedded PostgreSQL has replicas.")
    boolean noReplicas;

    @Option(
            names = "--pool-size",
            paramLabel = "N",
            description = "Database connections, one worker thread each (default: 4 per core, at least 4).")
    Integer poolSize;

    @Option(
            names = "--list-connections",
            paramLabel = "N",
            description = "Of those, how many may run list requests at once; the rest serve lookups"
                    + " (default: half the cores, at least 1).")
    Integer listConnections;

    @Option(
            names = "--list-share",
            paramLabel = "PERCENT",
            converter = PercentConverter.class,
            description = "While lookups are coming in, the share of its time a list worker may be busy: it rests"
                    + " after each list request in proportion to that request's cost, so dear lists cannot"
                    + " crowd lookups off the CPU; 100%% never rests (default: 50%%).")
    Double listShare = (double) ServerSettings.DEFAULT_LIST_SHARE_PERCENT;

    @Option(
            names = "--statement-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Longest a database statement may run; then PostgreSQL cancels it and the request"
                    + " gets 503 (default: 3s).")
    Duration statementTimeout = ServerSettings.DEFAULT_STATEMENT_TIMEOUT;

    @Option(
            names = "--queue-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description =
                    "Longest a request waits for a database worker; at that deadline it gets 503" + " (default: 2s).")
    Duration queueTimeout = ServerSettings.DEFAULT_QUEUE_TIMEOUT;

    @Option(
            names = "--pool-wait",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Longest a worker waits for a connection when the database is down (default: 2s).")
    Duration poolWait = ServerSettings.DEFAULT_POOL_WAIT;

    @Option(
            names = "--drain-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "On stop, how long in-flight requests may finish before their statements are"
                    + " cancelled (default: 10s).")
    Duration drainTimeout = ServerSettings.DEFAULT_DRAIN_TIMEOUT;

    @Option(
            names = "--max-result-window",
            paramLabel = "ROWS",
            defaultValue = "" + UsersApi.DEFAULT_MAX_RESULT_WINDOW,
            description = "Deepest row a page number reaches (page x page_size); deeper pages need the cursor,"
                    + " which 'next' links switch to (default ${DEFAULT-VALUE}, Elasticsearch's).")
    long maxResultWindow;

    @Option(
            names = "--idle-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "An HTTP connection without traffic for this long is closed (default: 15s).")
    Duration idleTimeout = ServerSettings.DEFAULT_IDLE_TIMEOUT;

    @Option(
            names = "--header-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "A new connection that has not sent a whole request by then is closed (default: 10s).")
    Duration headerTimeout = ServerSettings.DEFAULT_HEADER_TIMEOUT;

    @Option(
            names = "--max-connections",
            paramLabel = "N",
            defaultValue = "" + ServerSettings.DEFAULT_MAX_CONNECTIONS,
            description = "Open HTTP connections at most; more wait to be accepted (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings();
        ServerAccess access = access();
        PrintWriter out = db.spec.commandLine().getOut();
        PrintWriter err = db.spec.commandLine().getErr();
        ReadRouting.Settings readSettings = UsageErrors.orUsageError(
                db.spec, () -> new ReadRouting.Settings(maxReplicaLag, ReadRouting.Settings.DEFAULT_CHECK_EVERY));
        DbSettings dbSettings = ApiServer.databaseSettings(db.settings(), settings);
        List<ConnectionTarget> replicas = replicaTargets(dbSettings);
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

    private ServerSettings settings() {
        int pool = poolSize == null ? ServerSettings.DEFAULT_POOL_SIZE : poolSize;
        int lists = listConnections == null
                ? Math.max(1, Math.min(ServerSettings.DEFAULT_LIST_CONNECTIONS, pool - 1))
                : listConnections;
        return UsageErrors.orUsageError(
                db.spec,
                () -> new ServerSettings(
                        bind,
                        port,
                        pool,
                        lists,
                        wholePercent(listShare),
                        drainTimeout,
                        maxResultWindow,
                        statementTimeout,
                        queueTimeout,
                        poolWait,
                        idleTimeout,
                        headerTimeout,
                        maxConnections));
    }

    /** The token (file, else environment), TLS files read and checked, and the rule for non-loopback binds. */
    private ServerAccess access() {
        return UsageErrors.orUsageError(db.spec, () -> {
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together");
            }
            Optional<TlsFiles> tls = Optional.ofNullable(tlsCert).map(cert -> new TlsFiles(cert, tlsKey));
            tls.ifPresent(TlsFiles::verify);
            String fromEnvironment = System.getenv(BearerToken.ENVIRONMENT_VARIABLE);
            Optional<BearerToken> token = tokenFile != null
                    ? Optional.of(BearerToken.fromFile(tokenFile))
                    : Optional.ofNullable(fromEnvironment)
                            .filter(v -> !v.isBlank())
                            .map(BearerToken::fromEnvironment);
            return ServerAccess.forBind(bind, token, tls, noAuth);
        });
    }

    /** The --replica-url servers, or the embedded server's own replicas (unless --no-replicas). */
    private List<ConnectionTarget> replicaTargets(DbSettings dbSettings) {
        if (noReplicas) {
            return List.of();
        }
        if (!replicaUrls.isEmpty() && dbSettings.isEmbedded()) {
            throw new ParameterException(
                    db.spec.commandLine(),
                    "--replica-url goes with --jdbc-url; the embedded PostgreSQL's replicas"
                            + " ('crmbench db start --replicas N') are found by themselves.");
        }
        if (!dbSettings.isEmbedded()) {
            ConnectionTarget primary = dbSettings.target();
            return UsageErrors.orUsageError(db.spec, () -> replicaUrls.stream()
                    .map(url -> {
                        if (!url.strip().startsWith("jdbc:postgresql://")) {
                            throw new IllegalArgumentException(
                                    "--replica-url must start with jdbc:postgresql:// but was "
                                            + ConnectionTarget.redact(url));
                        }
                        return new ConnectionTarget(url.strip(), primary.user(), primary.password());
                    })
                    .toList());
        }
        return new EmbeddedReplicas(dbSettings.embedded()).targets();
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

    /** --list-share as a whole percentage: 12.5% is refused, not rounded. */
    private static int wholePercent(double percent) {
        if (percent != Math.rint(percent)) {
            throw new IllegalArgumentException(
                    "--list-share must be a whole percentage such as 50% but was " + percent + "%");
        }
        return (int) percent;
    }
}
