package org.crmbench.db;

import java.time.Duration;
import java.util.Objects;

/**
 * How a command reaches PostgreSQL: an explicit server ({@code target}) or, when that is null,
 * the embedded one described by {@code embedded}.
 *
 * @param statementTimeout PostgreSQL's statement_timeout set on every new connection (zero: none)
 */
public record DbSettings(
        ConnectionTarget target,
        EmbeddedSettings embedded,
        int poolSize,
        long connectionTimeoutMs,
        Duration statementTimeout) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 30_000;
    /** HikariCP's lower limit. */
    public static final long MIN_CONNECTION_TIMEOUT_MS = 250;

    public DbSettings {
        Objects.requireNonNull(embedded, "embedded");
        if (poolSize < 1 || poolSize > 1000) {
            throw new IllegalArgumentException(
                    "the database connection pool needs between 1 and 1000 connections but was given " + poolSize);
        }
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (connectionTimeoutMs < MIN_CONNECTION_TIMEOUT_MS) {
            throw new IllegalArgumentException("the connection timeout must be at least " + MIN_CONNECTION_TIMEOUT_MS
                    + " ms but was " + connectionTimeoutMs);
        }
    }

    public DbSettings(ConnectionTarget target, EmbeddedSettings embedded, int poolSize) {
        this(target, embedded, poolSize, DEFAULT_CONNECTION_TIMEOUT_MS, Duration.ZERO);
    }

    /** How long taking a connection from the pool may wait before failing (a server wants it short). */
    public DbSettings withConnectionTimeoutMs(long timeoutMs) {
        return new DbSettings(target, embedded, poolSize, timeoutMs, statementTimeout);
    }

    /** PostgreSQL's statement_timeout on every connection of the pool (zero: the server's own). */
    public DbSettings withStatementTimeout(Duration timeout) {
        return new DbSettings(target, embedded, poolSize, connectionTimeoutMs, timeout);
    }

    public boolean isEmbedded() {
        return target == null;
    }
}
