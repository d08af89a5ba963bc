package org.crmbench.cli;

import static org.crmbench.report.TextTable.Column.text;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmbench.advise.Advice;
import org.crmbench.advise.AdviceFiles;
import org.crmbench.advise.AdviceTables;
import org.crmbench.advise.AdviseSettings;
import org.crmbench.advise.Advisor;
import org.crmbench.advise.Evaluated;
import org.crmbench.advise.StatStatements;
import org.crmbench.advise.Workload;
import org.crmbench.advise.WorkloadFile;
import org.crmbench.db.Database;
import org.crmbench.measure.Repetition;
import org.crmbench.report.Report;
import org.crmbench.report.ReportTables;
import org.crmbench.report.TextTable;
import org.crmbench.values.ScenarioDataset;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "advise",
        mixinStandardHelpOptions = true,
        description = {
            "Recommend indexes from measurements: build each candidate, measure the statements before and after.",
            "Candidates come from the statements' plans (equality and range filters, sort and join keys,"
                    + " expressions, covering and partial variants). Each is built for real, the statements whose plan"
                    + " uses it are measured with bench's harness, its size, build time and write cost recorded, and"
                    + " it is dropped again. The set that saves the most measured milliseconds per MB is chosen,"
                    + " built together and measured once more. The database is left as it was found, also on"
                    + " failure or Ctrl-C. Workload: the list API's surface (default), a workload file of SQL"
                    + " templates, or the top statements of pg_stat_statements."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench generate --n 3000000 --no-indexes && crmbench advise",
            "  crmbench advise --max-size 2GB --out reports/advise",
            "  crmbench advise --workload examples/advise/workload.yaml",
            "  crmbench advise --from-pg-stat-statements 20 --jdbc-url jdbc:postgresql://host/db",
            "  crmbench bench --surface --index-sets baseline,reports/advise/advise.sql   # measure the result",
            "",
            "Reports: DIR/runs/RUN_ID/ with advise.sql, candidates.csv, statements.csv, benchmarks.csv",
            "  (modes before and advised, for crmbench report), report.html, plans/; the main ones also in DIR."
        })
