package org.crmbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.crmbench.results.HistoryPoint;
import org.crmbench.results.Measurement;
import org.crmbench.results.SpeedUp;

/**
 * A report file read back: what kind of run wrote it, where it came from, a one-line description
 * (run, dataset size), its measurements in file order, for load runs the per-second history, and
 * the latency target its requests are held to (the API's, by the run's page size). Bench, load and
 * report all print a run from this one model.
 */
public record Report(
        Kind kind,
        Path source,
        String description,
        List<Measurement> measurements,
        List<HistoryPoint> history,
        LatencyTarget target) {

    /** The set every other index set is compared with when a bench run measured it. */
    public static final String BASE_SET = "baseline";

    public enum Kind {
        BENCH("bench"),
        LOAD("load");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Report {
        measurements = List.copyOf(measurements);
        history = List.copyOf(history);
    }

    /** The modes (bench: index sets) in the order the run measured them. */
    public List<String> modes() {
        return List.copyOf(
                new LinkedHashSet<>(measurements.stream().map(Measurement::mode).toList()));
    }

    /**
     * Bench: per scenario, each index set against the base set (baseline when measured, else the
     * first set), base set first; empty when the run measured one set.
     */
    public List<SpeedUp> speedUps() {
        List<String> modes = modes();
        if (kind != Kind.BENCH || modes.size() < 2) {
            return List.of();
        }
        String base = modes.contains(BASE_SET) ? BASE_SET : modes.getFirst();
        Map<String, Measurement> baseByScenario = new LinkedHashMap<>();
        measurements.stream().filter(m -> m.mode().equals(base)).forEach(m -> baseByScenario.put(m.name(), m));
        List<SpeedUp> speedUps = new ArrayList<>();
        for (String mode : modes) {
            if (mode.equals(base)) {
                continue;
            }
            for (Measurement m : measurements) {
                Measurement b = baseByScenario.get(m.name());
                if (m.mode().equals(mode) && b != null) {
                    speedUps.add(new SpeedUp(m.name(), b, m));
                }
            }
        }
        return speedUps;
    }

    /** Per mode (bench: index set), how many measurements meet {@code target} and the slowest ones. */
    public List<TargetSummary> summaries(int slowest) {
        List<TargetSummary> summaries = new ArrayList<>();
        for (String mode : modes()) {
            List<Measurement> ofMode =
                    measurements.stream().filter(m -> m.mode().equals(mode)).toList();
            summaries.add(new TargetSummary(
                    mode,
                    target,
                    ofMode.size(),
                    ofMode.stream().filter(m -> m.p50() <= target.p50Ms()).count(),
                    ofMode.stream().filter(m -> m.p99() <= target.p99Ms()).count(),
                    ofMode.stream().filter(target::isMetBy).count(),
                    ofMode.stream().mapToDouble(Measurement::p99).max().orElse(Double.NaN),
                    ofMode.stream()
                            .sorted(Comparator.comparingDouble(Measurement::p50)
                                    .thenComparingDouble(Measurement::p99)
                                    .reversed())
                            .limit(slowest)
                            .toList()));
        }
        return summaries;
    }
}
