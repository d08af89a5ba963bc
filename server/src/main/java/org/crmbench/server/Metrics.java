package org.crmbench.server;

import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.crmbench.db.ReadHost;
import org.crmbench.db.ReadRouting;

/** Requests and latency per route, and the connection pool, in Prometheus' text format. */
final class Metrics {
    private static final long HIGHEST_US = 60_000_000L;
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

    /** Requests by route, then by status. */
    private final Map<String, Map<Integer, LongAdder>> requests = new ConcurrentHashMap<>();

    private final Map<String, ConcurrentHistogram> latencyUs = new ConcurrentHashMap<>();
    private final HikariPoolMXBean pool;
    private final DatabaseWorkers connections;
    private final ReadRouting reads;

    Metrics(HikariPoolMXBean pool, DatabaseWorkers connections, ReadRouting reads) {
        this.pool = pool;
        this.connections = connections;
        this.reads = reads;
    }

    void record(String route, int status, long nanos) {
        requests.computeIfAbsent(route, k -> new ConcurrentHashMap<Integer, LongAdder>())
                .computeIfAbsent(status, k -> new LongAdder())
                .increment();
        latencyUs
                .computeIfAbsent(route, k -> new ConcurrentHistogram(HIGHEST_US, 3))
                .recordValue(Math.min(HIGHEST_US, Math.max(1, nanos / 1000)));
    }

    String prometheusText() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP crmbench_http_requests_total HTTP requests by route and status.\n");
        out.append("# TYPE crmbench_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((route, byStatus) -> new TreeMap<>(byStatus)
                .forEach((status, count) -> out.append("crmbench_http_requests_total{route=\"")
                        .append(route)
                        .append("\",status=\"")
                        .append(status)
                        .append("\"} ")
                        .append(count.sum())
                        .append('\n')));
        out.append("# HELP crmbench_http_request_duration_seconds Latency of HTTP requests by route.\n");
        out.append("# TYPE crmbench_http_request_duration_seconds summary\n");
        new TreeMap<>(latencyUs).forEach((route, live) -> {
            Histogram h = live.copy();
            for (double q : QUANTILES) {
                out.append("crmbench_http_request_duration_seconds{route=\"")
                        .append(route)
                        .append("\",quantile=\"")
                        .append(q)
                        .append("\"} ")
                        .append(h.getValueAtPercentile(q * 100) / 1e6)
                        .append('\n');
            }
            out.append("crmbench_http_request_duration_seconds_sum{route=\"")
                    .append(route)
                    .append("\"} ")
                    .append(h.getMean() * h.getTotalCount() / 1e6)
                    .append('\n');
            out.append("crmbench_http_request_duration_seconds_count{route=\"")
                    .append(route)
                    .append("\"} ")
                    .append(h.getTotalCount())
                    .append('\n');
        });
        appendDatabase(out);
        appendHosts(out);
        return out.toString();
    }

    /** The pool's connections, the lanes' queues, rests, cancellations and deadlines. */
    private void appendDatabase(StringBuilder out) {
        out.append("# HELP crmbench_db_connections Database connections of the pool by state.\n");
        out.append("# TYPE crmbench_db_connections gauge\n");
        out.append("crmbench_db_connections{state=\"active\"} ")
                .append(pool.getActiveConnections())
                .append('\n');
        out.append("crmbench_db_connections{state=\"idle\"} ")
                .append(pool.getIdleConnections())
                .append('\n');
        out.append("crmbench_db_connections{state=\"total\"} ")
                .append(pool.getTotalConnections())
                .append('\n');
        out.append("# HELP crmbench_db_requests_waiting Requests queued (FIFO) for a database worker, by lane.\n");
        out.append("# TYPE crmbench_db_requests_waiting gauge\n");
        for (DatabaseWorkers.Lane lane : DatabaseWorkers.Lane.values()) {
            out.append("crmbench_db_requests_waiting{lane=\"")
                    .append(lane.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\"} ")
                    .append(connections.waiting(lane))
                    .append('\n');
        }
        out.append("# HELP crmbench_db_list_rest_seconds_total Time list workers rested so that lookups"
                + " keep the CPU (--list-share).\n");
        out.append("# TYPE crmbench_db_list_rest_seconds_total counter\n");
        out.append("crmbench_db_list_rest_seconds_total ")
                .append(connections.listRestNanos() / 1e9)
                .append('\n');
        out.append("# HELP crmbench_db_statements_abandoned_total Statements cancelled because their client"
                + " hung up.\n");
        out.append("# TYPE crmbench_db_statements_abandoned_total counter\n");
        out.append("crmbench_db_statements_abandoned_total ")
                .append(connections.abandoned())
                .append('\n');
        out.append("# HELP crmbench_db_requests_expired_total Requests answered 503 at their queue deadline.\n");
        out.append("# TYPE crmbench_db_requests_expired_total counter\n");
        out.append("crmbench_db_requests_expired_total ")
                .append(connections.expired())
                .append('\n');
    }

    /** Each database host reads can go to: requests it served, whether it takes reads, its lag. */
    private void appendHosts(StringBuilder out) {
        out.append("# HELP crmbench_db_host_requests_total Requests whose statements ran on this host.\n");
        out.append("# TYPE crmbench_db_host_requests_total counter\n");
        out.append("# HELP crmbench_db_host_reads Whether reads go to this host now (1) or not (0).\n");
        out.append("# TYPE crmbench_db_host_reads gauge\n");
        out.append("# HELP crmbench_db_host_replay_lag_seconds A replica's replay lag behind the primary.\n");
        out.append("# TYPE crmbench_db_host_replay_lag_seconds gauge\n");
        for (ReadHost.Status host : reads.hosts()) {
            String labels =
                    "{host=\"" + host.address() + "\",role=\"" + host.role().label() + "\"} ";
            out.append("crmbench_db_host_requests_total")
                    .append(labels)
                    .append(host.statements())
                    .append('\n');
            out.append("crmbench_db_host_reads")
                    .append(labels)
                    .append(host.usable() ? 1 : 0)
                    .append('\n');
            host.lag().ifPresent(lag -> out.append("crmbench_db_host_replay_lag_seconds")
                    .append(labels)
                    .append(lag.toMillis() / 1000.0)
                    .append('\n'));
        }
        out.append("# HELP crmbench_db_reads_retried_total Reads that lost their replica and ran again elsewhere.\n");
        out.append("# TYPE crmbench_db_reads_retried_total counter\n");
        out.append("crmbench_db_reads_retried_total ").append(reads.retried()).append('\n');
    }
}
