package org.crmbench.results;

/**
 * One row of benchmarks.csv: one scenario measured in one index set ({@code mode}), times in
 * milliseconds, and the one-line shape of the plan PostgreSQL chose.
 */
public record BenchRow(
        String runId,
        String startedAt,
        String scenario,
        String mode,
        long rowsInDb,
        int pageSize,
        long executions,
        double meanMs,
        double minMs,
        double p50Ms,
        double p90Ms,
        double p95Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double qps,
        String plan) {}
