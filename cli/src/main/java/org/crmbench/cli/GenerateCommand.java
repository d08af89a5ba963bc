package org.crmbench.cli;

import java.util.concurrent.Callable;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.generate.DatasetLoader;
import org.crmbench.generate.GenerateReport;
import org.crmbench.generate.GenerateSettings;
import org.crmbench.generate.LoadProgress;
import org.crmbench.schema.IndexSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a realistic CRM dataset (users, addresses, customer relationships) through COPY.",
            "Replaces the previous dataset in the crmbench schema only when the new one is complete."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench generate                                  # 1,000,000 users, lean indexes",
            "  crmbench generate --n 3000000 --chunk 100000 --seed 42",
            "  crmbench generate --n 20000 --no-indexes           # baseline state: keys only",
            "  crmbench generate --index-set seed                 # the original project's indexes",
            "  crmbench generate --jdbc-url jdbc:postgresql://db:5432/crm --user crm"
        })
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(
            names = "--n",
            paramLabel = "USERS",
            defaultValue = "" + GenerateSettings.DEFAULT_USERS,
            description = "Users to generate, each with an address and a relationship (default ${DEFAULT-VALUE}).")
    long users;

    @Option(
            names = "--chunk",
            paramLabel = "ROWS",
            defaultValue = "" + GenerateSettings.DEFAULT_CHUNK_ROWS,
            description = "Rows per COPY statement (default ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(
            names = "--seed",
            defaultValue = "" + GenerateSettings.DEFAULT_SEED,
            description = "Seed of every value: same seed and --n, same rows (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Tables loaded and indexes built at the same time (default: 4, one per table, or the cores if more).")
    Integer threads;

    @Option(names = "--no-indexes", description = "Leave the baseline state: keys but no secondary indexes.")
    boolean noIndexes;

    @Option(
            names = "--index-set",
            paramLabel = "NAME",
            defaultValue = IndexSet.BEST,
            description =
                    "Secondary indexes to build: baseline, seed, lean, tuned, or a FILE.sql (default ${DEFAULT-VALUE}).")
    String indexSet;

    @Override
    public Integer call() {
        GenerateSettings settings = settings();
        DbSettings dbSettings = db.settings(DatasetLoader.connectionsNeeded(settings));
        LoadProgress progress = LoadProgress.of(settings);
        Thread interrupted = new Thread(
                () -> db.spec
                        .commandLine()
                        .getErr()
                        .println(
                                progress.swapped()
                                        ? "\nInterrupted after the new dataset was in place."
                                        : "\nInterrupted: the previous dataset is unchanged (the next generate drops the partial load)."));
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (Database database = Database.open(dbSettings);
                ProgressBar bar = ProgressBar.start(db.spec.commandLine().getErr(), progress)) {
            GenerateReport report = new DatasetLoader(database, settings, progress).run();
            bar.close();
            GenerateSummary.print(db.spec.commandLine().getOut(), settings, database.target(), report);
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
        return ExitCode.OK;
    }

    private GenerateSettings settings() {
        return UsageErrors.orUsageError(
                db.spec,
                () -> new GenerateSettings(
                        users,
                        chunkRows,
                        seed,
                        threads == null ? GenerateSettings.defaultThreads() : threads,
                        IndexSetOptions.option(
                                "--index-set", () -> IndexSet.of(noIndexes ? IndexSet.BASELINE : indexSet))));
    }
}
