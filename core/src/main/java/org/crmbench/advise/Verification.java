package org.crmbench.advise;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmbench.report.Comparison;
import org.crmbench.results.Figures;
import org.crmbench.results.Measurement;
import org.crmbench.results.PercentilePoint;

/**
 * The chosen set, built together, checked against the state advise found. Indexes change plans
 * beyond the statements they were chosen for: an index on a sort column that makes a range
 * filter fast also lets the planner walk it in order for a rare filter value it expects early
 * and finds late, and that statement gets slower than it was without any index.
 *
 * <p>The rule: a statement whose p50 with the set is over its p50 as found by {@code report
 * --compare}'s minimum change ({@value Comparison#DEFAULT_MIN_CHANGE_PERCENT}%) and by advise's
 * minimum saving is a suspect. Each chosen index its plan uses is then measured for it both ways,
 * with and without that index, {@value #EXECUTIONS} executions each, and is responsible when
 * {@code report --compare}'s rule calls the statement slower with it (the two p50s' 95%
 * intervals apart and the change at least that minimum) by at least the minimum saving. An index
 * whose statements made slower lose more weighted p50 ms than it saves elsewhere drops out of
 * the set; one that saves more stays, flagged.
 */
public final class Verification {
    /** The fewest executions whose p50 has a 95% interval bounded on both sides (see {@link Comparison}). */
    static final int EXECUTIONS = 10;

    /** What the check needs of advise's sessions: measuring and plans in the current state, and changing the set. */
    interface Bench {
        /** {@code st} in the current state: a full warm-up, then {@value #EXECUTIONS} executions. */
        Timing measure(Workload.Statement st, String state) throws SQLException;

        /** The EXPLAIN text of {@code st}'s SQL in the current state. */
        String plan(Workload.Statement st) throws SQLException;

        /** The names {@code c}'s index has in the database (a partitioned table's: one per partition too). */
        Set<String> indexNames(Candidate c) throws SQLException;

        void remove(Candidate c) throws SQLException;

        void restore(Candidate c) throws SQLException;
    }

    /** A statement slower with an index than without it, by the rule above; {@code weight} relative to the mean. */
    public record Slower(String statement, Timing with, Timing without, double weight) {
        public double lossMs() {
            return weight * (with.p50() - without.p50());
        }
    }

    /**
     * What the check found about one chosen index.
     *
     * @param lossMs the weighted p50 ms its statements made slower lose
     * @param gainMs the weighted p50 ms it saves its statements, beside the other chosen indexes
     * @param dropped whether it left the set (it loses at least what it saves)
     */
    public record Finding(Candidate index, List<Slower> slower, double lossMs, double gainMs, boolean dropped) {
        public Finding {
            slower = List.copyOf(slower);
        }

        /** The rule that decided, in a sentence. */
        public String reason() {
            Slower worst = slower.getFirst();
            String what = String.format(
                    Locale.ROOT,
                    "makes %s slower (%sp50 %s ms without it, %s ms with it), by report --compare's rule: %d"
                            + " executions each, 95%% intervals apart, at least %d%% and the minimum saving",
                    slower.size() == 1 ? worst.statement() : slower.size() + " statements",
                    slower.size() == 1 ? "" : "the most, " + worst.statement() + ": ",
                    worst.without().p50Text(),
                    worst.with().p50Text(),
                    EXECUTIONS,
                    Comparison.DEFAULT_MIN_CHANGE_PERCENT);
            return String.format(
                    Locale.ROOT,
                    dropped
                            ? "dropped by the check together: it %s; that loses %s ms, at least the %s ms it saves"
                            : "kept, flagged by the check together: it %s; that loses %s ms, less than the %s ms it"
                                    + " saves",
                    what,
                    Figures.ms(lossMs),
                    Figures.ms(gainMs));
        }
    }

    private final Map<String, Workload.Statement> statements = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final Map<String, Timing> before;
    private final double minSavingMs;

    Verification(List<Workload.Statement> statements, Map<String, Timing> before, double minSavingMs) {
        statements.forEach(s -> this.statements.put(s.name(), s));
        weights.putAll(Workload.relativeWeights(statements));
        this.before = before;
        this.minSavingMs = minSavingMs;
    }

