package org.crmbench.report;

import org.crmbench.results.Measurement;

/** What "fast" means for one request: its median and its 99th percentile at most these. */
public record LatencyTarget(double p50Ms, double p99Ms) {
    /** The list API's goal at millions of rows: every combination p50 ≤ 10 ms and p99 ≤ 50 ms. */
    public static final LatencyTarget API = new LatencyTarget(10, 50);
    /** The same for pages of more than {@link #SMALL_PAGE} rows (up to 500): p50 ≤ 25 ms. */
    public static final LatencyTarget API_LARGE_PAGES = new LatencyTarget(25, 50);
    /** The API's default page size: pages up to this many rows are held to {@link #API}. */
    public static final int SMALL_PAGE = 50;

    /** The API's goal for a run whose largest page has {@code rows} rows. */
    public static LatencyTarget forPageSize(int rows) {
        return rows > SMALL_PAGE ? API_LARGE_PAGES : API;
    }

    public boolean isMetBy(Measurement m) {
        return m.p50() <= p50Ms && m.p99() <= p99Ms;
    }
}
