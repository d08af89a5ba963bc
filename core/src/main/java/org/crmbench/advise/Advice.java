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
 * @param frontier the price/performance frontier: the greedy order, step by step, with what each step costs and buys
 * @param advised every statement measured with the chosen set built together (the interaction check)
 * @param verification the indexes the check together found making a statement slower than as found, dropped or flagged
 * @param setWrites per table, what the chosen set adds to its writes, measured with the set built
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
        List<FrontierStep> frontier,
        Map<String, Timing> advised,
        List<Verification.Finding> verification,
        Map<TableName, IndexWriteCost> setWrites,
        Path folder) {

    /** Statements of {@code state} (before, advised) whose p50 is at or under their latency target. */
    public long underTarget(Map<String, Timing> state) {
        return workload.statements().stream()
                .filter(st -> state.containsKey(st.name()))
                .filter(st ->
                        !state.get(st.name()).overCap() && state.get(st.name()).p50() <= st.targetMs())
                .count();
    }

    /** Statements at or under their target with the chosen set: as found when nothing is chosen. */
    public long underTargetWithSet() {
        return underTarget(chosen.isEmpty() ? before : advised);
    }

    public long chosenBytes() {
        return candidates.stream()
                .filter(e -> chosen.containsKey(e.candidate()))
                .mapToLong(Evaluated::sizeBytes)
                .sum();
    }
}
