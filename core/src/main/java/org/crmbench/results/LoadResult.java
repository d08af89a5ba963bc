package org.crmbench.results;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A finished load run.
 *
 * @param endpoints per endpoint name
 * @param failures occurrences per (method, name, error)
 * @param elapsed from the first request to the last response
 * @param dropped open model: requests not sent because --max-in-flight were out
 */
public record LoadResult(
        List<Endpoint> endpoints, Map<Failure, Long> failures, Duration elapsed, boolean openModel, long dropped) {

    /**
     * One endpoint's totals (Locust's key: method and name), latencies in microseconds.
     *
     * @param latencyUs the headline: from each request's intended start in the open model, else actual
     * @param uncorrectedUs open model: from each request's actual send; null in the closed model
     */
    public record Endpoint(
            String method,
            String name,
            long requests,
            long failures,
            long contentBytes,
            Histogram latencyUs,
            Histogram uncorrectedUs) {}

    /** A kind of failure of one endpoint. */
    public record Failure(String method, String name, String error) {}

    public long requests() {
        return endpoints.stream().mapToLong(Endpoint::requests).sum();
    }

    public long failureCount() {
        return endpoints.stream().mapToLong(Endpoint::failures).sum();
    }

    public double requestsPerSecond() {
        return requests() / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
