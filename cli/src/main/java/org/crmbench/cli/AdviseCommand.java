package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.crmbench.advise.Advice;
import org.crmbench.advise.AdviceFiles;
import org.crmbench.advise.AdviseSettings;
import org.crmbench.advise.Advisor;
import org.crmbench.advise.Workload;
import org.crmbench.db.Database;
import org.crmbench.measure.Repetition;
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
    WorkloadSource source = new WorkloadSource();

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
        source.check(db.spec);
        PrintWriter err = db.spec.commandLine().getErr();
        PrintWriter stdout = db.spec.commandLine().getOut();
        AdviseProgress progress = new AdviseProgress(err);
        try (Database database = Database.open(db.settings(4))) {
            Workload workload = source.read(db.spec, database, measure, err, progress);
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
            AdviseSummary.print(stdout, advice, AdviceFiles.write(advice), settings);
        }
        return ExitCode.OK;
    }
}
