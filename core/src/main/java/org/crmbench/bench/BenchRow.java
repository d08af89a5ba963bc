package org.crmbench.bench;

/** One row of benchmarks.csv: one scenario in one mode (times in milliseconds). */
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
        String plan) {

    static BenchRow of(BenchRun run, ScenarioResult r) {
        return new BenchRow(
                run.runId(),
                run.startedAt().toString(),
                r.scenario().name(),
                r.mode().label(),
                run.users(),
                r.scenario().pageSize(),
                r.executions(),
                r.latencyUs().getMean() / 1000.0,
                r.latencyUs().getMinValue() / 1000.0,
                r.ms(50),
                r.ms(90),
                r.ms(95),
                r.ms(99),
                r.ms(99.9),
                r.latencyUs().getMaxValue() / 1000.0,
                r.queriesPerSecond(),
                r.planNodes());
    }
}
