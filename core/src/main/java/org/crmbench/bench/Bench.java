package org.crmbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.db.ReplicaReplay;
import org.crmbench.measure.BenchRun;
import org.crmbench.measure.BenchRunner;
import org.crmbench.measure.Scenario;
import org.crmbench.measure.ScenarioResult;
import org.crmbench.measure.Surface;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.crmbench.report.Report;
import org.crmbench.report.ReportReader;
import org.crmbench.results.BenchCsv;
import org.crmbench.results.RunFolder;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.IndexSet;

/**
 * A bench run: the scenarios measured in each index set in turn, the indexes that were there
 * before put back at the end whatever happens, and the reports written into a folder per run,
 * with benchmarks.csv and comparison.csv also copied to the reports folder as the latest.
 */
public final class Bench {

    /** Unrecorded cheap requests before the first measurement (see BenchRunner#warmUpJvm). */
    private static final java.time.Duration JVM_WARMUP = java.time.Duration.ofSeconds(2);

    private Bench() {}

    /** A finished run and its report (read back from the CSV it wrote: what `report` would show). */
    public record Outcome(BenchRun run, Report report) {}

    /** Longest wait for a replica to replay an index set built on the primary. */
    private static final java.time.Duration REPLAY_TIMEOUT = java.time.Duration.ofMinutes(10);

    public static Outcome run(Database db, BenchSettings settings, BenchRunner.Listener listener) {
        return run(db, db, settings, listener);
    }

    /**
     * Index sets are built on {@code db}; the statements are measured on {@code measuredOn}: the
     * same database, or a streaming replica of it, once it has replayed each set.
     */
    public static Outcome run(Database db, Database measuredOn, BenchSettings settings, BenchRunner.Listener listener) {
        long users = CrmbenchSchema.requireDataset(db.dsl());
        UserRepository repository = new UserRepository(new UserQueries(db.dsl()));
        List<Scenario> scenarios = scenarios(db, settings, repository, users, listener);

        RunFolder runFolder = RunFolder.startingNow(settings.out());
        Path folder = runFolder.folder();
        Path hlogs = runFolder.hlogs();
        BenchRunner runner = new BenchRunner(measuredOn, listener);
        IndexState state = new IndexState(db.dsl());
        List<String> before = state.current();
        List<ScenarioResult> results = new ArrayList<>();
        runner.warmUpJvm(
                List.of(
                        ClassicScenario.LOOKUP_USER.build(repository, users, settings.seed()),
                        ClassicScenario.INITIAL_PAGE.build(repository, users, settings.seed())),
                JVM_WARMUP);
        try {
            for (IndexSet set : settings.indexSets()) {
                if (!state.holds(set)) {
                    listener.phase("building the index set " + set.name() + " ("
                            + set.statements().size() + " indexes) and analyzing");
                    state.replaceWith(set.statements());
                }
                if (measuredOn != db) {
                    listener.phase("waiting for the replica to replay the index set " + set.name());
                    ReplicaReplay.await(db, measuredOn, REPLAY_TIMEOUT);
                }
                measuredOn.renewConnections();
                results.addAll(runner.measure(set.name(), scenarios, settings.repetition(), hlogs));
            }
        } finally {
            if (!state.currentNames().equals(new HashSet<>(namesOf(before)))) {
                listener.phase("restoring the indexes that were there before");
                state.replaceWith(before);
            }
        }
        BenchRun run = new BenchRun(runFolder.id(), runFolder.startedAt(), users, folder, results);
        write(run, settings.out(), users);
        return new Outcome(run, ReportReader.read(folder.resolve("benchmarks.csv")));
    }

    private static List<Scenario> scenarios(
            Database db, BenchSettings settings, UserRepository repository, long users, BenchRunner.Listener listener) {
        if (!settings.surface()) {
            List<ClassicScenario> chosen = settings.scenarios().isEmpty()
                    ? List.of(ClassicScenario.values())
                    : settings.scenarios().stream()
                            .map(name -> ClassicScenario.byName(name).orElseThrow())
                            .toList();
            return chosen.stream()
                    .map(s -> s.build(repository, users, settings.seed()))
                    .toList();
        }
        listener.phase("finding common, rare and absent filter values in the dataset");
        return Surface.scenarios(repository, Surface.filterCases(db.dsl()), settings.pageSize());
    }

    private static List<String> namesOf(List<String> definitions) {
        return definitions.stream()
                .map(d -> d.replaceFirst("(?i)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+).*$", "$1"))
                .toList();
    }

    private static void write(BenchRun run, Path out, long users) {
        try {
            Path benchmarks = run.folder().resolve("benchmarks.csv");
            BenchCsv.writeBenchmarks(benchmarks, run.rows());
            BenchCsv.writeComparison(
                    run.folder().resolve("comparison.csv"),
                    ReportReader.read(benchmarks).speedUps());
            Path plans = Files.createDirectories(run.folder().resolve("plans"));
            for (ScenarioResult r : run.results()) {
                Files.writeString(plans.resolve(r.scenario().fileName(r.indexSet(), ".txt")), r.plan());
            }
            // the statements measured, not run again: after the run the indexes may be gone, and a
            // list request without them takes seconds at millions of rows
            Path pgbench = Files.createDirectories(run.folder().resolve("pgbench"));
            Set<String> written = new HashSet<>();
            for (ScenarioResult r : run.results()) {
                Scenario s = r.scenario();
                if (written.add(s.name())) {
                    Files.writeString(
                            pgbench.resolve(BenchCsv.fileName(s.name(), "pgbench", ".sql")),
                            pgbenchScript(s, r.statements(), users));
                }
            }
            Files.copy(benchmarks, out.resolve("benchmarks.csv"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    run.folder().resolve("comparison.csv"),
                    out.resolve("comparison.csv"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CrmbenchException("Could not write the reports under " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The scenario's statements as a pgbench script with the same values: text inlined as
     * literals, numbers as variables (so -M prepared binds them as crmbench does), and the random
     * user id of the lookup drawn by pgbench over the same range.
     */
    static String pgbenchScript(Scenario scenario, List<SqlStatement> statements, long users) {
        StringBuilder script = new StringBuilder(
                "-- crmbench bench scenario " + scenario.name() + ": " + scenario.description() + "\n");
        int variable = 0;
        for (SqlStatement statement : statements) {
            StringBuilder sql = new StringBuilder();
            int bind = 0;
            for (char c : statement.sql().toCharArray()) {
                if (c != '?') {
                    sql.append(c);
                    continue;
                }
                Object value = statement.binds().get(bind++);
                if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
                    String name = "p" + ++variable;
                    script.append(
                                    scenario.randomUserId()
                                            ? "\\set " + name + " random(1, " + users + ")"
                                            : "\\set " + name + " " + n)
                            .append('\n');
                    sql.append(':').append(name);
                } else {
                    sql.append(new SqlStatement("?", List.of(value)).inlined());
                }
            }
            script.append(sql).append(";\n");
        }
        return script.toString();
    }
}
