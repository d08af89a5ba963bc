package org.crmbench.measure;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.crmbench.results.BenchRow;

/** A finished run: its id and folder, the dataset size, and every scenario × index set measured. */
public record BenchRun(String runId, Instant startedAt, long users, Path folder, List<ScenarioResult> results) {
    public List<BenchRow> rows() {
        return results.stream().map(r -> row(runId, startedAt, users, r)).toList();
    }

    /** One result as a row of benchmarks.csv. */
    public static BenchRow row(String runId, Instant startedAt, long users, ScenarioResult r) {
        return new BenchRow(
                runId,
                startedAt.toString(),
                r.scenario().name(),
                r.indexSet(),
                users,
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
