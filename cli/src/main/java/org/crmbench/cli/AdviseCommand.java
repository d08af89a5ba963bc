package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.crmbench.advise.Advice;
import org.crmbench.advise.AdviceFiles;
import org.crmbench.advise.AdviseSettings;
import org.crmbench.advise.Advisor;
import org.crmbench.advise.StatStatements;
import org.crmbench.advise.Workload;
import org.crmbench.advise.WorkloadFile;
import org.crmbench.db.Database;
import org.crmbench.measure.Repetition;
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
        AdviseProgress progress = new AdviseProgress(err);
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
            AdviseSummary.print(stdout, advice, AdviceFiles.write(advice), settings);
        }
        return ExitCode.OK;
    }

    private Workload workload(Database database, PrintWriter err, AdviseProgress progress) {
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
}
