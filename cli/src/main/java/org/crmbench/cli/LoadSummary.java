package org.crmbench.cli;

import java.io.PrintWriter;
import org.HdrHistogram.Histogram;
import org.crmbench.load.LoadInterval;
import org.crmbench.load.LoadResult;
import org.crmbench.report.ReportTables;

/** The status line while load runs and the table at its end. */
final class LoadSummary {
    private static final String ROW = "%-28s %10s %9s %10s %9s %9s %9s %9s %9s%n";

    private LoadSummary() {}

    static void status(PrintWriter err, LoadInterval i, boolean openModel) {
        err.printf(
                "%5.0fs  %s  %,9.0f req/s  failures %,d  p50 %s ms  p99 %s ms%n",
                i.elapsedSeconds(),
                openModel ? "open model" : String.format("users %,d", i.users()),
                i.requestsPerSecond(),
                i.totalFailures(),
                ms(i.window(), 50),
                ms(i.window(), 99));
        err.flush();
    }

    static void print(PrintWriter out, LoadResult r, String csvPrefix) {
        out.printf(
                "%n%,d requests in %.1f s: %,.0f requests/s, %,d failed%s%n%n",
                r.requests(),
                r.elapsed().toNanos() / 1e9,
                r.requestsPerSecond(),
                r.failureCount(),
                r.openModel() ? " (latency from each request's intended start; uncorrected beside it)" : "");
        out.printf(ROW, "name", "requests", "failures", "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
        double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
        for (LoadResult.Endpoint e : r.endpoints()) {
            Histogram h = r.openModel() ? e.intendedLatencyUs() : e.latencyUs();
            out.printf(
                    ROW,
                    e.name(),
                    String.format("%,d", e.requests()),
                    String.format("%,d", e.failures()),
                    String.format("%,.0f", e.requests() / seconds),
                    ms(h, 50),
                    ms(h, 90),
                    ms(h, 99),
                    ms(h, 99.9),
                    ms(h, 100));
            if (r.openModel()) {
                Histogram u = e.latencyUs();
                out.printf(ROW, "  uncorrected", "", "", "", ms(u, 50), ms(u, 90), ms(u, 99), ms(u, 99.9), ms(u, 100));
            }
        }
        if (!r.failures().isEmpty()) {
            out.printf("%nFailures:%n");
            r.failures().forEach((f, n) -> out.printf("  %,8d  %s %s: %s%n", n, f.method(), f.name(), f.error()));
        }
        if (csvPrefix != null) {
            out.printf(
                    "%nCSV: %s_stats.csv, %s_stats_history.csv, %s_failures.csv (and .hlog per endpoint)%n",
                    csvPrefix, csvPrefix, csvPrefix);
        }
        out.flush();
    }

    private static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        long us = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return ReportTables.ms(us / 1000.0);
    }
}
