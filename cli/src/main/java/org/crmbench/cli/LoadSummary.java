package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.crmbench.load.LoadInterval;
import org.crmbench.load.LoadSettings;
import org.crmbench.report.LoadRunReport;
import org.crmbench.report.ReportTables;
import org.crmbench.report.TextTable;
import org.crmbench.results.Figures;
import org.crmbench.results.LoadResult;

/** The status line while load runs, and its result at the end through the report tables. */
final class LoadSummary {
    private LoadSummary() {}

    static void status(PrintWriter err, LoadInterval i, boolean openModel) {
        err.printf(
                Locale.ROOT,
                "%5.0fs  %s  %,9.0f req/s  failures %,d  p50 %s ms  p99 %s ms%n",
                i.elapsedSeconds(),
                openModel ? "open model" : String.format(Locale.ROOT, "users %,d", i.users()),
                i.requestsPerSecond(),
                i.totalFailures(),
                ms(i.window(), 50),
                ms(i.window(), 99));
        err.flush();
    }

    static void print(PrintWriter out, LoadResult r, String csvPrefix) {
        out.println();
        ReportTables.of(LoadRunReport.of(r, Path.of(csvPrefix == null ? "load" : csvPrefix)))
                .forEach(t -> out.print(t.render(TextTable.Format.TEXT)));
        if (!r.failures().isEmpty()) {
            out.printf(Locale.ROOT, "%nFailures:%n");
            r.failures()
                    .forEach((f, n) ->
                            out.printf(Locale.ROOT, "  %,8d  %s %s: %s%n", n, f.method(), f.name(), f.error()));
        }
        if (csvPrefix != null) {
            out.printf(
                    Locale.ROOT,
                    "%nCSV: %s_stats.csv, %s_stats_history.csv, %s_failures.csv (and .hlog per endpoint)%n",
                    csvPrefix,
                    csvPrefix,
                    csvPrefix);
        }
        out.flush();
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : Figures.ms(h.getValueAtPercentile(percentile) / 1000.0);
    }

    /** The model in a phrase: "1,000 users at 100.0/s (closed model)". */
    static String describe(LoadSettings settings) {
        String ramp = settings.stages().isEmpty()
                ? ""
                : " ramped over " + settings.stages().size() + " stages";
        return switch (settings.model()) {
            case LoadSettings.Open open ->
                String.format(
                        Locale.ROOT,
                        "%s requests/s%s, at most %,d in flight, %s (open model)",
                        settings.stages().isEmpty()
                                ? String.format(Locale.ROOT, "%,.0f", open.ratePerSecond())
                                : "up to",
                        ramp,
                        open.maxInFlight(),
                        open.whenBusy() == LoadSettings.WhenBusy.WAIT
                                ? "one due beyond waits for one to end"
                                : "one due beyond is dropped");
            case LoadSettings.Closed closed ->
                settings.stages().isEmpty()
                        ? String.format(
                                Locale.ROOT, "%,d users at %s/s (closed model)", closed.users(), closed.spawnRate())
                        : String.format(Locale.ROOT, "up to %,d users%s (closed model)", closed.users(), ramp);
        };
    }
}
