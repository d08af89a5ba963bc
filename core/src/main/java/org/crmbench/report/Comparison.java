package org.crmbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmbench.results.Measurement;

/**
 * Two reports of the same kind compared per scenario (bench: scenario and mode; load: endpoint).
 *
 * <p>Noise: a percentile measured from n samples is uncertain. Its distribution-free 95%
 * confidence interval runs between two order statistics of the same sample, the values of rank
 * nq ∓ 1.96·√(nq(1−q)) (normal approximation of the binomial). When a rank falls outside 1…n the
 * bound is unknown: below the minimum it is 0, above the maximum it is unbounded. A percentile
 * is called faster or slower only when the two runs' intervals do not overlap <em>and</em> the
 * change is at least {@code minChangePercent}; anything else is "same". So 5 executions tell
 * nothing at 95% (the median's interval is everything) and a p99 needs a few hundred samples,
 * while with 500,000 requests the intervals are tight and the minimum change guards against
 * differences that are real but too small to matter. The interval does not know about noise
 * between runs (another process on the machine), which is what the minimum change is for.
 */
public record Comparison(Report base, Report next, double minChangePercent, List<Change> changes) {

    private static final double Z95 = 1.96;
    /** The smallest change {@code report --compare} marks faster or slower unless told otherwise. */
    public static final int DEFAULT_MIN_CHANGE_PERCENT = 5;

    public enum Verdict {
        FASTER("faster"),
        SLOWER("slower"),
        SAME("same");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One latency percentile in both runs, the change in percent and whether it counts;
     * {@code tooFewSamples} when either run is too small to bound it at all.
     */
    public record MetricChange(
            double before, double after, double changePercent, Verdict verdict, boolean tooFewSamples) {}

    /** One scenario in both runs: p50, p99, the change in throughput (not judged) and the verdict. */
    public record Change(
            String key, Measurement before, Measurement after, MetricChange p50, MetricChange p99, Verdict verdict) {

        public double throughputChangePercent() {
            return percent(before.throughput(), after.throughput());
        }

        /** True when p50 or p99 was judged slower by more than {@code thresholdPercent}. */
        public boolean slowerThan(double thresholdPercent) {
            return (p50.verdict() == Verdict.SLOWER && p50.changePercent() > thresholdPercent)
                    || (p99.verdict() == Verdict.SLOWER && p99.changePercent() > thresholdPercent);
        }
    }

    public static Comparison of(Report base, Report next, double minChangePercent) {
        if (base.kind() != next.kind()) {
            throw new IllegalArgumentException("Cannot compare a " + base.kind().label() + " report (" + base.source()
                    + ") with a " + next.kind().label() + " report (" + next.source() + ")");
        }
        Map<String, Measurement> before = new LinkedHashMap<>();
        base.measurements().forEach(m -> before.put(m.key(), m));
        List<Change> changes = new ArrayList<>();
        for (Measurement after : next.measurements()) {
            Measurement b = before.get(after.key());
            if (b != null) {
                MetricChange p50 = change(b, after, 50, minChangePercent);
                MetricChange p99 = change(b, after, 99, minChangePercent);
                changes.add(new Change(after.key(), b, after, p50, p99, overall(p50.verdict(), p99.verdict())));
            }
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException(base.source() + " and " + next.source() + " have no "
                    + (base.kind() == Report.Kind.BENCH ? "scenario and mode" : "endpoint") + " in common");
        }
        return new Comparison(base, next, minChangePercent, List.copyOf(changes));
    }

    /** True when any scenario got slower by more than {@code thresholdPercent} beyond the noise. */
    public boolean anySlowerThan(double thresholdPercent) {
        return !slowerThan(thresholdPercent).isEmpty();
    }

    /** The scenarios that got slower by more than {@code thresholdPercent} beyond the noise. */
    public List<String> slowerThan(double thresholdPercent) {
        return changes.stream()
                .filter(c -> c.slowerThan(thresholdPercent))
                .map(Change::key)
                .toList();
    }

    /** One percentile judged by the rule above: faster, slower or the same, and by how much. */
    public static MetricChange change(
            Measurement before, Measurement after, double percentile, double minChangePercent) {
        double b = before.latencyAt(percentile);
        double a = after.latencyAt(percentile);
        double change = percent(b, a);
        double[] bi = interval(before, percentile);
        double[] ai = interval(after, percentile);
        Verdict verdict = Verdict.SAME;
        if (ai[0] > bi[1] && change >= minChangePercent) {
            verdict = Verdict.SLOWER;
        } else if (ai[1] < bi[0] && -change >= minChangePercent) {
            verdict = Verdict.FASTER;
        }
        return new MetricChange(
                b, a, change, verdict, tooFewSamples(before, percentile) || tooFewSamples(after, percentile));
    }

    /**
     * The latencies at the bounds of the 95% confidence interval of {@code percentile}: 0 when the
     * lower rank is below the first sample, infinity when the upper rank is beyond the last.
     */
    static double[] interval(Measurement m, double percentile) {
        double n = Math.max(1, m.count());
        double q = percentile / 100;
        double spread = Z95 * Math.sqrt(n * q * (1 - q));
        long lower = (long) Math.floor(n * q - spread);
        long upper = (long) Math.ceil(n * q + spread) + 1;
        return new double[] {
            lower < 1 ? 0 : m.latencyAt(100.0 * lower / n),
            upper > n ? Double.POSITIVE_INFINITY : m.latencyAt(100.0 * upper / n)
        };
    }

    /** True when the sample is too small to bound {@code percentile} at 95% on either side. */
    static boolean tooFewSamples(Measurement m, double percentile) {
        double[] bounds = interval(m, percentile);
        return bounds[0] == 0 && Double.isInfinite(bounds[1]);
    }

    private static Verdict overall(Verdict p50, Verdict p99) {
        if (p50 == Verdict.SLOWER || p99 == Verdict.SLOWER) {
            return Verdict.SLOWER;
        }
        return p50 == Verdict.FASTER || p99 == Verdict.FASTER ? Verdict.FASTER : Verdict.SAME;
    }

    private static double percent(double before, double after) {
        return (after - before) / Math.max(Math.abs(before), 1e-9) * 100;
    }
}
