package org.crmbench.report;

import java.util.List;
import java.util.Locale;
import org.crmbench.results.Figures;
import org.crmbench.results.Measurement;

/**
 * How one mode (bench: index set) of a run fares against a latency target: "tuned: 570 of 570
 * combinations under 10 ms p50 ...", and its slowest measurements.
 */
public record TargetSummary(
        String mode,
        LatencyTarget target,
        long total,
        long underP50,
        long underP99,
        long meetingBoth,
        double worstP99Ms,
        List<Measurement> slowest) {

    public TargetSummary {
        slowest = List.copyOf(slowest);
    }

    /** "tuned: 570 of 570 combinations under 10 ms p50, ..." with {@code unit} for what was measured. */
    public String line(String unit) {
        return String.format(
                Locale.ROOT,
                "%s: %,d of %,d %s under %s ms p50, %,d under %s ms p99; %,d meet both",
                mode,
                underP50,
                total,
                unit,
                Figures.trim(target.p50Ms()),
                underP99,
                Figures.trim(target.p99Ms()),
                meetingBoth);
    }
}
