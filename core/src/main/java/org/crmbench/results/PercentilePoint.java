package org.crmbench.results;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** A latency (milliseconds) at a percentile (0 to 100). */
public record PercentilePoint(double percentile, double ms) {
    /** How many points per halving of the remaining percentile distance a curve gets. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    /** The full percentile curve of a histogram whose values are {@code unitsPerMs} to the millisecond. */
    public static List<PercentilePoint> curve(Histogram h, double unitsPerMs) {
        List<PercentilePoint> curve = new ArrayList<>();
        curve.add(new PercentilePoint(0, h.getMinValue() / unitsPerMs));
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p > 0) {
                curve.add(new PercentilePoint(
                        Math.min(100, p), h.highestEquivalentValue(v.getValueIteratedTo()) / unitsPerMs));
            }
        }
        return curve;
    }
}
