package org.crmbench.report;

/** One point of a latency distribution: {@code percentile} (0–100) of the values are at most {@code ms}. */
public record PercentilePoint(double percentile, double ms) {}
