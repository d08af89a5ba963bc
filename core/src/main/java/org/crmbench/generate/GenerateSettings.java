package org.crmbench.generate;

import java.util.Objects;
import org.crmbench.schema.IndexSet;

/**
 * What {@code crmbench generate} builds.
 *
 * @param users users to generate (ids 1..users), each with one address and one relationship
 * @param chunkRows rows per COPY statement
 * @param seed the seed every value derives from
 * @param threads tables loaded, and keys and indexes built, at the same time
 * @param indexSet the secondary indexes to build ({@code baseline}: none)
 */
public record GenerateSettings(long users, int chunkRows, long seed, int threads, IndexSet indexSet) {
    public static final long DEFAULT_USERS = 1_000_000;
    public static final int DEFAULT_CHUNK_ROWS = 100_000;
    public static final long DEFAULT_SEED = 42;
    public static final int MAX_THREADS = 64;

    public GenerateSettings {
        if (users < 1) {
            throw new IllegalArgumentException("--n must be at least 1 but was " + users);
        }
        if (users > 2_000_000_000L) {
            throw new IllegalArgumentException("--n must be at most 2,000,000,000 but was " + users);
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("--chunk must be at least 1 but was " + chunkRows);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(
                    "--threads must be between 1 and " + MAX_THREADS + " but was " + threads);
        }
        Objects.requireNonNull(indexSet, "indexSet");
    }

    /**
     * One stream per table at least (four: the three tables and the read table): measured on 2
     * cores at 3,000,000 users, 3 threads loaded the three tables in 24.0 s against 27.8 s with 2,
     * because each table's commit flushes its files and the loads overlap that I/O. More cores
     * allow more parallel index builds.
     */
    public static int defaultThreads() {
        return Math.max(4, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }
}
