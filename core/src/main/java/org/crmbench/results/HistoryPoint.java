package org.crmbench.results;

/**
 * One row of a load run's stats history (one per second): the users running, the current
 * requests/s and failures/s, and the median and 99th percentile of the recent window in
 * milliseconds ({@code NaN} when the window had no requests).
 */
public record HistoryPoint(
        long epochSecond, int users, double requestsPerSecond, double failuresPerSecond, double p50Ms, double p99Ms) {}
