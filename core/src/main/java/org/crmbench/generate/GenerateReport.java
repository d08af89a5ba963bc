package org.crmbench.generate;

import java.time.Duration;
import java.util.List;

/** The outcome of a load: per table, then the phases after it. */
public record GenerateReport(
        List<TableLoad> tables, Duration keys, Duration indexes, Duration analyze, Duration swap, Duration total) {

    /** One table's COPY: rows, wall time (tables load in parallel, so times overlap) and heap size. */
    public record TableLoad(String table, long rows, Duration time, long bytes) {
        public double rowsPerSecond() {
            return rows / Math.max(1e-9, time.toNanos() / 1e9);
        }
    }
}
