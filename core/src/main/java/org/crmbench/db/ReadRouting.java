package org.crmbench.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.crmbench.CrmbenchException;

/**
 * Where a read goes: to a usable replica, in turn, and to the primary only when none is. A
 * replica is usable while the monitor (a thread checking every host each {@link Settings#checkEvery})
 * finds it answering, in recovery and no further behind than {@link Settings#maxLag}. A read
 * that loses its replica's connection marks the replica down at once and runs again on the
 * primary (or another replica): every read the API makes is a SELECT, safe to run twice.
 *
 * <p>Why not pgjdbc's multi-host URL ({@code targetServerType=preferSecondary},
 * {@code loadBalanceHosts})? It picks a host when a connection opens, so a pooled connection
 * stays on its replica however far that falls behind, and it has no notion of lag at all; the
 * API needs both the lag limit and a switch within a request, so each host has its own HikariCP
 * pool and this class chooses per request.
 */
public final class ReadRouting implements AutoCloseable {
    /**
     * @param maxLag a replica further behind the primary than this gets no reads until it catches up
     * @param checkEvery how often each host is checked (a host lost mid-request is marked down at once)
     */
    public record Settings(Duration maxLag, Duration checkEvery) {
        /** Ten seconds: a list a little stale is fine for a CRM screen, one from minutes ago is not. */
        public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(10);
        /** Half a second: a restarted replica gets reads again within it; two cheap queries per host. */
        public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMillis(500);

        public Settings {
            if (maxLag.isNegative() || maxLag.isZero()) {
                throw new IllegalArgumentException("--max-replica-lag must be above 0 but was " + maxLag);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_MAX_LAG, DEFAULT_CHECK_EVERY);
        }
    }

    /** A replica pool waits this long for a connection before the read goes elsewhere (HikariCP's least). */
    private static final long REPLICA_POOL_WAIT_MS = 250;
    /** How long the monitor waits for a host to answer. */
    private static final int CHECK_TIMEOUT_S = 2;

    private static final String PRIMARY_POSITION = "select (case when pg_is_in_recovery()"
            + " then pg_last_wal_replay_lsn() else pg_current_wal_insert_lsn() end - '0/0'::pg_lsn)::bigint";
    private static final String REPLICA_POSITION =
            "select pg_is_in_recovery(), (coalesce(pg_last_wal_replay_lsn(), '0/0') - '0/0'::pg_lsn)::bigint";

    private final Settings settings;
    private final ReadHost primary;
    private final ConnectionTarget primaryTarget;
    private final List<ReadHost> replicas;
    private final Map<ReadHost, ConnectionTarget> replicaTargets;
    private final Map<ReadHost, Connection> checkConnections = new HashMap<>();
    private final ReplayLag replayLag;
    private final AtomicInteger turn = new AtomicInteger();
    private final LongAdder retried = new LongAdder();
    private final Thread monitor;
    private volatile boolean running = true;
    private Connection primaryCheck;

    private ReadRouting(Database database, Map<ReadHost, ConnectionTarget> replicas, Settings settings) {
        this.settings = settings;
        this.primaryTarget = database.target();
        this.primary = new ReadHost(database.target().address(), ReadHost.Role.PRIMARY, database.dataSource());
        this.replicaTargets = replicas;
        this.replicas = List.copyOf(replicas.keySet());
        this.replayLag = new ReplayLag(settings.maxLag().multipliedBy(3));
        if (this.replicas.isEmpty()) {
            monitor = null;
        } else {
            checkAll(true);
            monitor =
                    Thread.ofPlatform().name("crmbench-replica-check").daemon().start(this::watch);
        }
    }

    /** Every read on the database's own pool, as without replicas. */
    public static ReadRouting primaryOnly(Database database) {
        return new ReadRouting(database, new java.util.LinkedHashMap<>(), Settings.defaults());
    }

    /**
     * Reads spread over {@code replicas}, each with a pool like the primary's; every host is
     * checked once before this returns. A replica that refuses the login is an error (a wrong
     * password is not a replica being down); one that does not answer is kept and used once it does.
     */
    public static ReadRouting open(
            Database database, List<ConnectionTarget> replicas, DbSettings poolSettings, Settings settings) {
        Map<ReadHost, ConnectionTarget> hosts = new java.util.LinkedHashMap<>();
        try {
            for (ConnectionTarget target : replicas) {
                hosts.put(
                        new ReadHost(target.address(), ReadHost.Role.REPLICA, replicaPool(target, poolSettings)),
                        target);
            }
            return new ReadRouting(database, hosts, settings);
        } catch (RuntimeException e) {
            hosts.keySet().forEach(h -> ((HikariDataSource) h.pool()).close());
            throw e;
        }
    }

