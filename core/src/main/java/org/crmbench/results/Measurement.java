package org.crmbench.results;

import java.util.List;

/**
 * What a report knows about one measured thing: a bench scenario in one mode, or one endpoint of a
 * load run (mode empty). {@code points} are the percentiles the file gives, always including 0
 * (the minimum) and 100 (the maximum); {@code distribution} is the full percentile curve when an
 * HdrHistogram log was found next to the file, else the same points.
 *
 * @param count executions or requests measured
 * @param failures failed requests (0 for bench)
 * @param throughput executions per second of one client (bench) or requests per second (load)
 * @param plan bench: the one-line shape of the plan PostgreSQL chose; load: empty
 */
public record Measurement(
        String name,
        String mode,
        long count,
        long failures,
        double meanMs,
        double throughput,
        List<PercentilePoint> points,
        List<PercentilePoint> distribution,
        String plan) {

    public Measurement {
        if (points.size() < 2
                || points.getFirst().percentile() != 0
                || points.getLast().percentile() != 100) {
            throw new IllegalArgumentException("a measurement needs its minimum and maximum");
        }
        points = List.copyOf(points);
        distribution = List.copyOf(distribution);
    }

    /** The name and mode that identify this row when two reports are compared. */
    public String key() {
        return mode.isEmpty() ? name : name + " (" + mode + ")";
    }

    public double p50() {
        return latencyAt(50);
    }

    public double p99() {
        return latencyAt(99);
    }

    public double max() {
        return points.getLast().ms();
    }

    /** Latency at {@code percentile}, linear between the two nearest known percentiles. */
    public double latencyAt(double percentile) {
        double p = Math.max(0, Math.min(100, percentile));
        for (int i = 1; i < points.size(); i++) {
            PercentilePoint hi = points.get(i);
            if (p <= hi.percentile()) {
                PercentilePoint lo = points.get(i - 1);
                double span = hi.percentile() - lo.percentile();
                return span <= 0 ? hi.ms() : lo.ms() + (hi.ms() - lo.ms()) * (p - lo.percentile()) / span;
            }
        }
        return max();
    }

    public Measurement withDistribution(List<PercentilePoint> curve) {
        return new Measurement(name, mode, count, failures, meanMs, throughput, points, curve, plan);
    }
}
