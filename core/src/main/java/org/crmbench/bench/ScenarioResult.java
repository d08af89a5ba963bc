package org.crmbench.bench;

import org.HdrHistogram.Histogram;

/**
 * One scenario measured in one index set: latencies in microseconds, the time spent executing,
 * and the plan PostgreSQL chose (in full, and as its one-line shape).
 */
public record ScenarioResult(
        Scenario scenario, String indexSet, Histogram latencyUs, long measuredNanos, String plan, String planNodes) {

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
