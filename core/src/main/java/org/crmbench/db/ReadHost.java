package org.crmbench.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * One server that reads can go to, with its own connection pool, and what the last check (and
 * the last request) found out about it. Its state changes on the router's monitor thread and on
 * request threads; requests only read it.
 */
public final class ReadHost {
    /** Whether the server takes writes (the one the other commands use) or follows one. */
    public enum Role {
        PRIMARY,
        REPLICA;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What is known about a host now.
     *
     * @param address host:port, no login
     * @param usable whether reads go to it now
     * @param lag its replay lag, empty when unknown (a primary, or no answer)
     * @param statements requests it served (each its list or lookup statements)
     * @param state why it is or is not used, in a few words
     */
    public record Status(
            String address, Role role, boolean usable, Optional<Duration> lag, long statements, String state) {}

    private final String address;
    private final Role role;
    private final DataSource pool;
    private final LongAdder statements = new LongAdder();
    private volatile boolean answering = true;
    private volatile Optional<Duration> lag = Optional.empty();
    private volatile String state;

    ReadHost(String address, Role role, DataSource pool) {
        this.address = address;
        this.role = role;
        this.pool = pool;
        this.state = "not checked yet";
    }

    /** Runs {@code work} on a connection of this host's pool; counts it when it succeeds. */
    <T> T run(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            T result = work.apply(c);
            statements.increment();
            return result;
        }
    }

    /** Usable within {@code maxLag}: answering, a replica, and not further behind (or lag unknown). */
    boolean usable(Duration maxLag) {
        return answering && lag.map(l -> l.compareTo(maxLag) <= 0).orElse(true);
    }

    /** The check reached it: it follows the primary with {@code lag} (empty: not measurable now). */
    void checked(Optional<Duration> lag) {
        this.lag = lag;
        this.answering = true;
        this.state = lag.map(l -> "replay lag " + l.toMillis() + " ms").orElse("lag unknown (primary not sampled)");
    }

    /** A request or the check lost its connection, or it cannot be used: no reads until a check says otherwise. */
    void down(String why) {
        this.answering = false;
        this.lag = Optional.empty();
        this.state = why;
    }

    DataSource pool() {
        return pool;
    }

    public String address() {
        return address;
    }

    public Role role() {
        return role;
    }

    Status status(Duration maxLag) {
        boolean usable = usable(maxLag);
        String shown = answering && !usable ? state + ", over the " + maxLag.toMillis() + " ms limit" : state;
        return new Status(address, role, usable, lag, statements.sum(), shown);
    }
}
