package org.crmbench.bench;

import org.HdrHistogram.Histogram;

/**
 * One scenario measured in one mode: latencies in microseconds, the time spent executing, and
 * the plan PostgreSQL chose.
 */
public record ScenarioResult(
        Scenario scenario, BenchMode mode, Histogram latencyUs, long measuredNanos, String plan, String planNodes) {

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
