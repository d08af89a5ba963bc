package org.crmbench.load.locust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmbench.load.LoadRun;

/**
 * What a worker reports to the master every few seconds, in the shape of Locust's own
 * {@code StatsEntry.serialize()} ({@code locust/stats.py}): per name and method the requests and
 * failures since the last report, response times in milliseconds rounded as Locust rounds them
 * (whole under 100, to tens under 1,000, hundreds under 10,000, thousands above), per-second
 * counts, and the errors. The master adds the reports of all its workers.
 */
final class LocustStats implements LoadRun.RequestObserver {
    /** One name and method since the last report (Locust's StatsEntryDict). */
    private static final class Entry {
        final String name;
        final String method;
        double startTime = now();
        Double lastRequestTimestamp;
        long requests;
        long failures;
        double totalResponseTime;
        double maxResponseTime;
        Double minResponseTime;
        long totalContentLength;
        final Map<Long, Long> responseTimes = new LinkedHashMap<>();
        final Map<Long, Long> requestsPerSecond = new LinkedHashMap<>();
        final Map<Long, Long> failuresPerSecond = new LinkedHashMap<>();

        Entry(String name, String method) {
            this.name = name;
            this.method = method;
        }

        void log(double ms, int bytes, double time, boolean failed) {
            long second = (long) time;
            requests++;
            lastRequestTimestamp = time;
            requestsPerSecond.merge(second, 1L, Long::sum);
            totalResponseTime += ms;
            minResponseTime = minResponseTime == null ? ms : Math.min(minResponseTime, ms);
            maxResponseTime = Math.max(maxResponseTime, ms);
            responseTimes.merge(rounded(ms), 1L, Long::sum);
            totalContentLength += bytes;
            if (failed) {
                failures++;
                failuresPerSecond.merge(second, 1L, Long::sum);
            }
        }

        Map<String, Object> serialize() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("method", method);
            m.put("last_request_timestamp", lastRequestTimestamp);
            m.put("start_time", startTime);
            m.put("num_requests", requests);
            m.put("num_none_requests", 0L);
            m.put("num_failures", failures);
            m.put("total_response_time", totalResponseTime);
            m.put("max_response_time", maxResponseTime);
            m.put("min_response_time", minResponseTime);
            m.put("total_content_length", totalContentLength);
            m.put("response_times", new LinkedHashMap<>(responseTimes));
            m.put("num_reqs_per_sec", new LinkedHashMap<>(requestsPerSecond));
            m.put("num_fail_per_sec", new LinkedHashMap<>(failuresPerSecond));
            return m;
        }
    }

    private final Object lock = new Object();
    private Map<List<String>, Entry> entries = new LinkedHashMap<>();
    private Entry total = new Entry("Aggregated", "");
    private Map<String, Map<String, Object>> errors = new LinkedHashMap<>();

    @Override
    public void ended(String method, String name, long latencyNanos, int bytes, String error) {
        double ms = latencyNanos / 1e6;
        double time = now();
        synchronized (lock) {
            entries.computeIfAbsent(List.of(name, method), k -> new Entry(name, method))
                    .log(ms, bytes, time, error != null);
            total.log(ms, bytes, time, error != null);
            if (error != null) {
                Map<String, Object> e = errors.computeIfAbsent(key(method, name, error), k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", name);
                    m.put("method", method);
                    m.put("error", error);
                    m.put("occurrences", 0L);
                    return m;
                });
                e.put("occurrences", (Long) e.get("occurrences") + 1);
            }
        }
    }

    /** The report since the last one ({@code stats}, {@code stats_total}, {@code errors}), and a fresh start. */
    Map<String, Object> takeReport() {
        Map<List<String>, Entry> reported;
        Entry reportedTotal;
        Map<String, Map<String, Object>> reportedErrors;
        synchronized (lock) {
            reported = entries;
            reportedTotal = total;
            reportedErrors = errors;
            entries = new LinkedHashMap<>();
            total = new Entry("Aggregated", "");
            errors = new LinkedHashMap<>();
        }
        List<Object> stats = new ArrayList<>();
        reported.values().forEach(e -> stats.add(e.serialize()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stats", stats);
        data.put("stats_total", reportedTotal.serialize());
        data.put("errors", new LinkedHashMap<>(reportedErrors));
        return data;
    }

    /** Locust's bucket: 147 ms stays 147, 3432 becomes 3400 (Python's round, half to even). */
    static long rounded(double ms) {
        if (ms < 100) {
            return (long) Math.rint(ms);
        }
        if (ms < 1_000) {
            return (long) (Math.rint(ms / 10) * 10);
        }
        if (ms < 10_000) {
            return (long) (Math.rint(ms / 100) * 100);
        }
        return (long) (Math.rint(ms / 1_000) * 1_000);
    }

    /** An error's key: the same error of the same request always gets the same one (Locust hashes too). */
    private static String key(String method, String name, String error) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((method + "." + name + "." + error).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
