package org.crmbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.SqlScript;

/**
 * A bench run: baseline (if asked) then indexed, the indexed state restored at the end whatever
 * happens, and the reports written into a folder per run, with benchmarks.csv and comparison.csv
 * also copied to the reports folder as the latest.
 */
public final class Bench {
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Unrecorded cheap requests before the first measurement (see BenchRunner#warmUpJvm). */
    private static final java.time.Duration JVM_WARMUP = java.time.Duration.ofSeconds(2);

    private Bench() {}

    /** The index file to use, checked before anything changes (IllegalArgumentException: a usage error). */
    public static SqlScript indexFile(Path file) {
        if (file == null) {
            return SqlScript.resource(CrmbenchSchema.INDEXES_SQL);
        }
        try {
            return IndexState.validated(
                    SqlScript.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--indexes: no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--indexes: cannot read " + file + ": " + e.getMessage());
        }
    }

    public static BenchRun run(Database db, BenchSettings settings, BenchRunner.Listener listener) {
        SqlScript indexes = indexFile(settings.indexFile());
        if (!CrmbenchSchema.exists(db.dsl())) {
            throw new CrmbenchException(
                    "There is no crmbench dataset in this database: run 'crmbench generate' first.");
        }
        long users = db.dsl().fetchCount(org.crmbench.jooq.Tables.APP_USER);
        if (users == 0) {
            throw new CrmbenchException("The crmbench tables are empty: run 'crmbench generate' first.");
        }
        Map<String, Scenario> all =
                Scenarios.byName(Scenarios.all(new UserRepository(new UserQueries(db.dsl())), users, settings.seed()));
        List<Scenario> scenarios = settings.scenarios().isEmpty()
                ? List.copyOf(all.values())
                : settings.scenarios().stream().map(all::get).toList();

        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String runId = RUN_ID.format(started);
        Path folder = settings.out().resolve("runs").resolve(runId);
        Path hlogs = folder.resolve("hlog");
        BenchRunner runner = new BenchRunner(db, listener);
        IndexState state = new IndexState(db.dsl(), indexes);
        List<String> before = state.current();
        List<ScenarioResult> results = new ArrayList<>();
        boolean indexedAtEnd = false;
        runner.warmUpJvm(List.of(all.get("lookup_user"), all.get("initial_page")), JVM_WARMUP);
        try {
            if (settings.baseline()) {
                listener.phase("dropping the secondary indexes (baseline)");
                state.toBaseline();
                results.addAll(runner.measure(BenchMode.BASELINE, scenarios, settings, hlogs));
            }
            if (settings.baseline() || settings.indexFile() != null || !state.isIndexed()) {
                listener.phase("creating the indexes of " + indexes.name() + " and analyzing");
                state.toIndexed();
            }
            indexedAtEnd = true;
            results.addAll(runner.measure(BenchMode.INDEXED, scenarios, settings, hlogs));
        } finally {
            if (!indexedAtEnd) {
                listener.phase("restoring the indexes that were there before");
                state.replaceWith(before);
            }
        }
        BenchRun run = new BenchRun(runId, started, users, folder, results);
        write(db, run, settings.out(), scenarios, users);
        return run;
    }

    private static void write(Database db, BenchRun run, Path out, List<Scenario> scenarios, long users) {
        try {
            List<BenchRow> rows = run.rows();
            BenchCsv.writeBenchmarks(run.folder().resolve("benchmarks.csv"), rows);
            BenchCsv.writeComparison(run.folder().resolve("comparison.csv"), BenchCsv.compare(rows));
            Path plans = Files.createDirectories(run.folder().resolve("plans"));
            for (ScenarioResult r : run.results()) {
                Files.writeString(
                        plans.resolve(r.scenario().name() + "." + r.mode().label() + ".txt"), r.plan());
            }
            Path pgbench = Files.createDirectories(run.folder().resolve("pgbench"));
            try (Connection c = db.dataSource().getConnection()) {
                for (Scenario s : scenarios) {
                    Files.writeString(
                            pgbench.resolve(s.name() + ".sql"),
                            pgbenchScript(s, s.statements().of(c, 0), users));
                }
            }
            Files.copy(
                    run.folder().resolve("benchmarks.csv"),
                    out.resolve("benchmarks.csv"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    run.folder().resolve("comparison.csv"),
                    out.resolve("comparison.csv"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new CrmbenchException("A query failed while writing the pgbench scripts: " + e.getMessage(), e);
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
                if (value instanceof Number n) {
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
