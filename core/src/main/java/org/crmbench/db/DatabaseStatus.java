package org.crmbench.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.crmbench.schema.CrmbenchSchema;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What {@code crmbench db status} reports.
 *
 * @param serverVersion PostgreSQL's {@code server_version}, empty when the server was not started
 * @param runningBefore the embedded server that was already running, empty if none (or external)
 * @param dataDir the embedded data directory, empty for an external server
 * @param sizeBytes bytes on disk: the data directory, or the database for an external server
 * @param url a libpq URL without password, for psql and pgbench
 * @param rowCounts rows per table, empty when the schema does not exist (or the server was not started)
 * @param replication the streaming replicas connected to the server, by application name
 *     ({@code crmbench_replica_N} for the embedded ones): how far each is behind
 */
public record DatabaseStatus(
        Optional<String> serverVersion,
        Optional<EmbeddedPostgresServer.RunningServer> runningBefore,
        Optional<Path> dataDir,
        long sizeBytes,
        String url,
        Optional<Map<String, Long>> rowCounts,
        Map<String, ReplicaLag> replication) {

    /**
     * @param bytes WAL the primary wrote that the replica has not replayed yet
     * @param seconds PostgreSQL's replay_lag: how long recent commits took to be replayed (empty
     *     when the replica is idle and caught up)
     */
    public record ReplicaLag(long bytes, Optional<Double> seconds) {}

    /** Reads the status; an embedded server that is not running is started only if its data exists. */
    public static DatabaseStatus read(DbSettings settings) {
        if (!settings.isEmbedded()) {
            try (Database db = Database.open(settings)) {
                long size = db.dsl().fetchValue(DSL.field("pg_database_size(current_database())", Long.class));
                return new DatabaseStatus(
                        Optional.of(serverVersion(db.dsl())),
                        Optional.empty(),
                        Optional.empty(),
                        size,
                        db.target().libpqUrl(),
                        rowCounts(db.dsl()),
                        replication(db.dsl()));
            }
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings.embedded());
        Optional<EmbeddedPostgresServer.RunningServer> running = server.running();
        Path dataDir = settings.embedded().dataDir();
        int port = running.map(EmbeddedPostgresServer.RunningServer::port)
                .orElse(settings.embedded().port());
        String url = server.libpqUrl(port);
        if (running.isEmpty() && !server.dataExists()) {
            return new DatabaseStatus(
                    Optional.empty(), running, Optional.of(dataDir), 0, url, Optional.empty(), Map.of());
        }
        try (Database db = Database.open(settings)) {
            String version = serverVersion(db.dsl());
            Optional<Map<String, Long>> counts = rowCounts(db.dsl());
            return new DatabaseStatus(
                    Optional.of(version),
                    running,
                    Optional.of(dataDir),
                    server.dataSizeBytes(),
                    url,
                    counts,
                    replication(db.dsl()));
        }
    }

    private static String serverVersion(DSLContext dsl) {
        return String.valueOf(dsl.fetchValue("show server_version"));
    }

    private static Map<String, ReplicaLag> replication(DSLContext dsl) {
        Map<String, ReplicaLag> lags = new java.util.TreeMap<>();
        for (var r : dsl.fetch("select application_name, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,"
                + " extract(epoch from replay_lag)::float8 from pg_stat_replication")) {
            lags.put(
                    r.get(0, String.class),
                    new ReplicaLag(
                            r.get(1, Long.class) == null ? 0 : r.get(1, Long.class),
                            Optional.ofNullable(r.get(2, Double.class))));
        }
        return lags;
    }

    private static Optional<Map<String, Long>> rowCounts(DSLContext dsl) {
        return CrmbenchSchema.exists(dsl) ? Optional.of(CrmbenchSchema.rowCounts(dsl)) : Optional.empty();
    }
}
