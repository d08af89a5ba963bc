package org.crmbench.advise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the set from the measurements: greedily the candidate that saves the most measured p50
 * milliseconds per MB of disk (fewer write milliseconds breaking ties), counting for each
 * statement only what it gains over the best already chosen, until nothing saves more. That order
 * is the price/performance frontier; the set is its steps up to its knee (see {@link #knee}) and
 * within --max-size; then each
 * chosen index is dropped again if the others serve its statements as fast without it.
 */
final class Selection {
    /** A statement is faster when it takes at most this share of its time (and the minimum saving less). */
    static final double MATERIAL = 0.8;
    /**
     * An index must save at least this many p50 milliseconds (weighted, over the statements it
     * makes faster) per 100 MB of disk: 165 MB and its write cost for one statement a millisecond
     * faster is not a recommendation anyone would apply.
     */
    static final double MIN_MS_PER_100_MB = 1.0;
    /** A step past which the frontier brings no statement under target saves less than this share. */
    static final double KNEE_SHARE = 0.01;

    /**
     * @param expected per statement, its p50 with the chosen set, from the single measurements
     * @param servedBy per statement the chosen candidate that gives it that time (absent: none)
     * @param frontier the greedy order without a budget, step by step; the chosen set is the
     *     last step within --max-size, less what the others make redundant
     */
    record Outcome(
            List<Evaluated> chosen,
            Map<Candidate, Decision> decisions,
            Map<String, Double> expected,
            Map<String, Candidate> servedBy,
            List<FrontierStep> frontier) {}

    private final Map<String, Double> weights = new HashMap<>();
    private final Map<String, Double> targets = new HashMap<>();
    private final Map<String, Double> before = new HashMap<>();
    private final double minSavingMs;

    private Selection(List<Workload.Statement> statements, Map<String, Timing> before, double minSavingMs) {
        this.minSavingMs = minSavingMs;
        weights.putAll(Workload.relativeWeights(statements));
        statements.forEach(s -> targets.put(s.name(), s.targetMs()));
        before.forEach((name, t) -> this.before.put(name, t.p50()));
    }

    static Outcome choose(
            List<Workload.Statement> statements,
            Map<String, Timing> before,
            List<Evaluated> evaluated,
            long maxSizeBytes,
            double minSavingMs) {
        return new Selection(statements, before, minSavingMs).choose(evaluated, maxSizeBytes);
    }

    private Outcome choose(List<Evaluated> evaluated, long maxSizeBytes) {
        Map<Candidate, Decision> decisions = new LinkedHashMap<>();
        List<Evaluated> open = measured(evaluated, decisions);
        List<Evaluated> order = greedy(open);
        List<FrontierStep> frontier = frontier(order);
        int knee = knee(frontier);
        int steps = Math.min(knee, withinBudget(frontier, maxSizeBytes));
        List<Evaluated> chosen = new ArrayList<>(order.subList(0, steps));
        for (int k = steps + 1; k < frontier.size(); k++) {
            FrontierStep f = frontier.get(k);
            String reason = k > knee
                    ? String.format(
                            Locale.ROOT,
                            "past the frontier's knee: step %d and those after it bring no statement under its"
                                    + " target and save less than %.0f%% of the p50 ms saved before them",
                            knee + 1,
                            KNEE_SHARE * 100)
                    : String.format(
                            Locale.ROOT,
                            "over the --max-size budget of %.0f MB: step %d of the frontier, %.0f MB",
                            maxSizeBytes / 1048576.0,
                            k,
                            f.sizeMb());
            decisions.put(f.added(), new Decision(false, reason, 0, 0));
        }
        open.removeAll(order);
        dropRedundant(chosen, decisions);
        Map<String, Double> expected = best(chosen);
        for (Evaluated e : chosen) {
            List<Evaluated> others = new ArrayList<>(chosen);
            others.remove(e);
            Map<String, Double> without = best(others);
            decisions.put(e.candidate(), new Decision(true, "kept", gain(e, without), improved(e, without)));
        }
        for (Evaluated e : open) {
            decisions.putIfAbsent(e.candidate(), notChosen(e, expected));
        }
        Map<Candidate, Decision> ordered = new LinkedHashMap<>();
        evaluated.forEach(e -> ordered.put(e.candidate(), decisions.get(e.candidate())));
        return new Outcome(List.copyOf(chosen), ordered, expected, servedBy(chosen, expected), frontier);
    }

    /**
     * The outcome once the check together ({@link Verification}) decided again about some chosen
     * indexes: those no longer kept leave the set, and the rest's expected times and statements
     * are recounted. The frontier stays as measured one index at a time.
     */
    static Outcome afterCheck(
            Outcome outcome,
            List<Workload.Statement> statements,
            Map<String, Timing> before,
            double minSavingMs,
            Map<Candidate, Decision> checked) {
        Selection s = new Selection(statements, before, minSavingMs);
        List<Evaluated> chosen = outcome.chosen().stream()
                .filter(e -> !checked.containsKey(e.candidate())
                        || checked.get(e.candidate()).kept())
                .toList();
        Map<Candidate, Decision> decisions = new LinkedHashMap<>(outcome.decisions());
        decisions.putAll(checked);
        Map<String, Double> expected = s.best(chosen);
        return new Outcome(chosen, decisions, expected, s.servedBy(chosen, expected), outcome.frontier());
    }

    /**
     * What a candidate not built yet must be able to do to reach the set the candidates measured so
     * far make (their frontier up to its knee): bring a statement under its target, or save at
     * least {@link #KNEE_SHARE} of what the set saves, or save more per MB than the set's least
     * efficient step. One that can do none of these, even if it took its statements' time to 0,
     * would come after the knee.
     *
     * @param knee the knee's step (0: no set yet, every candidate can reach it)
     * @param savedAtKnee the weighted p50 ms the set saves
     * @param kneeRatio the least p50 ms per MB a step up to the knee saves
     * @param smallestMb per table, its smallest candidate built so far (no index on it is smaller)
     */
    record Bar(
            int knee,
            double savedAtKnee,
            double kneeRatio,
            Map<TableName, Double> smallestMb,
            Map<String, Double> weights,
            Map<String, Double> targets) {

        /**
         * Why a candidate on {@code table} whose statements are at best {@code bestSoFar} (p50 ms
         * by statement) cannot reach the set; null when it can.
         */
        String beyondReach(TableName table, Map<String, Double> bestSoFar) {
            if (knee == 0 || !smallestMb.containsKey(table)) {
                return null;
            }
            if (bestSoFar.entrySet().stream().anyMatch(e -> e.getValue() > targets.get(e.getKey()))) {
                return null;
            }
            double most = bestSoFar.entrySet().stream()
                    .mapToDouble(e -> weights.get(e.getKey()) * e.getValue())
                    .sum();
            if (most >= KNEE_SHARE * savedAtKnee || most / smallestMb.get(table) >= kneeRatio) {
                return null;
            }
            return String.format(
                    Locale.ROOT,
                    "beyond the knee of the frontier so far: its %d statements are under target already, and at"
                            + " most %.1f ms to save (their p50 so far) is under %.0f%% of the %.0f ms the set"
                            + " saves and, per MB, under its least efficient step",
                    bestSoFar.size(),
                    most,
                    KNEE_SHARE * 100,
                    savedAtKnee);
        }
    }

    /** The {@link Bar} the candidates measured so far set. */
    static Bar bar(
            List<Workload.Statement> statements,
            Map<String, Timing> before,
            List<Evaluated> evaluated,
            double minSavingMs) {
        Selection s = new Selection(statements, before, minSavingMs);
        List<Evaluated> open = measured(evaluated, new LinkedHashMap<>());
        List<FrontierStep> frontier = s.frontier(s.greedy(open));
        int knee = knee(frontier);
        double ratio = Double.MAX_VALUE;
        for (int k = 1; k <= knee; k++) {
            FrontierStep f = frontier.get(k);
            FrontierStep previous = frontier.get(k - 1);
            double mb = Math.max(0.01, f.sizeMb() - previous.sizeMb());
            ratio = Math.min(ratio, (f.savedMs() - previous.savedMs()) / mb);
        }
        Map<TableName, Double> smallest = new HashMap<>();
        evaluated.stream()
                .filter(e -> e.failure() == null)
                .forEach(e -> smallest.merge(e.candidate().table(), e.sizeMb(), Math::min));
        return new Bar(knee, frontier.get(knee).savedMs(), ratio, smallest, s.weights, s.targets);
    }

    /** The candidates with measurements to choose from; a decision for each of the others. */
    private static List<Evaluated> measured(List<Evaluated> evaluated, Map<Candidate, Decision> decisions) {
        List<Evaluated> open = new ArrayList<>();
        for (Evaluated e : evaluated) {
            if (e.failure() != null) {
                decisions.put(e.candidate(), new Decision(false, "not built: " + e.failure(), 0, 0));
            } else if (e.after().isEmpty() && e.unmeasured() > 0) {
                decisions.put(
                        e.candidate(),
                        new Decision(
                                false,
                                "not measured: where plans could use it, an index asked about before serves as"
                                        + " many of their keys, or the planner expects them no faster with it",
                                0,
                                0));
            } else if (e.after().isEmpty()) {
                decisions.put(e.candidate(), new Decision(false, "no statement's plan uses it", 0, 0));
            } else {
                open.add(e);
            }
        }
        return open;
    }

    /**
     * The candidates in the order the greedy choice takes them, without a budget: each time the
     * one that saves the most p50 ms per MB over those taken before (fewer write ms breaking ties),
     * until none saves {@value #MIN_MS_PER_100_MB} ms per 100 MB.
     */
    private List<Evaluated> greedy(List<Evaluated> open) {
        List<Evaluated> order = new ArrayList<>();
        List<Evaluated> left = new ArrayList<>(open);
        while (true) {
            Map<String, Double> current = best(order);
            Evaluated pick = null;
            double pickRatio = 0;
            double pickTie = 0;
            for (Evaluated e : left) {
                double gain = gain(e, current);
                double ratio = gain / Math.max(e.sizeMb(), 0.01);
                if (gain <= 0 || ratio * 100 < MIN_MS_PER_100_MB) {
                    continue;
                }
                double tie = gain / (1 + (e.writeMsPer10k() == null ? 0 : Math.max(0, e.writeMsPer10k())));
                if (pick == null || ratio > pickRatio || (ratio == pickRatio && tie > pickTie)) {
                    pick = e;
                    pickRatio = ratio;
                    pickTie = tie;
                }
            }
            if (pick == null) {
                return order;
            }
            order.add(pick);
            left.remove(pick);
        }
    }

    /** Step 0 (the state found) and one step per index of {@code order}, with the figures so far. */
    private List<FrontierStep> frontier(List<Evaluated> order) {
        List<FrontierStep> steps = new ArrayList<>();
        for (int k = 0; k <= order.size(); k++) {
            List<Evaluated> taken = order.subList(0, k);
            Map<String, Double> p50 = best(taken);
            int under = (int) p50.entrySet().stream()
                    .filter(e -> e.getValue() <= targets.get(e.getKey()))
                    .count();
            double saved = p50.entrySet().stream()
                    .mapToDouble(e -> weights.get(e.getKey()) * (before.get(e.getKey()) - e.getValue()))
                    .sum();
            steps.add(new FrontierStep(
                    k,
                    k == 0 ? null : order.get(k - 1).candidate(),
                    taken.stream().mapToLong(Evaluated::sizeBytes).sum(),
                    taken.stream().mapToDouble(Evaluated::buildSeconds).sum(),
                    sum(taken, Evaluated::writeMsPer10k),
                    sum(taken, Evaluated::walBytesPerRow),
                    under,
                    saved));
        }
        return steps;
    }

    private static Double sum(List<Evaluated> taken, java.util.function.Function<Evaluated, Double> value) {
        List<Double> measured =
                taken.stream().map(value).filter(java.util.Objects::nonNull).toList();
        return measured.isEmpty()
                ? null
                : measured.stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * The frontier's last step that brings a statement under its target or saves at least {@link
     * #KNEE_SHARE} of the p50 ms saved before it: past it, indexes cost disk and writes for
     * fractions of a millisecond (at 100,000 users, 9 of 20 steps added 17 ms to 14,700 saved).
     */
    private static int knee(List<FrontierStep> frontier) {
        int knee = 0;
        for (int k = 1; k < frontier.size(); k++) {
            FrontierStep f = frontier.get(k);
            FrontierStep previous = frontier.get(k - 1);
            if (f.underTarget() > previous.underTarget()
                    || f.savedMs() - previous.savedMs() >= KNEE_SHARE * previous.savedMs()) {
                knee = k;
            }
        }
        return knee;
    }

    /** The frontier's last step within {@code maxSizeBytes} (0: no limit, every step). */
    private static int withinBudget(List<FrontierStep> frontier, long maxSizeBytes) {
        int steps = 0;
        for (FrontierStep f : frontier) {
            if (maxSizeBytes > 0 && f.sizeBytes() > maxSizeBytes) {
                break;
            }
            steps = f.step();
        }
        return steps;
    }

    /** Drops what the others make redundant, the last chosen first. */
    private void dropRedundant(List<Evaluated> chosen, Map<Candidate, Decision> decisions) {
        for (int i = chosen.size() - 1; i >= 0; i--) {
            Evaluated e = chosen.get(i);
            List<Evaluated> others = new ArrayList<>(chosen);
            others.remove(e);
            double gain = gain(e, best(others));
            if (gain * 100 / Math.max(e.sizeMb(), 0.01) < MIN_MS_PER_100_MB) {
                chosen.remove(i);
                decisions.put(
                        e.candidate(),
                        new Decision(
                                false,
                                gain <= 0
                                        ? "redundant: the other chosen indexes serve its statements as fast"
                                        : "redundant: beside the other chosen indexes it saves too little for its disk",
                                gain,
                                improved(e, best(others))));
            }
        }
    }

    private Map<String, Candidate> servedBy(List<Evaluated> chosen, Map<String, Double> expected) {
        Map<String, Candidate> servedBy = new LinkedHashMap<>();
        for (String statement : expected.keySet()) {
            for (Evaluated e : chosen) {
                Timing t = e.after().get(statement);
                if (t != null
                        && t.p50() == expected.get(statement)
                        && expected.get(statement) < before.get(statement)) {
                    servedBy.putIfAbsent(statement, e.candidate());
                }
            }
        }
        return servedBy;
    }

    private Decision notChosen(Evaluated e, Map<String, Double> expected) {
        double gain = gain(e, expected);
        String reason = gain > 0
                ? String.format(
                        Locale.ROOT,
                        "saves %.2f ms per 100 MB beside the chosen indexes, under the %.0f ms worth its disk",
                        gain * 100 / Math.max(e.sizeMb(), 0.01),
                        MIN_MS_PER_100_MB)
                : "no measured gain once the chosen indexes are there";
        return new Decision(false, reason, gain, improved(e, expected));
    }

    /** Per statement, the fastest p50 among the before state and {@code chosen}'s measurements. */
    private Map<String, Double> best(List<Evaluated> chosen) {
        Map<String, Double> best = new LinkedHashMap<>(before);
        for (Evaluated e : chosen) {
            e.after().forEach((statement, t) -> {
                if (faster(t.p50(), best.get(statement))) {
                    best.put(statement, t.p50());
                }
            });
        }
        return best;
    }

    /** The weighted p50 ms {@code e} saves over {@code current}, counting material savings only. */
    private double gain(Evaluated e, Map<String, Double> current) {
        double gain = 0;
        for (Map.Entry<String, Timing> after : e.after().entrySet()) {
            double now = current.get(after.getKey());
            if (faster(after.getValue().p50(), now)) {
                gain += weights.get(after.getKey()) * (now - after.getValue().p50());
            }
        }
        return gain;
    }

    private int improved(Evaluated e, Map<String, Double> current) {
        return (int) e.after().entrySet().stream()
                .filter(a -> faster(a.getValue().p50(), current.get(a.getKey())))
                .count();
    }

    private boolean faster(double candidate, double current) {
        return candidate <= current * MATERIAL && current - candidate >= minSavingMs;
    }
}
