package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.crmbench.advise.Advice;
import org.crmbench.advise.AdviceTables;
import org.crmbench.advise.AdviseSettings;
import org.crmbench.report.Report;
import org.crmbench.report.ReportTables;
import org.crmbench.report.TextTable;

/** What advise prints when it is done: its tables, the frontier, the summary and where the reports are. */
final class AdviseSummary {
    private AdviseSummary() {}

    /** The run's tables, frontier and summary, and where its reports are. */
    static void print(PrintWriter stdout, Advice advice, Report report, AdviseSettings settings) {
        stdout.println();
        stdout.println(AdviceTables.candidates(advice).render(TextTable.Format.TEXT));
        stdout.print(String.join(
                "\n",
                ReportTables.of(report).stream()
                        .map(t -> t.render(TextTable.Format.TEXT))
                        .toList()));
        stdout.println();
        stdout.println(AdviceTables.interactions(advice).render(TextTable.Format.TEXT));
        stdout.println(AdviceTables.verification(advice).render(TextTable.Format.TEXT));
        stdout.println(AdviceTables.frontier(advice).render(TextTable.Format.TEXT));
        stdout.printf(
                Locale.ROOT,
                "%d indexes recommended, %,.0f MB; p50 at or under target: %d of %d statements before, %d with"
                        + " them (%s)%n",
                advice.chosen().size(),
                advice.chosenBytes() / 1048576.0,
                advice.underTarget(advice.before()),
                advice.workload().statements().size(),
                advice.underTargetWithSet(),
                AdviceTables.clock(advice.elapsed().toSeconds()));
        stdout.printf(
                Locale.ROOT,
                "Reports:   %s (advise.sql, frontier.csv, candidates.csv, statements.csv, benchmarks.csv,"
                        + " report.html)%n",
                advice.folder());
        stdout.printf(
                Locale.ROOT,
                "Apply:     psql -f %s   or measure: crmbench bench --surface --index-sets baseline,%s%n",
                settings.out().resolve("advise.sql"),
                settings.out().resolve("advise.sql"));
    }
}
