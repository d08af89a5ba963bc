package org.crmbench.advise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.crmbench.measure.Repetition;

/**
 * How advise measures and what it may recommend.
 *
 * @param repetition the bench harness's warm-up and measured executions, per statement and state
 * @param cap the statement timeout while measuring: a statement slower than this is recorded as
 *     "over the cap" rather than waited for (without indexes, a list request on millions of rows
 *     takes seconds, and there are hundreds of them)
 * @param maxSizeBytes the most disk the recommended indexes may take together; 0 for no limit
 * @param maxCandidates the most candidates built and measured (the most widely useful first)
 * @param minSaving the least a statement's p50 must drop (besides by a fifth) to count as faster:
 *     below a millisecond an index's disk and write cost buy nothing a user of an API notices
 * @param out the folder the run's reports go in (a subfolder per run)
 */
public record AdviseSettings(
        Repetition repetition, Duration cap, long maxSizeBytes, int maxCandidates, Duration minSaving, Path out) {
    /**
     * Five times the list API's 10 ms target: a statement slower than that needs an index whatever
     * its exact time, and at 3,000,000 users nearly every statement is, in the state without
     * indexes (990 statements at 200 ms each were 3 of advise's minutes).
     */
    public static final int DEFAULT_CAP_MS = 50;

    /**
     * The statement timeout also bounds the EXPLAINs advise asks the planner: at 1 ms, planning a
     * list statement on the partitioned read table was cancelled and the run failed.
     */
    public static final int MIN_CAP_MS = 10;

    public static final int DEFAULT_MAX_CANDIDATES = 60;
    public static final int DEFAULT_MIN_SAVING_MS = 1;

    public AdviseSettings {
        Objects.requireNonNull(repetition, "repetition");
        if (cap.toMillis() < MIN_CAP_MS) {
            throw new IllegalArgumentException("--cap must be at least " + MIN_CAP_MS + "ms (the planner's EXPLAIN"
                    + " runs under it too) but was " + cap.toMillis() + "ms");
        }
        if (maxSizeBytes < 0) {
            throw new IllegalArgumentException("--max-size must not be negative");
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("--max-candidates must be at least 1 but was " + maxCandidates);
        }
        if (minSaving.isNegative()) {
            throw new IllegalArgumentException(
                    "--min-saving must not be negative but was " + minSaving.toMillis() + "ms");
        }
        Objects.requireNonNull(out, "out");
    }

    public double minSavingMs() {
        return minSaving.toNanos() / 1e6;
    }

    public double capMs() {
        return cap.toNanos() / 1e6;
    }
}
