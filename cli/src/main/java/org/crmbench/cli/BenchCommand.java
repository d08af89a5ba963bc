package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmbench.bench.Bench;
import org.crmbench.bench.BenchMode;
import org.crmbench.bench.BenchRun;
import org.crmbench.bench.BenchRunner;
import org.crmbench.bench.BenchSettings;
import org.crmbench.bench.Scenario;
import org.crmbench.bench.ScenarioResult;
import org.crmbench.bench.Scenarios;
import org.crmbench.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the API's queries (list, filter, sort, paginate, lookup, count), baseline vs indexed,",
            "into HdrHistogram-based CSV reports, interval logs and EXPLAIN (ANALYZE, BUFFERS) plans."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench bench --repeat 5 --baseline",
            "  crmbench bench --scenario lookup_user --repeat 10000 --warmup 1000",
            "  crmbench bench --scenario filter_last_name --duration 30s --indexes my-indexes.sql",
            "",
            "Scenarios: initial_page, filter_last_name, sort_points_desc, city_page3, lookup_user,",
            "  deep_page_offset, deep_page_keyset, count_exact, count_estimate"
        })
final class BenchCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "" + BenchSettings.DEFAULT_REPEAT,
            description = "Measured executions per scenario and mode (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "" + BenchSettings.DEFAULT_WARMUP,
            description = "Executions before measuring, not recorded (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Keep measuring each scenario until this much time was measured (e.g. 30s).")
    Duration duration;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Run only this scenario (repeatable).")
    List<String> scenarios = List.of();

    @Option(names = "--baseline", description = "Measure without secondary indexes first, then indexed.")
    boolean baseline;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Reports folder (default ${DEFAULT-VALUE}); each run gets DIR/runs/RUN_ID/.")
    Path out;

    @Option(
            names = "--indexes",
            paramLabel = "FILE",
            description = "CREATE INDEX statements to use as the indexed state instead of the shipped ones.")
    Path indexes;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the random user ids (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        BenchSettings settings = settings();
        PrintWriter out = db.spec.commandLine().getOut();
        try (Database database = Database.open(db.settings(2))) {
            BenchRun run = Bench.run(
                    database, settings, new Progress(db.spec.commandLine().getErr()));
            out.println();
            BenchTable.print(out, run.rows());
            out.printf("%nReports: %s (benchmarks.csv, comparison.csv, hlog/, plans/, pgbench/)%n", run.folder());
            out.printf("Latest:  %s%n", settings.out().resolve("benchmarks.csv"));
        }
        return ExitCode.OK;
    }

    private BenchSettings settings() {
        List<String> valid = Scenarios.names();
        for (String name : scenarios) {
            if (!valid.contains(name)) {
                throw new ParameterException(
                        db.spec.commandLine(), "Unknown scenario '" + name + "'; valid: " + String.join(", ", valid));
            }
        }
        return UsageErrors.orUsageError(db.spec, () -> {
            Bench.indexFile(indexes);
            return new BenchSettings(
                    repeat,
                    warmup,
                    duration == null ? Duration.ZERO : duration,
                    scenarios,
                    baseline,
                    out,
                    indexes,
                    seed);
        });
    }

    /** A progress line while measuring: redrawn in place on a terminal, one line per result otherwise. */
    private static final class Progress implements BenchRunner.Listener {
        private final PrintWriter err;
        private final boolean terminal = Terminal.attached();

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void phase(String text) {
            err.println((terminal ? "\r\033[K" : "") + text + " ...");
            err.flush();
        }

        @Override
        public void measuring(BenchMode mode, Scenario scenario, long done, long planned) {
            if (terminal) {
                err.printf("\r\033[K%-8s %-18s %,d / %,d", mode.label(), scenario.name(), done, planned);
                err.flush();
            }
        }

        @Override
        public void finished(ScenarioResult r) {
            err.printf(
                    "%s%-8s %-18s %,7d runs  p50 %9s ms  p99 %9s ms%n",
                    terminal ? "\r\033[K" : "",
                    r.mode().label(),
                    r.scenario().name(),
                    r.executions(),
                    BenchTable.ms(r.ms(50)),
                    BenchTable.ms(r.ms(99)));
            err.flush();
        }
    }
}
