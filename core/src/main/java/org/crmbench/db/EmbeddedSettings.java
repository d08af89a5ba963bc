package org.crmbench.db;

import java.nio.file.Path;
import java.util.Objects;

/** The embedded PostgreSQL used when no --jdbc-url is given: where its data lives and its port. */
public record EmbeddedSettings(Path dataDir, int port) {
    public static final int DEFAULT_PORT = 54320;

    public EmbeddedSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--db-port must be between 1 and 65535 but was " + port);
        }
    }

    /** {@code ~/.crmbench/pgdata}: persistent across runs, private to the user. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".crmbench", "pgdata");
    }

    /** The server's log file, beside the data directory (initdb wants an empty directory). */
    public Path logFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }
}
