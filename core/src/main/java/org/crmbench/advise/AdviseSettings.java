package org.crmbench.advise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.crmbench.bench.Repetition;

/**
 * How advise measures and what it may recommend.
 *
 * @param repetition the bench harness's warm-up and measured executions, per statement and state
 * @param cap the statement timeout while measuring: a statement slower than this is recorded as
 *     "over the cap" rather than waited for (without indexes, a list request on millions of rows
 *     takes seconds, and there are hundreds of them)
 * @param maxSizeBytes the most disk the recommended indexes may take together; 0 for no limit
 * @param maxCandidates the most candidates built and measured (the most widely useful first)
 * @param out the folder the run's reports go in (a subfolder per run)
 */
public record AdviseSettings(Repetition repetition, Duration cap, long maxSizeBytes, int maxCandidates, Path out) {
    /** As bench's: five executions give a p50; advise measures hundreds of statements per candidate. */
    public static final int DEFAULT_REPEAT = org.crmbench.bench.BenchSettings.DEFAULT_REPEAT;
    /** One: the same statement with the same values runs again, so its pages are cached after the first. */
    public static final int DEFAULT_WARMUP = 1;

    public static final Duration DEFAULT_CAP = Duration.ofMillis(200);
    public static final int DEFAULT_MAX_CANDIDATES = 60;

    public AdviseSettings {
        Objects.requireNonNull(repetition, "repetition");
        if (cap.toMillis() < 1) {
            throw new IllegalArgumentException("--cap must be at least 1ms but was " + cap.toMillis() + "ms");
        }
        if (maxSizeBytes < 0) {
            throw new IllegalArgumentException("--max-size must not be negative");
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("--max-candidates must be at least 1 but was " + maxCandidates);
        }
        Objects.requireNonNull(out, "out");
    }

    public double capMs() {
        return cap.toNanos() / 1e6;
    }
}
