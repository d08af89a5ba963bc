package org.crmbench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A finished load run.
 *
 * @param endpoints per endpoint name: latency from the actual send (and, open model, from the intended start)
 * @param failures occurrences per (name, error)
 * @param elapsed from the first request to the last response
 */
public record LoadResult(
        List<Endpoint> endpoints, Map<Failure, Long> failures, Duration elapsed, boolean openModel, int users) {

    /** One endpoint name's totals; latencies in microseconds. */
    public record Endpoint(
            String name,
            long requests,
            long failures,
            long contentBytes,
            Histogram latencyUs,
            Histogram intendedLatencyUs) {}

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
