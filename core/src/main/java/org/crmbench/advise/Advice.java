package org.crmbench.advise;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finished advise run.
 *
 * @param before every statement measured in the state advise found
 * @param candidates every candidate built and measured, in the order measured
 * @param decisions kept or not, and why, per candidate
 * @param chosen the recommended indexes, with the names advise.sql gives them
 * @param expected per statement, the p50 the chosen set should give (its best single measurement)
 * @param servedBy per statement, the chosen index that gives it that time
 * @param advised every statement measured with the chosen set built together (the interaction check)
 * @param folder where the reports were written
 */
public record Advice(
        String runId,
        Instant startedAt,
        Duration elapsed,
        Workload workload,
        AdviseSettings settings,
        Map<TableName, Long> tableRows,
        List<String> existingIndexes,
        Map<String, Timing> before,
        List<Evaluated> candidates,
        Map<Candidate, Decision> decisions,
        Map<Candidate, String> chosen,
        Map<String, Double> expected,
        Map<String, Candidate> servedBy,
        Map<String, Timing> advised,
        Path folder) {

    /** Statements whose p50 with the chosen set is at or under {@code ms}, before and advised. */
    public long under(Map<String, Timing> state, double ms) {
        return state.values().stream()
                .filter(t -> !t.overCap() && t.p50() <= ms)
                .count();
    }

    public long chosenBytes() {
        return candidates.stream()
                .filter(e -> chosen.containsKey(e.candidate()))
                .mapToLong(Evaluated::sizeBytes)
                .sum();
    }
}
