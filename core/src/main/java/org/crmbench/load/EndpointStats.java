package org.crmbench.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one endpoint name measured: latencies in microseconds (a Recorder, so intervals can be
 * taken while users record), with the figure from the intended start beside the actual one in the
 * open model, and counts of requests, failures and bytes.
 */
final class EndpointStats {
    static final long HIGHEST_US = 3_600_000_000L;

    final String name;
    final Recorder latencyUs = new Recorder(HIGHEST_US, 3);
    /** Open model only: latency from the moment the request was due (coordinated omission corrected). */
    final Recorder intendedLatencyUs = new Recorder(HIGHEST_US, 3);

    final LongAdder requests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder contentBytes = new LongAdder();

    /** Totals, merged from the intervals by the one reporting thread. */
    final Histogram total = new Histogram(HIGHEST_US, 3);

    final Histogram totalIntended = new Histogram(HIGHEST_US, 3);

    EndpointStats(String name) {
        this.name = name;
    }

    void record(long latencyNanos, long intendedLatencyNanos, int bytes, boolean failed) {
        latencyUs.recordValue(clamp(latencyNanos));
        if (intendedLatencyNanos > 0) {
            intendedLatencyUs.recordValue(clamp(intendedLatencyNanos));
        }
        requests.increment();
        contentBytes.add(bytes);
        if (failed) {
            failures.increment();
        }
    }

    private static long clamp(long nanos) {
        return Math.min(HIGHEST_US, Math.max(1, (nanos + 500) / 1000));
    }
}
