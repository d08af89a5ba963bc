package org.crmbench.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.crmbench.schema.CrmbenchSchema;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * An open connection pool to the PostgreSQL a command works on. For the embedded default it uses
 * the server already running on the data directory, or starts one for its own lifetime and stops
 * it on {@link #close()}.
 */
public final class Database implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_S = 5;
    /**
     * No parallel workers for the pool's statements. The API's reads are a few milliseconds each: a
     * worker costs more to start than it saves, and under concurrent requests it takes the core
     * another request needed. Measured on the list's dearest pages (scripts/list-plan-costs.sh:
     * serial faster at page_size 50 and 500). Index builds use max_parallel_maintenance_workers,
     * which this leaves alone.
     */
    private static final String SERIAL_PLANS = "SET max_parallel_workers_per_gather = 0";

    private final ConnectionTarget target;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final AutoCloseable ownedServer;
    private final List<Runnable> interruptTasks = new CopyOnWriteArrayList<>();
    private final Thread interruptHook = new Thread(this::interrupted, "crmbench-interrupt");
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(ConnectionTarget target, HikariDataSource pool, AutoCloseable ownedServer) {
        this.target = target;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES);
        this.ownedServer = ownedServer;
        Runtime.getRuntime().addShutdownHook(interruptHook);
    }

    public static Database open(DbSettings settings) {
        if (!settings.isEmbedded()) {
            return connect(settings.target(), settings, null);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings.embedded());
        Optional<EmbeddedPostgresServer.RunningServer> running = server.running();
        if (running.isPresent()) {
            return connect(server.connectTo(running.get().port()), settings, null);
        }
        AutoCloseable owned = server.startForLifetime();
        try {
            Database database = connect(server.connectTo(settings.embedded().port()), settings, owned);
            CrmbenchSchema.createIfMissing(database.dsl());
            return database;
        } catch (RuntimeException e) {
            closeQuietly(owned);
            throw e;
        }
    }

    private static Database connect(ConnectionTarget target, DbSettings settings, AutoCloseable ownedServer) {
        probe(target);
        try {
            return new Database(target, new HikariDataSource(poolConfig(target, settings)), ownedServer);
        } catch (RuntimeException e) {
            throw unreachable(target, e.getCause() instanceof SQLException sql ? sql : new SQLException(e));
        }
    }

    /** A pool of {@code settings}' size, wait and statement timeout on {@code target}. */
    static HikariConfig poolConfig(ConnectionTarget target, DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("crmbench");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(settings.poolSize(), 2));
        config.setConnectionTimeout(settings.connectionTimeoutMs());
        config.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_S);
        config.addDataSourceProperty("ApplicationName", "crmbench");
        config.setConnectionInitSql(
                settings.statementTimeout().isZero()
                        ? SERIAL_PLANS
                        : SERIAL_PLANS + "; SET statement_timeout = "
                                + settings.statementTimeout().toMillis());
        return config;
    }

    /** One plain connection first, so a wrong URL or password fails fast with one clear sentence. */
    private static void probe(ConnectionTarget target) {
        try (Connection ignored = target.connect(Map.of(
                "connectTimeout", Integer.toString(CONNECT_TIMEOUT_S),
                "loginTimeout", Integer.toString(CONNECT_TIMEOUT_S * 2)))) {
            // reachable and the login is accepted
        } catch (SQLException e) {
            throw unreachable(target, e);
        }
    }

    private static DatabaseUnreachableException unreachable(ConnectionTarget target, SQLException e) {
        String reason = String.valueOf(e.getMessage()).replaceFirst("^FATAL: ", "");
        int sentenceEnd = reason.indexOf(". ");
        if (sentenceEnd > 0) {
            reason = reason.substring(0, sentenceEnd);
        }
        return new DatabaseUnreachableException(
                "Cannot connect to PostgreSQL at " + target.redactedUrl() + ": " + reason + ".", e);
    }

    /**
     * Closes the pool's connections (idle ones now, busy ones when returned), so that what comes
     * next runs on new server processes: no server-side prepared statement or cached plan made
     * under another set of indexes carries over.
     */
    public void renewConnections() {
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    public DataSource dataSource() {
        return pool;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public ConnectionTarget target() {
        return target;
    }

    /**
     * Runs {@code task} when the JVM is stopped (Ctrl-C, SIGTERM) while this database is open:
     * after the task, an embedded server this command started is stopped, so the task can still
     * use the database (to put back what it changed).
     */
    public void onInterrupt(Runnable task) {
        interruptTasks.add(task);
    }

    public void removeInterruptTask(Runnable task) {
        interruptTasks.remove(task);
    }

    private void interrupted() {
        for (Runnable task : interruptTasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the next task and stopping the server still run
            }
        }
        if (ownedServer != null && closed.compareAndSet(false, true)) {
            closeQuietly(ownedServer);
        }
    }

    /** True when this command started the embedded server and will stop it on close. */
    public boolean ownsServer() {
        return ownedServer != null;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(interruptHook);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook stops the server after its tasks
        }
        pool.close();
        if (ownedServer != null && closed.compareAndSet(false, true)) {
            closeQuietly(ownedServer);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // stopping is best effort; zonky logs the reason
        }
    }
}
