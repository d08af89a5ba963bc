package org.crmbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.generate.GenerateReport;
import org.crmbench.generate.GenerateSettings;

/** The table printed when generate finishes. */
final class GenerateSummary {
    private static final String ROW = "%-26s %12s %9s %12s %9s%n";

    private GenerateSummary() {}

    static void print(PrintWriter out, GenerateSettings settings, ConnectionTarget target, GenerateReport report) {
        out.printf(
                Locale.ROOT,
                "Generated %,d users (seed %d, %s) into %s%n%n",
                settings.users(),
                settings.seed(),
                "index set " + settings.indexSet().name(),
                target.redactedUrl());
        out.printf(Locale.ROOT, ROW, "table", "rows", "seconds", "rows/s", "MB");
        for (GenerateReport.TableLoad t : report.tables()) {
            out.printf(
                    Locale.ROOT,
                    ROW,
                    t.table(),
                    String.format(Locale.ROOT, "%,d", t.rows()),
                    seconds(t.time()),
                    String.format(Locale.ROOT, "%,.0f", t.rowsPerSecond()),
                    String.format(Locale.ROOT, "%.1f", t.bytes() / 1e6));
        }
        phase(out, "primary and unique keys", report.keys());
        phase(out, "foreign keys and indexes", report.indexes());
        phase(out, "analyze", report.analyze());
        phase(out, "replace previous dataset", report.swap());
        phase(out, "total", report.total());
        out.flush();
    }

    private static void phase(PrintWriter out, String name, Duration time) {
        out.printf(Locale.ROOT, ROW, name, "", seconds(time), "", "");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }
}
