package org.crmbench.db;

import java.util.Objects;

/**
 * How a command reaches PostgreSQL: an explicit server ({@code target}) or, when that is null,
 * the embedded one described by {@code embedded}.
 */
public record DbSettings(ConnectionTarget target, EmbeddedSettings embedded, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public DbSettings {
        Objects.requireNonNull(embedded, "embedded");
        if (poolSize < 1 || poolSize > 1000) {
            throw new IllegalArgumentException("--pool-size must be between 1 and 1000 but was " + poolSize);
        }
    }

    public boolean isEmbedded() {
        return target == null;
    }
}
