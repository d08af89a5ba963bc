package org.crmbench.server;

import java.time.Duration;
import java.util.Objects;
import org.crmbench.api.UsersApi;

/**
 * How {@code crmbench serve} listens and how it bounds the work of one request. Every limit is
 * an option of serve with the default below and the reason for it.
 *
 * @param bind the address to listen on
 * @param port the TCP port (0: any free port)
 * @param poolSize database connections, each owned by one worker thread
 * @param listConnections of those, how many may run list requests at once; the others serve
 *     lookups (detail, run-query) only, so lists cannot take every connection
 * @param listSharePercent while lookups are coming in, the share of its time a list worker may
 *     spend on requests: after a list request that held it for t, it rests t × (100 − share) /
 *     share before taking the next one (100: no rest). Lists cost what they cost; this bounds how
 *     often that cost lands beside the lookups
 * @param lookupBatch the most lookups waiting together that share one statement (1: each alone)
 * @param listBatch the most identical list requests waiting together that share one read (1: each alone)
 * @param drainTimeout how long a stop waits for in-flight requests before cancelling them
 * @param maxResultWindow the deepest row a page number reaches; deeper pages need the cursor
 * @param statementTimeout PostgreSQL's statement_timeout on every connection: a statement running
 *     longer is cancelled by the server and the request answered 503
 * @param queueTimeout how long a request may wait for a worker; at that deadline it gets its 503
 * @param poolWait how long a worker waits for a connection from the pool (only when the database is down)
 * @param idleTimeout an HTTP connection with no traffic for this long is closed
 * @param headerTimeout a new HTTP connection that has not sent a whole request within this long is
 *     closed (slowloris: headers sent a byte at a time keep the idle timeout from firing)
 * @param maxConnections open HTTP connections at most; beyond, new ones wait in the accept queue
 */
