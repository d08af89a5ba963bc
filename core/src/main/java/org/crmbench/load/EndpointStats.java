package org.crmbench.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.crmbench.results.LoadResult;

/**
 * What one endpoint name measured: latencies in microseconds (Recorders, so intervals can be taken
 * while users record) and counts of requests, failures and bytes. This is the one place that
 * decides which latency is the headline: in the open model the one from each request's intended
 * start (coordinated omission corrected), with the actual one kept as "uncorrected"; in the
 * closed model the actual one.
 */
final class EndpointStats {
    static final long HIGHEST_US = 3_600_000_000L;

    final String method;
    final String name;
    private final boolean openModel;
    private final Recorder actualUs = new Recorder(HIGHEST_US, 3);
    private final Recorder intendedUs = new Recorder(HIGHEST_US, 3);

    final LongAdder requests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder contentBytes = new LongAdder();

    /** Totals, merged from the intervals by the one reporting thread. */
    private final Histogram total = new Histogram(HIGHEST_US, 3);

    private final Histogram totalUncorrected = new Histogram(HIGHEST_US, 3);

    EndpointStats(String method, String name, boolean openModel) {
        this.method = method;
        this.name = name;
        this.openModel = openModel;
    }

    void record(long latencyNanos, long intendedLatencyNanos, int bytes, boolean failed) {
        actualUs.recordValue(clamp(latencyNanos));
        if (openModel) {
            intendedUs.recordValue(clamp(intendedLatencyNanos));
        }
        requests.increment();
        contentBytes.add(bytes);
        if (failed) {
            failures.increment();
        }
    }

    /** The headline latencies since the last call (the reporting thread's), added into the totals. */
    Histogram takeInterval() {
        Histogram actual = actualUs.getIntervalHistogram();
        if (!openModel) {
            total.add(actual);
            return actual;
        }
        totalUncorrected.add(actual);
        Histogram intended = intendedUs.getIntervalHistogram();
        total.add(intended);
        return intended;
    }

    /** The totals, once the reporter has taken the last interval. */
    LoadResult.Endpoint result() {
        return new LoadResult.Endpoint(
                method,
                name,
                requests.sum(),
                failures.sum(),
                contentBytes.sum(),
                total,
                openModel ? totalUncorrected : null);
    }

    /** How the endpoint is named in files: its name, with the method first unless it is GET (Locust's key). */
    String key() {
        return key(method, name);
    }

    static String key(String method, String name) {
        return method.equals("GET") ? name : method + " " + name;
    }

    private static long clamp(long nanos) {
        return Math.min(HIGHEST_US, Math.max(1, (nanos + 500) / 1000));
    }
}
