package org.crmbench.db;

import java.util.Objects;

/**
 * How a command reaches PostgreSQL: an explicit server ({@code target}) or, when that is null,
 * the embedded one described by {@code embedded}.
 */
public record DbSettings(ConnectionTarget target, EmbeddedSettings embedded, int poolSize, long connectionTimeoutMs) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 30_000;
    /** HikariCP's lower limit. */
    public static final long MIN_CONNECTION_TIMEOUT_MS = 250;

    public DbSettings {
        Objects.requireNonNull(embedded, "embedded");
        if (poolSize < 1 || poolSize > 1000) {
            throw new IllegalArgumentException("--pool-size must be between 1 and 1000 but was " + poolSize);
        }
        if (connectionTimeoutMs < MIN_CONNECTION_TIMEOUT_MS) {
            throw new IllegalArgumentException("the connection timeout must be at least " + MIN_CONNECTION_TIMEOUT_MS
                    + " ms but was " + connectionTimeoutMs);
        }
    }

    public DbSettings(ConnectionTarget target, EmbeddedSettings embedded, int poolSize) {
        this(target, embedded, poolSize, DEFAULT_CONNECTION_TIMEOUT_MS);
    }

    /** How long taking a connection from the pool may wait before failing (a server wants it short). */
    public DbSettings withConnectionTimeoutMs(long timeoutMs) {
        return new DbSettings(target, embedded, poolSize, timeoutMs);
    }

    public boolean isEmbedded() {
        return target == null;
    }
}
