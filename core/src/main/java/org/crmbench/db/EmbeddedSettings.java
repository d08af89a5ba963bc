package org.crmbench.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded PostgreSQL used when no --jdbc-url is given: where its data lives, its port, and
 * crmbench's own directory ({@code ~/.crmbench}, private to the user), which holds the server
 * binaries every data directory shares.
 */
public record EmbeddedSettings(Path dataDir, int port, Path home) {
    public static final int DEFAULT_PORT = 54320;

    public EmbeddedSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(home, "home");
        dataDir = dataDir.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--db-port must be between 1 and 65535 but was " + port);
        }
    }

    /** A data directory and port with the user's own {@code ~/.crmbench}. */
    public EmbeddedSettings(Path dataDir, int port) {
        this(dataDir, port, defaultHome());
    }

    /** {@code ~/.crmbench}: crmbench's directory, readable by its user only. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".crmbench");
    }

    /** {@code ~/.crmbench/pgdata}: persistent across runs, private to the user. */
    public static Path defaultDataDir() {
        return defaultHome().resolve("pgdata");
    }

    /** The server's log file, beside the data directory (initdb wants an empty directory). */
    public Path logFile() {
        return sibling(".log");
    }

    /**
     * The superuser's password, beside the data directory, in the format of libpq's password
     * file so that psql and pgbench read it too ({@code passfile=} in a connection URI).
     */
    public Path passwordFile() {
        return sibling(".pgpass");
    }

    /** Unpacked server binaries, shared by all data directories of this user. */
    public Path binariesDir() {
        return home.resolve("postgres-binaries");
    }

    private Path sibling(String suffix) {
        return dataDir.resolveSibling(dataDir.getFileName() + suffix);
    }

    /** Where the primary keeps how many replicas it has (absent without replicas). */
    Path replicaCountFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".replicas");
    }

    /** Whether the data directory must keep replica-level WAL: a primary with replicas, or a replica. */
    boolean needsReplicaWal() {
        return java.nio.file.Files.exists(replicaCountFile())
                || java.nio.file.Files.exists(dataDir.resolve("standby.signal"));
    }
}