    /**
     * Checks the set as the rule says, leaving it built less the indexes that drop out.
     *
     * @param chosen the chosen indexes, all built
     * @param advised every statement measured with them
     * @param gains per chosen index, the weighted p50 ms it saves beside the others
     * @return a finding per index responsible for a statement made slower, in the order checked
     */
    List<Finding> check(List<Candidate> chosen, Map<String, Timing> advised, Map<Candidate, Double> gains, Bench bench)
            throws SQLException {
        Map<Candidate, List<String>> suspectsByIndex = new LinkedHashMap<>();
        for (String name : suspects(advised)) {
            Set<String> words = words(bench.plan(statements.get(name)));
            for (Candidate c : chosen) {
                if (bench.indexNames(c).stream().anyMatch(words::contains)) {
                    suspectsByIndex.computeIfAbsent(c, k -> new ArrayList<>()).add(name);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Candidate, List<String>> e : suspectsByIndex.entrySet()) {
            Candidate c = e.getKey();
            Map<String, Timing> with = new LinkedHashMap<>();
            for (String name : e.getValue()) {
                with.put(name, bench.measure(statements.get(name), "with " + c.signature()));
            }
            bench.remove(c);
            List<Slower> slower = new ArrayList<>();
            for (String name : e.getValue()) {
                Timing without = bench.measure(statements.get(name), "without " + c.signature());
                if (slower(with.get(name), without)) {
                    slower.add(new Slower(name, with.get(name), without, weights.get(name)));
                }
            }
            slower.sort(java.util.Comparator.comparingDouble(Slower::lossMs).reversed());
            double loss = slower.stream().mapToDouble(Slower::lossMs).sum();
            double gain = gains.getOrDefault(c, 0.0);
            boolean dropped = !slower.isEmpty() && loss >= gain;
            if (!dropped) {
                bench.restore(c);
            }
            if (!slower.isEmpty()) {
                findings.add(new Finding(c, slower, loss, gain, dropped));
            }
        }
        return findings;
    }

    /** Statements whose p50 with the set is over their p50 as found by the minimum change and the minimum saving. */
    List<String> suspects(Map<String, Timing> advised) {
        List<String> suspects = new ArrayList<>();
        advised.forEach((name, with) -> {
            Timing found = before.get(name);
            if (found == null || found.overCap()) {
                return; // over the cap as found: nothing measured to be slower than
            }
            boolean over = with.p50() > found.p50() * (1 + Comparison.DEFAULT_MIN_CHANGE_PERCENT / 100.0)
                    && with.p50() - found.p50() >= minSavingMs;
            if (with.overCap() || over) {
                suspects.add(name);
            }
        });
        return suspects;
    }

    /** report --compare's rule on the p50, and at least advise's minimum saving slower. */
    boolean slower(Timing with, Timing without) {
        Comparison.MetricChange p50 =
                Comparison.change(measurement(without), measurement(with), 50, Comparison.DEFAULT_MIN_CHANGE_PERCENT);
        return p50.verdict() == Comparison.Verdict.SLOWER && with.p50() - without.p50() >= minSavingMs;
    }

    /**
     * A timing as report's comparison reads one. Over the cap, every execution is counted at the cap:
     * the least it took, so "slower than" stays true of the real times.
     */
    static Measurement measurement(Timing t) {
        List<PercentilePoint> points;
        long count;
        if (t.overCap()) {
            points = List.of(new PercentilePoint(0, t.capMs()), new PercentilePoint(100, t.capMs()));
            count = EXECUTIONS;
        } else {
            points = new ArrayList<>(PercentilePoint.curve(t.result().latencyUs(), 1000));
            if (points.getLast().percentile() < 100) {
                points.add(new PercentilePoint(100, t.result().latencyUs().getMaxValue() / 1000.0));
            }
            count = t.executions();
        }
        return new Measurement("", "", count, 0, t.p50(), 0, points, points, t.planNodes());
    }

    private static Set<String> words(String plan) {
        return new HashSet<>(Arrays.asList(plan.split("[^A-Za-z0-9_$]+")));
    }
}
