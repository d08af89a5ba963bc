package org.crmbench.server;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.crmbench.db.ReadHost;
import org.crmbench.db.ReadRouting;

/**
 * Requests and latency per route, the connection pool, the lanes and the read hosts, in
 * Prometheus' text format, written by the official client (io.prometheus:prometheus-metrics).
 * Latency quantiles come from an HdrHistogram per route, the histogram bench, load and report
 * use, so /metrics and crmbench's reports agree on what a p99 is; the client's own Summary keeps
 * a sliding-window estimate instead.
 */
final class Metrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final long HIGHEST_US = 60_000_000L;
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Map<String, ConcurrentHistogram> latencyUs = new ConcurrentHashMap<>();
    private final Counter requests;

    Metrics(HikariPoolMXBean pool, DatabaseWorkers connections, ReadRouting reads) {
        requests = Counter.builder()
                .name("crmbench_http_requests_total")
                .help("HTTP requests by route and status.")
                .labelNames("route", "status")
                .register(registry);
        SummaryWithCallback.builder()
                .name("crmbench_http_request_duration_seconds")
                .help("Latency of HTTP requests by route.")
                .labelNames("route")
                .callback(callback -> latencyUs.forEach((route, live) -> {
                    Histogram h = live.copy();
                    callback.call(h.getTotalCount(), h.getMean() * h.getTotalCount() / 1e6, quantiles(h), route);
                }))
                .register(registry);
        registerDatabase(pool, connections);
        registerHosts(reads);
    }

    void record(String route, int status, long nanos) {
        requests.labelValues(route, Integer.toString(status)).inc();
        latencyUs
                .computeIfAbsent(route, k -> new ConcurrentHistogram(HIGHEST_US, 3))
                .recordValue(Math.min(HIGHEST_US, Math.max(1, nanos / 1000)));
    }

    String prometheusText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Quantiles quantiles(Histogram h) {
        return Quantiles.of(Arrays.stream(QUANTILES)
                .mapToObj(q -> new Quantile(q, h.getValueAtPercentile(q * 100) / 1e6))
                .toList());
    }

    /** The pool's connections, the lanes' queues, rests, cancellations and deadlines. */
    private void registerDatabase(HikariPoolMXBean pool, DatabaseWorkers connections) {
        GaugeWithCallback.builder()
                .name("crmbench_db_connections")
                .help("Database connections of the pool by state.")
                .labelNames("state")
                .callback(callback -> {
                    callback.call(pool.getActiveConnections(), "active");
                    callback.call(pool.getIdleConnections(), "idle");
                    callback.call(pool.getTotalConnections(), "total");
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("crmbench_db_requests_waiting")
                .help("Requests queued (FIFO) for a database worker, by lane.")
                .labelNames("lane")
                .callback(callback -> {
                    for (DatabaseWorkers.Lane lane : DatabaseWorkers.Lane.values()) {
                        callback.call(connections.waiting(lane), lane.name().toLowerCase(Locale.ROOT));
                    }
                })
                .register(registry);
        counter(
                "crmbench_db_list_rest_seconds_total",
                "Time list workers rested so that lookups keep the CPU (--list-share).",
                () -> connections.listRestNanos() / 1e9);
        counter(
                "crmbench_db_statements_abandoned_total",
                "Statements cancelled because their client hung up.",
                connections::abandoned);
        counter(
                "crmbench_db_requests_expired_total",
                "Requests answered 503 at their queue deadline.",
                connections::expired);
        counter(
                "crmbench_db_shared_statements_total",
                "Statements that lookups waiting together shared (--lookup-batch).",
                connections::sharedStatements);
        counter(
                "crmbench_db_shared_lookups_total",
                "Lookups answered by a shared statement.",
                connections::sharedLookups);
        counter(
                "crmbench_db_shared_list_reads_total",
                "Reads that identical list requests waiting together shared (--list-batch).",
                connections::sharedListReads);
        counter(
                "crmbench_db_shared_list_requests_total",
                "List requests answered by a shared read.",
                connections::sharedListRequests);
    }

    /** Each database host reads can go to: requests it served, whether it takes reads, its lag. */
    private void registerHosts(ReadRouting reads) {
        CounterWithCallback.builder()
                .name("crmbench_db_host_requests_total")
                .help("Requests whose statements ran on this host.")
                .labelNames("host", "role")
                .callback(callback -> reads.hosts().forEach(host -> callback.call(host.statements(), labels(host))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("crmbench_db_host_reads")
                .help("Whether reads go to this host now (1) or not (0).")
                .labelNames("host", "role")
                .callback(callback -> reads.hosts().forEach(host -> callback.call(host.usable() ? 1 : 0, labels(host))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("crmbench_db_host_replay_lag_seconds")
                .help("A replica's replay lag behind the primary.")
                .labelNames("host", "role")
                .callback(callback -> reads.hosts()
                        .forEach(host ->
                                host.lag().ifPresent(lag -> callback.call(lag.toMillis() / 1000.0, labels(host)))))
                .register(registry);
        counter(
                "crmbench_db_reads_retried_total",
                "Reads that lost their replica and ran again elsewhere.",
                reads::retried);
    }

    private static String[] labels(ReadHost.Status host) {
        return new String[] {host.address(), host.role().label()};
    }

    private void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> callback.call(value.getAsDouble()))
                .register(registry);
    }
}
