package org.crmbench.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code crmbench serve} listens.
 *
 * @param bind the address to listen on
 * @param port the TCP port (0: any free port)
 * @param poolSize database connections; also the length of the fair queue's front
 * @param drainTimeout how long a stop waits for in-flight requests
 * @param maxResultWindow the deepest row a page number reaches; deeper pages need the cursor
 */
public record ServerSettings(String bind, int port, int poolSize, Duration drainTimeout, long maxResultWindow) {
    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /**
     * Four connections per core: on 2 cores, 8 served 12,900 lookups/s with p99 14 ms at 64
     * connections, where 16 served 11,800/s with p99 72 ms (more backends than cores contend).
     */
    public static final int DEFAULT_POOL_SIZE =
            Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Elasticsearch's max_result_window: OFFSET reads and throws away every row before the page,
     * so a page number's cost grows with its depth; a cursor's does not.
     */
    public static final long DEFAULT_MAX_RESULT_WINDOW = 10_000;

    /** Every default, on a port chosen by the system: what tests start and then adjust. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_BIND, 0, DEFAULT_POOL_SIZE, DEFAULT_DRAIN_TIMEOUT, DEFAULT_MAX_RESULT_WINDOW);
    }

    public ServerSettings withPoolSize(int connections) {
        return new ServerSettings(bind, port, connections, drainTimeout, maxResultWindow);
    }

    public ServerSettings withDrainTimeout(Duration timeout) {
        return new ServerSettings(bind, port, poolSize, timeout, maxResultWindow);
    }

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("--bind must be an address such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535 but was " + port);
        }
        if (poolSize < 1 || poolSize > 1000) {
            throw new IllegalArgumentException("--pool-size must be between 1 and 1000 but was " + poolSize);
        }
        if (maxResultWindow < 1) {
            throw new IllegalArgumentException("--max-result-window must be at least 1 but was " + maxResultWindow);
        }
    }
}
