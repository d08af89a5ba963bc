package org.crmbench.measure;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.crmbench.query.SqlStatement;

/**
 * One scenario measured in one index set: latencies in microseconds, the time spent executing,
 * the statements of the execution whose plan was captured, and the plan PostgreSQL chose (in
 * full, and as its one-line shape).
 */
public record ScenarioResult(
        Scenario scenario,
        String indexSet,
        Histogram latencyUs,
        long measuredNanos,
        List<SqlStatement> statements,
        String plan,
        String planNodes) {
    public ScenarioResult {
        statements = List.copyOf(statements);
    }

    public long executions() {
        return latencyUs.getTotalCount();
    }

    /** Executions per second of measured time. */
    public double queriesPerSecond() {
        return executions() / Math.max(1e-9, measuredNanos / 1e9);
    }

    public double ms(double percentile) {
        return latencyUs.getValueAtPercentile(percentile) / 1000.0;
    }
}
