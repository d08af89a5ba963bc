package org.crmbench.advise;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * minimum saving is a suspect; so is one over its target with the set that the index serving it
 * alone brought under it, over that time by the same margins (another index took its plan: at
 * 3,000,000 users 131 statements that the chosen indexes brought under their target one by one
 * were over it with the set, none of them slower than as found, where their scans were over the
 * cap). Each chosen index its plan uses (other than the one that served it alone) is then measured
 * for it both ways, at most {@value #MAX_STATEMENTS_PER_INDEX} statements per index, the heaviest
 * (weight times p50 with the set) first,
 * with and without that index, {@value #EXECUTIONS} executions each, and is responsible when
 * {@code report --compare}'s rule calls the statement slower with it (the two p50s' 95%
 * intervals apart and the change at least that minimum) by at least the minimum saving. An index
 * whose statements made slower lose more weighted p50 ms than it saves elsewhere drops out of
 * the set; one that saves more stays, flagged.
 */
public final class Verification {
    /** The fewest executions whose p50 has a 95% interval bounded on both sides (see {@link Comparison}). */
    static final int EXECUTIONS = 10;

    /**
     * The most statements an index is measured for (2 x {@value #EXECUTIONS} executions and a warm-up
     * each, over 40 ms each at 3,000,000 users): the loss is then a lower bound of what it costs.
     */
    static final int MAX_STATEMENTS_PER_INDEX = 12;

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
    private final Selection.Outcome outcome;
    private final double minSavingMs;

    /** A statement the check looks into, and the chosen index that served it alone (null: none), never to blame. */
    record Suspect(String statement, Candidate servedAlone) {}

    /**
     * @param outcome the choice: per statement, its expected p50 with the set and the index that gives it
     */
    Verification(
            List<Workload.Statement> statements,
            Map<String, Timing> before,
            Selection.Outcome outcome,
            double minSavingMs) {
        statements.forEach(s -> this.statements.put(s.name(), s));
        weights.putAll(Workload.relativeWeights(statements));
        this.before = before;
        this.outcome = outcome;
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
        for (Suspect suspect : suspects(advised)) {
            Set<String> words = words(bench.plan(statements.get(suspect.statement())));
            for (Candidate c : chosen) {
                if (!c.equals(suspect.servedAlone())
                        && bench.indexNames(c).stream().anyMatch(words::contains)) {
                    suspectsByIndex.computeIfAbsent(c, k -> new ArrayList<>()).add(suspect.statement());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Candidate, List<String>> e : suspectsByIndex.entrySet()) {
            Candidate c = e.getKey();
            List<String> measured = heaviest(e.getValue(), advised);
            Map<String, Timing> with = new LinkedHashMap<>();
            for (String name : measured) {
                with.put(name, bench.measure(statements.get(name), "with " + c.signature()));
            }
            bench.remove(c);
            List<Slower> slower = new ArrayList<>();
            for (String name : measured) {
                Timing without = bench.measure(statements.get(name), "without " + c.signature());
                if (slower(with.get(name), without)) {
                    slower.add(new Slower(name, with.get(name), without, weights.get(name)));
                }
            }
            slower.sort(Comparator.comparingDouble(Slower::lossMs).reversed());
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

    /**
     * Statements whose p50 with the set is over their p50 as found, and those over their target
     * with the set that the index serving them alone brought under it, over that time; both by the
     * minimum change and the minimum saving.
     */
    List<Suspect> suspects(Map<String, Timing> advised) {
        List<Suspect> suspects = new ArrayList<>();
        advised.forEach((name, with) -> {
            Timing found = before.get(name);
            if (found != null && !found.overCap() && (with.overCap() || over(with.p50(), found.p50()))) {
                suspects.add(new Suspect(name, null));
            } else if (tookItsPlan(name, with)) {
                suspects.add(new Suspect(name, outcome.servedBy().get(name)));
            }
        });
        return suspects;
    }

    /** Over its target with the set, where the index that served it alone brought it under: another took its plan. */
    private boolean tookItsPlan(String name, Timing with) {
        Double alone = outcome.expected().get(name);
        double target = statements.get(name).targetMs();
        return alone != null
                && outcome.servedBy().containsKey(name)
                && alone <= target
                && with.p50() > target
                && over(with.p50(), alone);
    }

    private boolean over(double withMs, double baseMs) {
        return withMs > baseMs * (1 + Comparison.DEFAULT_MIN_CHANGE_PERCENT / 100.0) && withMs - baseMs >= minSavingMs;
    }

    /** At most {@link #MAX_STATEMENTS_PER_INDEX} of {@code names}, the heaviest (weight times p50 with the set) first. */
    private List<String> heaviest(List<String> names, Map<String, Timing> advised) {
        return names.stream()
                .sorted(Comparator.comparingDouble(
                                (String n) -> weights.get(n) * advised.get(n).p50())
                        .reversed())
                .limit(MAX_STATEMENTS_PER_INDEX)
                .toList();
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
