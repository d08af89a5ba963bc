package org.crmbench.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A first-come-first-served queue in front of the connection pool. HikariCP hands connections to
 * whichever waiting thread wins the race, so under overload some requests wait far longer than
 * others; a fair semaphore sized to the pool makes waiting FIFO, which is what decides the tail.
 */
final class FairConnections {
    private final DataSource dataSource;
    private final Semaphore permits;
    private final long timeoutMs;

    FairConnections(DataSource dataSource, int poolSize, long timeoutMs) {
        this.dataSource = dataSource;
        this.permits = new Semaphore(poolSize, true);
        this.timeoutMs = timeoutMs;
    }

    /** Runs {@code work} on a connection; waiting longer than the timeout is a 503. */
    <T> T withConnection(SqlWork<T> work) throws SQLException {
        try {
            if (!permits.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw ApiError.databaseUnavailable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.databaseUnavailable();
        }
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } finally {
            permits.release();
        }
    }

    /** Requests waiting for a connection now. */
    int waiting() {
        return permits.getQueueLength();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
