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
 * statement only what it gains over the best already chosen, until nothing saves more; then each
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

    /**
     * @param expected per statement, its p50 with the chosen set, from the single measurements
     * @param servedBy per statement the chosen candidate that gives it that time (absent: none)
     */
    record Outcome(
            List<Evaluated> chosen,
            Map<Candidate, Decision> decisions,
            Map<String, Double> expected,
            Map<String, Candidate> servedBy) {}

    private final Map<String, Double> weights = new HashMap<>();
    private final Map<String, Double> before = new HashMap<>();
    private final double minSavingMs;

    private Selection(List<Workload.Statement> statements, Map<String, Timing> before, double minSavingMs) {
        this.minSavingMs = minSavingMs;
        double mean = statements.stream()
                .mapToDouble(Workload.Statement::weight)
                .average()
                .orElse(1);
        statements.forEach(s -> weights.put(s.name(), s.weight() / mean));
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
        List<Evaluated> open = new ArrayList<>();
        for (Evaluated e : evaluated) {
            if (e.failure() != null) {
                decisions.put(e.candidate(), new Decision(false, "not built: " + e.failure(), 0, 0));
            } else if (e.after().isEmpty() && e.unmeasured() > 0) {
                decisions.put(
                        e.candidate(),
                        new Decision(
                                false,
                                "not measured: where plans use it, the planner expects them no faster than with"
                                        + " an index measured before",
                                0,
                                0));
            } else if (e.after().isEmpty()) {
                decisions.put(e.candidate(), new Decision(false, "no statement's plan uses it", 0, 0));
            } else {
                open.add(e);
            }
        }
        List<Evaluated> chosen = new ArrayList<>();
        long used = 0;
        Map<Evaluated, String> overBudget = new HashMap<>();
        while (true) {
            Map<String, Double> current = best(chosen);
            Evaluated pick = null;
            double pickRatio = 0;
            double pickTie = 0;
            for (Evaluated e : open) {
                double gain = gain(e, current);
                if (gain <= 0) {
                    continue;
                }
                if (maxSizeBytes > 0 && used + e.sizeBytes() > maxSizeBytes) {
                    overBudget.put(
                            e,
                            String.format(
                                    Locale.ROOT,
                                    "over the --max-size budget (%.0f MB of %.0f MB used)",
                                    used / 1048576.0,
                                    maxSizeBytes / 1048576.0));
                    continue;
                }
                double ratio = gain / Math.max(e.sizeMb(), 0.01);
                if (ratio * 100 < MIN_MS_PER_100_MB) {
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
                break;
            }
            chosen.add(pick);
            open.remove(pick);
            overBudget.remove(pick);
            used += pick.sizeBytes();
        }
        // drop what the others make redundant, the last chosen first
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
        Map<String, Double> expected = best(chosen);
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
        for (Evaluated e : chosen) {
            List<Evaluated> others = new ArrayList<>(chosen);
            others.remove(e);
            Map<String, Double> without = best(others);
            decisions.put(e.candidate(), new Decision(true, "kept", gain(e, without), improved(e, without)));
        }
        for (Evaluated e : open) {
            double gain = gain(e, expected);
            String reason = overBudget.containsKey(e)
                    ? overBudget.get(e)
                    : gain > 0
                            ? String.format(
                                    Locale.ROOT,
                                    "saves %.2f ms per 100 MB beside the chosen indexes, under the %.0f ms worth its disk",
                                    gain * 100 / Math.max(e.sizeMb(), 0.01),
                                    MIN_MS_PER_100_MB)
                            : "no measured gain once the chosen indexes are there";
            decisions.putIfAbsent(e.candidate(), new Decision(false, reason, gain, improved(e, expected)));
        }
        Map<Candidate, Decision> ordered = new LinkedHashMap<>();
        evaluated.forEach(e -> ordered.put(e.candidate(), decisions.get(e.candidate())));
        return new Outcome(List.copyOf(chosen), ordered, expected, servedBy);
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
