package org.crmbench.measure;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the harness runs each scenario: {@code warmup} executions not recorded, then at
 * least {@code repeat} recorded ones, and more until {@code duration} of execution time was
 * recorded (when not zero).
 */
public record Repetition(int repeat, int warmup, Duration duration) {
    /** Five executions give a p50 and show a p99 (bench's default, and advise's per statement). */
    public static final int DEFAULT_REPEAT = 5;

    /**
     * Five. For advise: it prepares its statements on the server from their first execution, so PostgreSQL
     * makes its custom/generic plan choice at the sixth, and what is measured is what a server sees
     * after a while (pgjdbc's default threshold puts that choice at a server's tenth execution).
     * Measured before that choice, an index that only the custom plans use looked good
     * (city=london&amp;tier=bronze&amp;ordering=last_name&amp;page=20: 4.3 ms in advise, 65 ms in
     * bench with 5 + 20 executions, generic plan). Warm-ups run only where the generic plan differs
     * from the custom one, and once per SQL text after each index is built or dropped.
     */
    public static final int DEFAULT_WARMUP = 5;

    public Repetition {
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
    }
}