    private static HikariDataSource replicaPool(ConnectionTarget target, DbSettings poolSettings) {
        HikariConfig config = Database.poolConfig(target, poolSettings);
        config.setPoolName("crmbench-replica-" + target.address());
        config.setConnectionTimeout(REPLICA_POOL_WAIT_MS);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1); // a replica down at start is used once it answers
        return new HikariDataSource(config);
    }

    /**
     * Runs a read on the host its turn gives; if that replica's connection is lost (or it
     * cancels the read to replay WAL), marks it and runs the read once more elsewhere.
     */
    public <T> T read(SqlWork<T> work) throws SQLException {
        ReadHost host = choose(null);
        try {
            return host.run(work);
        } catch (SQLException e) {
            if (host == primary || !hostUnavailable(e)) {
                throw e;
            }
            if (!isRecoveryConflict(e)) {
                host.down("lost by a request: " + CrmbenchException.firstLine(e.getMessage()));
            }
            retried.increment();
            return choose(host).run(work);
        }
    }

    /** The next usable replica in turn (other than {@code not}), else the primary. */
    private ReadHost choose(ReadHost not) {
        int n = replicas.size();
        if (n == 0) {
            return primary;
        }
        int start = Math.floorMod(turn.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            ReadHost candidate = replicas.get((start + i) % n);
            if (candidate != not && candidate.usable(settings.maxLag())) {
                return candidate;
            }
        }
        return primary;
    }

    /**
     * The host could not serve the read, though another may: a lost or refused connection, a
     * server going down or full, or a standby cancelling the read to replay WAL.
     */
    public static boolean hostUnavailable(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return e instanceof SQLTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("57P")
                || state.equals("53300")
                || isRecoveryConflict(e);
    }

    /** "canceling statement due to conflict with recovery": the replica is fine, the read was unlucky. */
    private static boolean isRecoveryConflict(SQLException e) {
        return "40001".equals(e.getSQLState());
    }

    /** Reads that lost their replica and ran again elsewhere. */
    public long retried() {
        return retried.sum();
    }

    /** Every host, the primary first. */
    public List<ReadHost.Status> hosts() {
        List<ReadHost.Status> all = new ArrayList<>();
        boolean replicaUsable = replicas.stream().anyMatch(r -> r.usable(settings.maxLag()));
        ReadHost.Status p = primary.status(settings.maxLag());
        all.add(new ReadHost.Status(
                p.address(),
                p.role(),
                !replicaUsable,
                Optional.empty(),
                p.statements(),
                replicas.isEmpty()
                        ? "every read"
                        : replicaUsable ? "reads when no replica is usable" : "every read: no replica is usable"));
        replicas.forEach(r -> all.add(r.status(settings.maxLag())));
        return all;
    }

    public boolean hasReplicas() {
        return !replicas.isEmpty();
    }

    public Settings settings() {
        return settings;
    }

    private void watch() {
        long every = settings.checkEvery().toNanos();
        while (running) {
            LockSupport.parkNanos(every);
            if (running) {
                checkAll(false);
            }
        }
    }

    /**
     * The primary's position first, then each replica's against it. At the first check a
     * replica refusing the login is an error; later it is a replica down like any other.
     */
    private void checkAll(boolean first) {
        try {
            primaryCheck = primaryCheck != null ? primaryCheck : checkConnection(primaryTarget);
            try (PreparedStatement s = primaryCheck.prepareStatement(PRIMARY_POSITION);
                    ResultSet r = s.executeQuery()) {
                r.next();
                replayLag.primaryAt(System.nanoTime(), r.getLong(1));
            }
        } catch (SQLException e) {
            primaryCheck = closeQuietly(primaryCheck); // lag stays unknown until the primary answers
        }
        for (ReadHost replica : replicas) {
            check(replica, first);
        }
    }

    private void check(ReadHost replica, boolean first) {
        Connection c = checkConnections.get(replica);
        try {
            if (c == null) {
                c = checkConnection(replicaTargets.get(replica));
                checkConnections.put(replica, c);
            }
            try (PreparedStatement s = c.prepareStatement(REPLICA_POSITION);
                    ResultSet r = s.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    replica.down("not in recovery: a primary, not a replica of it");
                    return;
                }
                replica.checked(replayLag.of(r.getLong(2), System.nanoTime()));
            }
        } catch (SQLException e) {
            checkConnections.put(replica, closeQuietly(c));
            boolean loginRefused = "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
            if (first && loginRefused) {
                throw new CrmbenchException(
                        "The replica " + replicaTargets.get(replica).redactedUrl() + " refused the login: "
                                + CrmbenchException.firstLine(e.getMessage()),
                        e);
            }
            replica.down("not answering: " + CrmbenchException.firstLine(e.getMessage()));
        }
    }

    private static Connection checkConnection(ConnectionTarget target) throws SQLException {
        return target.connect(Map.of(
                "connectTimeout", Integer.toString(CHECK_TIMEOUT_S),
                "socketTimeout", Integer.toString(CHECK_TIMEOUT_S),
                "ApplicationName", "crmbench-check"));
    }

    private static Connection closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
        return null;
    }

    /** Stops checking and closes the replicas' pools (the primary's belongs to its {@link Database}). */
    @Override
    public void close() {
        running = false;
        if (monitor != null) {
            LockSupport.unpark(monitor);
            try {
                monitor.join(Duration.ofSeconds(CHECK_TIMEOUT_S * 2L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        primaryCheck = closeQuietly(primaryCheck);
        checkConnections.replaceAll((host, c) -> closeQuietly(c));
        replicas.forEach(r -> ((HikariDataSource) r.pool()).close());
    }
}