final class AdviseCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Mixin
    MeasureOptions measure;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(
                names = "--workload",
                paramLabel = "FILE",
                description = "A workload file: SQL statements with ${value} places and value generators (YAML).")
        Path workload;

        @Option(
                names = "--from-pg-stat-statements",
                paramLabel = "N",
                arity = "0..1",
                fallbackValue = "20",
                description = "The top N statements by total time in pg_stat_statements (N default 20).")
        Integer topStatements;
    }

    @Option(
            names = "--cap",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = AdviseSettings.DEFAULT_CAP_MS + "ms",
            description = "Statement timeout while measuring: slower statements are recorded as over it, not"
                    + " waited for (default ${DEFAULT-VALUE}).")
    Duration cap;

    @Option(
            names = "--max-size",
            paramLabel = "SIZE",
            converter = SizeConverter.class,
            defaultValue = "0",
            description = "Most disk the recommended indexes may take together, e.g. 2GB (default: no limit).")
    long maxSize;

    @Option(
            names = "--min-saving",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = AdviseSettings.DEFAULT_MIN_SAVING_MS + "ms",
            description = "The least a statement's p50 must drop, besides by a fifth, for an index to count as"
                    + " making it faster (default ${DEFAULT-VALUE}).")
    Duration minSaving;

    @Option(
            names = "--max-candidates",
            paramLabel = "N",
            defaultValue = "" + AdviseSettings.DEFAULT_MAX_CANDIDATES,
            description =
                    "Most candidates built and measured, the most widely useful first (default ${DEFAULT-VALUE}).")
    int maxCandidates;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports/advise",
            description = "Reports folder (default ${DEFAULT-VALUE}); each run gets DIR/runs/RUN_ID/.")
    Path out;

    @Override
    public Integer call() {
        AdviseSettings settings = UsageErrors.orUsageError(
                db.spec,
                () -> new AdviseSettings(
                        new Repetition(measure.repeat, measure.warmup, Duration.ZERO),
                        cap,
                        maxSize,
                        maxCandidates,
                        minSaving,
                        out));
        if (source.topStatements != null && source.topStatements < 1) {
            throw new picocli.CommandLine.ParameterException(
                    db.spec.commandLine(),
                    "--from-pg-stat-statements must be at least 1 but was " + source.topStatements);
        }
        PrintWriter err = db.spec.commandLine().getErr();
        PrintWriter stdout = db.spec.commandLine().getOut();
        Progress progress = new Progress(err);
        try (Database database = Database.open(db.settings(4))) {
            Workload workload = workload(database, err, progress);
            Advisor advisor = new Advisor(database, settings, progress);
            Runnable interrupted = () -> {
                advisor.abort();
                err.println("\nInterrupted: the candidate indexes advise had built are dropped;"
                        + " the database is as it was.");
                err.flush();
            };
            database.onInterrupt(interrupted);
            Advice advice;
            try {
                advice = advisor.run(workload);
            } finally {
                database.removeInterruptTask(interrupted);
            }
            print(stdout, advice, AdviceFiles.write(advice), settings);
        }
        return ExitCode.OK;
    }

    /** The run's tables, frontier and summary, and where its reports are. */
    private static void print(PrintWriter stdout, Advice advice, Report report, AdviseSettings settings) {
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

    private Workload workload(Database database, PrintWriter err, Progress progress) {
        if (source.workload != null) {
            long users = database.dsl().fetchCount(org.crmbench.jooq.Tables.APP_USER);
            return UsageErrors.orUsageError(
                    db.spec,
                    () -> WorkloadFile.read(
                            source.workload,
                            new ScenarioDataset(Math.max(users, 1), null, () -> database, measure.seed),
                            measure.seed));
        }
        if (source.topStatements != null) {
            return StatStatements.top(database, source.topStatements, skipped -> {
                err.println("left out " + skipped);
                err.flush();
            });
        }
        int pageSize = measure.pageSize();
        org.crmbench.schema.CrmbenchSchema.requireDataset(database.dsl());
        progress.phase("finding common, rare and absent filter values in the dataset");
        return Workload.surface(database, pageSize);
    }

    /** Progress on stderr: a line redrawn in place on a terminal, a line per step otherwise. */
    private static final class Progress implements Advisor.Listener {
        private final PrintWriter err;
        private final boolean terminal = Terminal.attached();
        private final long start = System.nanoTime();
        private int lastTenth = -1;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void phase(String text) {
            err.println((terminal ? "\r\033[K" : "") + text + " ...");
            err.flush();
            lastTenth = -1;
        }

        @Override
        public synchronized void measured(String state, int done, int total) {
            int tenth = done * 10 / total;
            if (terminal) {
                err.print("\r\033[K" + bar(state, done, total));
            } else if (tenth != lastTenth) {
                err.println(bar(state, done, total));
            }
            lastTenth = tenth;
            err.flush();
        }

        @Override
        public synchronized void evaluated(Evaluated e, int done, int total) {
            String what = e.failure() != null
                    ? "not built: " + e.failure()
                    : String.format(
                            Locale.ROOT,
                            "%.1f s, %.0f MB, used by %d plans, %d measured",
                            e.buildSeconds(),
                            e.sizeMb(),
                            e.plansUsing(),
                            e.after().size());
            err.printf(
                    Locale.ROOT,
                    "%s%-30s %s%n",
                    terminal ? "\r\033[K" : "",
                    bar("candidate", done, total),
                    e.candidate().signature() + ": " + what);
            err.flush();
        }

        private String bar(String what, int done, int total) {
            int width = 20;
            int filled = total == 0 ? width : done * width / total;
            double seconds = (System.nanoTime() - start) / 1e9;
            return String.format(
                    Locale.ROOT,
                    "%-9s %4d/%-4d [%s%s] %s",
                    what,
                    done,
                    total,
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    AdviceTables.clock((long) seconds));
        }
    }
}
