package org.crmbench.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A finished run: its id and folder, the dataset size, and every scenario × mode measured. */
public record BenchRun(String runId, Instant startedAt, long users, Path folder, List<ScenarioResult> results) {
    public List<BenchRow> rows() {
        return results.stream().map(r -> BenchRow.of(this, r)).toList();
    }
}
