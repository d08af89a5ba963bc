package org.crmbench.advise;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finished advise run, in the order it was made: the run, what it measured against, the state
 * it found, every candidate it measured, what it chose, and what the check together found.
 *
 * @param run its id, start, duration and report folder
 * @param found the state advise found: table sizes, indexes, every statement's timing
 * @param candidates every candidate built and measured, in the order measured
 * @param choice the recommended indexes and the frontier they come from
 * @param check the chosen set built together: its timings, what it made slower, its write cost
 */
public record Advice(
        Run run,
        Workload workload,
        AdviseSettings settings,
        Found found,
        List<Evaluated> candidates,
        Choice choice,
        Check check) {
    /** The states as the reports name them: the database as found, and the chosen indexes built together. */
    public static final String BEFORE = "before";

    public static final String ADVISED = "advised";

    /** @param folder where the reports were written */
    public record Run(String runId, Instant startedAt, Duration elapsed, Path folder) {}

    /**
     * @param tableRows rows per table a candidate is on
     * @param existingIndexes the definitions of the indexes the database had
     * @param before every statement measured in the state advise found
     */
    public record Found(Map<TableName, Long> tableRows, List<String> existingIndexes, Map<String, Timing> before) {}

    /**
     * @param decisions kept or not, and why, per candidate
     * @param chosen the recommended indexes, with the names advise.sql gives them
     * @param expected per statement, the p50 the chosen set should give (its best single measurement)
     * @param servedBy per statement, the chosen index that gives it that time
     * @param frontier the price/performance frontier: the greedy order, step by step, with what each step
     *     costs and buys
     */
    public record Choice(
            Map<Candidate, Decision> decisions,
            Map<Candidate, String> chosen,
            Map<String, Double> expected,
            Map<String, Candidate> servedBy,
            List<FrontierStep> frontier) {}

    /**
     * @param advised every statement measured with the chosen set built together
     * @param verification the indexes the check found making a statement slower than as found, dropped or
     *     flagged
     * @param setWrites per table, what the chosen set adds to its writes, measured with the set built
     */
    public record Check(
            Map<String, Timing> advised,
            List<Verification.Finding> verification,
            Map<TableName, IndexWriteCost> setWrites) {}

    public String runId() {
        return run.runId();
    }

    public Instant startedAt() {
        return run.startedAt();
    }

    public Duration elapsed() {
        return run.elapsed();
    }

    public Path folder() {
        return run.folder();
    }

    public Map<TableName, Long> tableRows() {
        return found.tableRows();
    }

    public List<String> existingIndexes() {
        return found.existingIndexes();
    }

    public Map<String, Timing> before() {
        return found.before();
    }

    public Map<Candidate, Decision> decisions() {
        return choice.decisions();
    }

    public Map<Candidate, String> chosen() {
        return choice.chosen();
    }

    public Map<String, Double> expected() {
        return choice.expected();
    }

    public Map<String, Candidate> servedBy() {
        return choice.servedBy();
    }

    public List<FrontierStep> frontier() {
        return choice.frontier();
    }

    public Map<String, Timing> advised() {
        return check.advised();
    }

    public List<Verification.Finding> verification() {
        return check.verification();
    }

    public Map<TableName, IndexWriteCost> setWrites() {
        return check.setWrites();
    }

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
        return underTarget(chosen().isEmpty() ? before() : advised());
    }

    public long chosenBytes() {
        return candidates.stream()
                .filter(e -> chosen().containsKey(e.candidate()))
                .mapToLong(Evaluated::sizeBytes)
                .sum();
    }
}