public record ServerSettings(
        String bind,
        int port,
        int poolSize,
        int listConnections,
        int listSharePercent,
        int lookupBatch,
        int listBatch,
        Duration drainTimeout,
        long maxResultWindow,
        Duration statementTimeout,
        Duration queueTimeout,
        Duration poolWait,
        Duration idleTimeout,
        Duration headerTimeout,
        int maxConnections) {
    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /**
     * Half the cores for lists (at least one): lists can then never hold every core at once, and
     * lookups keep the rest. On 2 cores beside 16 clients looping on the dearest list request
     * (scripts/hostile-serve.sh), lookups' p99 was 124 ms with 2 list connections and 69 ms with
     * 1, both at a 50% share, for 11.3 against 9.2 lists/s. Raise it for list-heavy traffic.
     */
    public static final int DEFAULT_LIST_CONNECTIONS =
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /**
     * A lookup connection per core, beside the list connections. Lookups waiting together share
     * statements ({@link #DEFAULT_LOOKUP_BATCH}), so more lookup connections only split them into
     * smaller statements and add threads that contend for the cores: reports/serve-comparison.txt
     * measures these defaults against the same server with 8 connections on 2 cores (the earlier
     * default, 4 per core, chosen when every lookup ran alone).
     */
    public static final int DEFAULT_POOL_SIZE = Runtime.getRuntime().availableProcessors() + DEFAULT_LIST_CONNECTIONS;
    /**
     * Half: in the same runs, lists resting as long as they ran took lookups' p99 from 290 ms
     * (no rest, a list connection per core) to 69 ms; lists under contention are slow anyway, so
     * their throughput moved little (11.4 to 9.2 per second). reports/hostile-serve.txt.
     */
    public static final int DEFAULT_LIST_SHARE_PERCENT = 50;
    /**
     * The most lookups that wait for a connection together and share one statement
     * ({@code id = any(?)}); 1 runs each alone. A lookup never waits for others to come: only those
     * already waiting when a connection frees up are taken together, and only while two or more
     * per lookup worker wait, so light traffic runs one at a time. reports/serve-comparison.txt
     * measures both.
     */
    public static final int DEFAULT_LOOKUP_BATCH = 64;
    /**
     * The bound of --lookup-batch and --list-batch, not a measured optimum: each worker takes at
     * most its share of those waiting anyway, and 1,000 is far beyond the 22 lookups per statement
     * and 32-33 list requests per read measured at up to 1,000 connections
     * (reports/serve-comparison.txt).
     */
    public static final int MAX_BATCH = 1000;
    /**
     * The most identical list requests (the same parameters) that wait for a list connection
     * together and share one read of their page and count; 1 runs each alone. As for lookups,
     * only those already waiting are taken together, at most a worker's share of them; each one
     * taken saves a whole statement. reports/serve-comparison.txt measures both.
     */
    public static final int DEFAULT_LIST_BATCH = 64;

    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Every request the API accepts runs in milliseconds at millions of rows (bench --surface);
     * three seconds is far beyond that and still short enough that a stuck statement does not
     * hold a connection for long.
     */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * At 13,000 requests/s from 1,000 users a request waits about 80 ms for its turn; two
     * seconds of waiting means the database is down or overloaded, and the client is better
     * told so (503, Retry-After) than kept waiting.
     */
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(2);
    /** The pool only waits when the database is unreachable: 503 after 2 s, not HikariCP's 30 s. */
    public static final Duration DEFAULT_POOL_WAIT = Duration.ofSeconds(2);
    /** Keep-alive connections of load tests and browsers reuse a connection within seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** A request line and headers take milliseconds to send; ten seconds is generous. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** Ten times the 1,000 users of the original load test; each idle connection costs a few KB. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("--bind must be an address such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535 but was " + port);
        }
        if (poolSize < 2 || poolSize > 1000) {
            throw new IllegalArgumentException("--pool-size must be between 2 and 1000 but was " + poolSize);
        }
        if (listConnections < 1 || listConnections >= poolSize) {
            throw new IllegalArgumentException("--list-connections must be at least 1 and below --pool-size ("
                    + poolSize + ") but was " + listConnections);
        }
        if (listSharePercent < 1 || listSharePercent > 100) {
            throw new IllegalArgumentException(
                    "--list-share must be between 1% and 100% but was " + listSharePercent + "%");
        }
        batch("--lookup-batch", lookupBatch);
        batch("--list-batch", listBatch);
        positive("--drain-timeout", drainTimeout);
        if (maxResultWindow < 1) {
            throw new IllegalArgumentException("--max-result-window must be at least 1 but was " + maxResultWindow);
        }
        atLeastMs("--statement-timeout", statementTimeout, 1);
        atLeastMs("--queue-timeout", queueTimeout, 1);
        atLeastMs("--pool-wait", poolWait, 250); // HikariCP's lower limit
        atLeastMs("--idle-timeout", idleTimeout, 100);
        atLeastMs("--header-timeout", headerTimeout, 100);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections must be at least 1 but was " + maxConnections);
        }
    }

    /** Every default, on a port chosen by the system: what tests start and then adjust. */
    public static ServerSettings defaults() {
        return new ServerSettings(
                DEFAULT_BIND,
                0,
                DEFAULT_POOL_SIZE,
                Math.min(DEFAULT_LIST_CONNECTIONS, DEFAULT_POOL_SIZE - 1),
                DEFAULT_LIST_SHARE_PERCENT,
                DEFAULT_LOOKUP_BATCH,
                DEFAULT_LIST_BATCH,
                DEFAULT_DRAIN_TIMEOUT,
                UsersApi.DEFAULT_MAX_RESULT_WINDOW,
                DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_QUEUE_TIMEOUT,
                DEFAULT_POOL_WAIT,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_HEADER_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS);
    }

    /** {@code connections} in all, {@code lists} of them for lists, busy at most {@code listSharePercent}. */
    public ServerSettings withConnections(int connections, int lists, int listSharePercent) {
        return toBuilder()
                .poolSize(connections)
                .listConnections(lists)
                .listSharePercent(listSharePercent)
                .build();
    }

    public ServerSettings withTimeouts(Duration statement, Duration queue, Duration drain) {
        return toBuilder()
                .statementTimeout(statement)
                .queueTimeout(queue)
                .drainTimeout(drain)
                .build();
    }

    public ServerSettings withConnectionLimits(Duration idle, Duration header, int connections) {
        return toBuilder()
                .idleTimeout(idle)
                .headerTimeout(header)
                .maxConnections(connections)
                .build();
    }

    /** These settings to change some of: the one place besides the record that lists every field. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bind = bind;
        b.port = port;
        b.poolSize = poolSize;
        b.listConnections = listConnections;
        b.listSharePercent = listSharePercent;
        b.lookupBatch = lookupBatch;
        b.listBatch = listBatch;
        b.drainTimeout = drainTimeout;
        b.maxResultWindow = maxResultWindow;
        b.statementTimeout = statementTimeout;
        b.queueTimeout = queueTimeout;
        b.poolWait = poolWait;
        b.idleTimeout = idleTimeout;
        b.headerTimeout = headerTimeout;
        b.maxConnections = maxConnections;
        return b;
    }

    /** Settings built field by field; {@link #build} checks them as the record does. */
    public static final class Builder {
        private String bind;
        private int port;
        private int poolSize;
        private int listConnections;
        private int listSharePercent;
        private int lookupBatch;
        private int listBatch;
        private Duration drainTimeout;
        private long maxResultWindow;
        private Duration statementTimeout;
        private Duration queueTimeout;
        private Duration poolWait;
        private Duration idleTimeout;
        private Duration headerTimeout;
        private int maxConnections;

        private Builder() {}

        public Builder bind(String value) {
            bind = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder poolSize(int value) {
            poolSize = value;
            return this;
        }

        public Builder listConnections(int value) {
            listConnections = value;
            return this;
        }

        public Builder listSharePercent(int value) {
            listSharePercent = value;
            return this;
        }

        public Builder lookupBatch(int value) {
            lookupBatch = value;
            return this;
        }

        public Builder listBatch(int value) {
            listBatch = value;
            return this;
        }

        public Builder drainTimeout(Duration value) {
            drainTimeout = value;
            return this;
        }

        public Builder maxResultWindow(long value) {
            maxResultWindow = value;
            return this;
        }

        public Builder statementTimeout(Duration value) {
            statementTimeout = value;
            return this;
        }

        public Builder queueTimeout(Duration value) {
            queueTimeout = value;
            return this;
        }

        public Builder poolWait(Duration value) {
            poolWait = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder headerTimeout(Duration value) {
            headerTimeout = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(
                    bind,
                    port,
                    poolSize,
                    listConnections,
                    listSharePercent,
                    lookupBatch,
                    listBatch,
                    drainTimeout,
                    maxResultWindow,
                    statementTimeout,
                    queueTimeout,
                    poolWait,
                    idleTimeout,
                    headerTimeout,
                    maxConnections);
        }
    }

    /** The database connections that serve lookups only. */
    public int lookupConnections() {
        return poolSize - listConnections;
    }

    private static void batch(String option, int most) {
        if (most < 1 || most > MAX_BATCH) {
            throw new IllegalArgumentException(option + " must be between 1 and " + MAX_BATCH + " but was " + most);
        }
    }

    private static void positive(String option, Duration d) {
        Objects.requireNonNull(d, option);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be above 0 but was " + d);
        }
    }

    private static void atLeastMs(String option, Duration d, long minMs) {
        Objects.requireNonNull(d, option);
        if (d.toMillis() < minMs) {
            throw new IllegalArgumentException(
                    option + " must be at least " + minMs + " ms but was " + d.toMillis() + " ms");
        }
    }
}
