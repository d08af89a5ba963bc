package org.crmbench.load;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Once a second takes every endpoint's interval histogram (YCSB style: recorders during the run,
 * intervals merged into totals), so one data set gives the time series and the exact totals.
 */
final class IntervalReporter {
    private static final int WINDOW_INTERVALS = 10;

    private final Map<String, EndpointStats> endpoints;
    private final AtomicInteger users;
    private final LoadListener listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-reporter");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Histogram> window = new ArrayDeque<>();
    private final Histogram total = new Histogram(EndpointStats.HIGHEST_US, 3);
    private final Histogram recent = new Histogram(EndpointStats.HIGHEST_US, 3);
    private final Map<String, Long> seenRequests = new LinkedHashMap<>();
    private final Map<String, Long> seenFailures = new LinkedHashMap<>();
    private long startNanos;
    private long lastNanos;

    IntervalReporter(Map<String, EndpointStats> endpoints, AtomicInteger users, LoadListener listener) {
        this.endpoints = endpoints;
        this.users = users;
        this.listener = listener;
    }

    void start(long startNanos) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
        timer.scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops the timer and reports the last, partial interval. */
    void stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report();
    }

    Duration elapsed() {
        return Duration.ofNanos(lastNanos - startNanos);
    }

    synchronized void report() { // package-private for a test that reports without waiting for the timer
        long now = System.nanoTime();
        Histogram interval = new Histogram(EndpointStats.HIGHEST_US, 3);
        Map<String, Histogram> perEndpoint = new LinkedHashMap<>();
        long requests = 0;
        long failures = 0;
        long totalRequests = 0;
        long totalFailures = 0;
        long totalBytes = 0;
        for (EndpointStats e : endpoints.values()) {
            Histogram reported = e.takeInterval();
            interval.add(reported);
            perEndpoint.put(e.key(), reported);
            long r = e.requests.sum();
            long f = e.failures.sum();
            requests += r - seenRequests.getOrDefault(e.key(), 0L);
            failures += f - seenFailures.getOrDefault(e.key(), 0L);
            seenRequests.put(e.key(), r);
            seenFailures.put(e.key(), f);
            totalRequests += r;
            totalFailures += f;
            totalBytes += e.contentBytes.sum();
        }
        total.add(interval);
        // the window as a running sum: merging all ten intervals anew each second made the
        // histograms' loops hot enough for C2 to compile them again and again
        window.addLast(interval);
        recent.add(interval);
        if (window.size() > WINDOW_INTERVALS) {
            recent.subtract(window.removeFirst());
        }
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        listener.interval(new LoadInterval(
                System.currentTimeMillis() / 1000,
                users.get(),
                seconds,
                requests,
                failures,
                recent.copy(),
                totalRequests,
                totalFailures,
                totalBytes,
                total.copy(),
                perEndpoint,
                (now - startNanos) / 1e9));
    }
}
