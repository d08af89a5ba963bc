package org.crmbench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One second of a run, as the reporter saw it: what happened in the interval, over the last ten
 * seconds (Locust's "current" percentiles) and since the start. Latencies in microseconds; in the
 * open model from the intended start.
 *
 * @param epochSecond when the interval ended
 * @param users users running (closed model) or 0 (open model)
 * @param seconds the interval's length
 * @param endpointIntervals per endpoint name: this interval's latencies (for the .hlog files)
 */
public record LoadInterval(
        long epochSecond,
        int users,
        double seconds,
        long requests,
        long failures,
        Histogram window,
        long totalRequests,
        long totalFailures,
        long totalBytes,
        Histogram total,
        Map<String, Histogram> endpointIntervals,
        double elapsedSeconds) {

    public double requestsPerSecond() {
        return requests / Math.max(1e-9, seconds);
    }

    public double failuresPerSecond() {
        return failures / Math.max(1e-9, seconds);
    }
}
