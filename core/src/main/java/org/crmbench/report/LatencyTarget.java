package org.crmbench.report;

/** What "fast" means for one request: its median and its 99th percentile at most these. */
public record LatencyTarget(double p50Ms, double p99Ms) {
    /** The list API's goal at millions of rows: every combination p50 ≤ 10 ms and p99 ≤ 50 ms. */
    public static final LatencyTarget API = new LatencyTarget(10, 50);

    public boolean isMetBy(Measurement m) {
        return m.p50() <= p50Ms && m.p99() <= p99Ms;
    }
}
