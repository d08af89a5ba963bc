package org.crmbench.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.crmbench.api.UsersApi;
import org.crmbench.measure.Repetition;
import org.crmbench.measure.Surface;
import org.crmbench.schema.IndexSet;

/**
 * What {@code crmbench bench} measures and where it writes.
 *
 * @param repeat measured executions per scenario and index set (at least; see duration)
 * @param warmup executions before measuring, not recorded
 * @param duration if not zero, keep executing until this much time was measured (after repeat)
 * @param scenarios classic scenario names to run, in order; empty means all of them
 * @param surface measure the list API's surface ({@link Surface}) instead of the classic scenarios
 * @param pageSize rows per page of the surface's list requests
 * @param indexSets the index sets to measure in, in order
 * @param out the reports folder
 * @param seed seed of the random user ids
 */
public record BenchSettings(
        int repeat,
        int warmup,
        Duration duration,
        List<String> scenarios,
        boolean surface,
        int pageSize,
        List<IndexSet> indexSets,
        Path out,
        long seed) {

    public BenchSettings {
        new Repetition(repeat, warmup, duration);
        scenarios = List.copyOf(scenarios);
        for (String name : scenarios) {
            if (ClassicScenario.byName(name).isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown scenario '" + name + "'; valid: " + String.join(", ", ClassicScenario.names()));
            }
        }
        if (surface && !scenarios.isEmpty()) {
            throw new IllegalArgumentException("--scenario picks classic scenarios; --surface measures every list"
                    + " combination instead: give one or the other");
        }
        String pageSizeProblem = UsersApi.pageSizeProblem("--page-size", pageSize);
        if (pageSizeProblem != null) {
            throw new IllegalArgumentException(pageSizeProblem);
        }
        if (!surface && pageSize != UsersApi.DEFAULT_PAGE_SIZE) {
            throw new IllegalArgumentException("--page-size applies to --surface only");
        }
        indexSets = List.copyOf(indexSets);
        if (indexSets.isEmpty()) {
            throw new IllegalArgumentException("--index-sets needs at least one set");
        }
        if (new HashSet<>(indexSets.stream().map(IndexSet::name).toList()).size() != indexSets.size()) {
            throw new IllegalArgumentException("--index-sets names a set twice: "
                    + String.join(",", indexSets.stream().map(IndexSet::name).toList()));
        }
        Objects.requireNonNull(out, "out");
    }

    public Repetition repetition() {
        return new Repetition(repeat, warmup, duration);
    }
}
