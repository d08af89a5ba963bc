package org.crmbench.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the harness runs each scenario: {@code warmup} executions not recorded, then at
 * least {@code repeat} recorded ones, and more until {@code duration} of execution time was
 * recorded (when not zero).
 */
public record Repetition(int repeat, int warmup, Duration duration) {
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
