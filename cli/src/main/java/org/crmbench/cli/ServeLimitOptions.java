package org.crmbench.cli;

import java.time.Duration;
import org.crmbench.api.UsersApi;
import org.crmbench.server.ServerSettings;
import picocli.CommandLine.Option;

/** How serve bounds the work of one request: connections, lanes, time budgets, the result window. */
final class ServeLimitOptions {
    @Option(
            names = "--pool-size",
            paramLabel = "N",
            description = "Database connections, one worker thread each (default: one per core for lookups, which"
                    + " share statements when they wait together, plus the list connections; raise it with"
                    + " --lookup-batch 1).")
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
            converter = WholePercentConverter.class,
            description = "While lookups are coming in, the share of its time a list worker may be busy: it rests"
                    + " after each list request in proportion to that request's cost, so dear lists cannot"
                    + " crowd lookups off the CPU; 100%% never rests (default: 50%%).")
    int listShare = ServerSettings.DEFAULT_LIST_SHARE_PERCENT;

    @Option(
            names = "--lookup-batch",
            paramLabel = "N",
            defaultValue = "" + ServerSettings.DEFAULT_LOOKUP_BATCH,
            description = "Lookups by id that are waiting for a connection together share one statement, at most"
                    + " N of them; none waits for others to come, so light traffic runs one at a time; 1 runs"
                    + " each alone (default ${DEFAULT-VALUE}).")
    int lookupBatch;

    @Option(
            names = "--list-batch",
            paramLabel = "N",
            defaultValue = "" + ServerSettings.DEFAULT_LIST_BATCH,
            description = "Identical list requests (the same parameters) waiting for a connection together share"
                    + " one read of their page and count, at most N of them; 1 runs each alone"
                    + " (default ${DEFAULT-VALUE}).")
    int listBatch;

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
            description = "Longest a request waits for a database worker; at that deadline it gets 503 (default: 2s).")
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

    /**
     * These limits for a server on {@code bind:port}; an unset pool size or list lane takes its
     * default (the lane kept below the pool).
     *
     * @throws IllegalArgumentException naming the option whose value is out of range
     */
    ServerSettings settings(String bind, int port) {
        int pool = poolSize == null ? ServerSettings.DEFAULT_POOL_SIZE : poolSize;
        int lists = listConnections == null
                ? Math.max(1, Math.min(ServerSettings.DEFAULT_LIST_CONNECTIONS, pool - 1))
                : listConnections;
        return ServerSettings.defaults().toBuilder()
                .bind(bind)
                .port(port)
                .poolSize(pool)
                .listConnections(lists)
                .listSharePercent(listShare)
                .lookupBatch(lookupBatch)
                .listBatch(listBatch)
                .drainTimeout(drainTimeout)
                .maxResultWindow(maxResultWindow)
                .statementTimeout(statementTimeout)
                .queueTimeout(queueTimeout)
                .poolWait(poolWait)
                .idleTimeout(idleTimeout)
                .headerTimeout(headerTimeout)
                .maxConnections(maxConnections)
                .build();
    }
}
