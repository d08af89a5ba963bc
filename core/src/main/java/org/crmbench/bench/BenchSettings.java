package org.crmbench.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code crmbench bench} measures and where it writes.
 *
 * @param repeat measured executions per scenario and mode (at least; see duration)
 * @param warmup executions before measuring, not recorded
 * @param duration if not zero, keep executing until this much time was measured (after repeat)
 * @param scenarios scenario names to run, in order; empty means all
 * @param baseline measure the baseline state first
 * @param out the reports folder
 * @param indexFile the index file ({@code null}: the shipped indexes.sql)
 * @param seed seed of the random user ids
 */
public record BenchSettings(
        int repeat,
        int warmup,
        Duration duration,
        List<String> scenarios,
        boolean baseline,
        Path out,
        Path indexFile,
        long seed) {
    public static final int DEFAULT_REPEAT = 5;
    public static final int DEFAULT_WARMUP = 5;

    public BenchSettings {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1 but was " + repeat);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be at least 0 but was " + warmup);
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--duration must not be negative but was " + duration);
        }
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(out, "out");
    }
}
