package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.crmbench.advise.StatStatements;
import org.crmbench.advise.Workload;
import org.crmbench.advise.WorkloadFile;
import org.crmbench.db.Database;
import org.crmbench.jooq.Tables;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.values.ScenarioDataset;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What advise measures: the list API's surface (default), a workload file, or pg_stat_statements' top. */
final class WorkloadSource {
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

    /** A usage error for a top-N below one, before any database is opened. */
    void check(CommandSpec spec) {
        if (topStatements != null && topStatements < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--from-pg-stat-statements must be at least 1 but was " + topStatements);
        }
    }

    /** The statements to advise on, read from the file, the statistics or the dataset's surface. */
    Workload read(
            CommandSpec spec, Database database, MeasureOptions measure, PrintWriter err, AdviseProgress progress) {
        if (workload != null) {
            long users = database.dsl().fetchCount(Tables.APP_USER);
            return UsageErrors.orUsageError(
                    spec,
                    () -> WorkloadFile.read(
                            workload,
                            new ScenarioDataset(Math.max(users, 1), null, () -> database, measure.seed),
                            measure.seed));
        }
        if (topStatements != null) {
            return StatStatements.top(database, topStatements, skipped -> {
                err.println("left out " + skipped);
                err.flush();
            });
        }
        int pageSize = measure.pageSize();
        CrmbenchSchema.requireDataset(database.dsl());
        progress.phase("finding common, rare and absent filter values in the dataset");
        return Workload.surface(database, pageSize);
    }
}
