package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmbench.bench.Bench;
import org.crmbench.bench.BenchSettings;
import org.crmbench.db.Database;
import org.crmbench.report.ReportTables;
import org.crmbench.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the API's queries, in one or more index sets, into HdrHistogram-based CSV reports.",
            "Each scenario runs the statements the API runs (page and count, or lookup) on one connection,"
                    + " recorded per execution; plans (EXPLAIN ANALYZE, BUFFERS), interval logs and pgbench"
                    + " scripts go beside the CSV. --surface measures every list combination: every subset of the"
                    + " filters with a common, a rare and an absent combination of values, every ordering, page 1,"
                    + " page 20 and the cursor page after it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench bench --repeat 5 --baseline                 # baseline, then lean",
            "  crmbench bench --surface --repeat 50                 # every list combination, lean",
            "  crmbench bench --surface --index-sets lean,tuned --repeat 3 --warmup 1",
            "  crmbench bench --surface --page-size 500",
            "  crmbench bench --scenario lookup_user --repeat 10000 --warmup 1000",
            "  crmbench db start --replicas 1 && crmbench bench --surface --on-replica 1",
            "  crmbench bench --scenario filter_last_name --duration 30s --indexes my-indexes.sql",
            "",
            "Scenarios: initial_page, filter_last_name, sort_points_desc, city_page3, lookup_user,",
            "  deep_page_offset, deep_page_keyset, count_exact, count_estimate",
            "Index sets: baseline (keys only), seed (the original project's), lean (crmbench's, the default),"
                    + " tuned (one index per combination), or FILE.sql"
        })
final class BenchCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Mixin
    MeasureOptions measure;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Keep measuring each scenario until this much time was measured (e.g. 30s).")
    Duration duration;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Run only this classic scenario (repeatable).")
    List<String> scenarios = List.of();

    @Option(names = "--surface", description = "Measure every list combination instead of the classic scenarios.")
    boolean surface;

    @Mixin
    IndexSetOptions sets;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Reports folder (default ${DEFAULT-VALUE}); each run gets DIR/runs/RUN_ID/.")
    Path out;

    @Mixin
    OnReplicaOption replica;

    @Override
    public Integer call() {
        BenchSettings settings = settings();
        PrintWriter out = db.spec.commandLine().getOut();
        try (Database database = Database.open(db.settings(2));
                Database measuredOn = replica.open(db.settings(2), database.target())) {
            Bench.Outcome outcome = Bench.run(
                    database,
                    measuredOn == null ? database : measuredOn,
                    settings,
                    new BenchProgress(db.spec.commandLine().getErr()));
            out.println();
            out.print(String.join(
                    "\n",
                    ReportTables.of(outcome.report()).stream()
                            .map(t -> t.render(TextTable.Format.TEXT))
                            .toList()));
            out.printf(
                    Locale.ROOT,
                    "%nReports: %s (benchmarks.csv, comparison.csv, hlog/, plans/, pgbench/)%n",
                    outcome.run().folder());
            out.printf(Locale.ROOT, "Latest:  %s%n", settings.out().resolve("benchmarks.csv"));
        }
        return ExitCode.OK;
    }

    private BenchSettings settings() {
        return UsageErrors.orUsageError(
                db.spec,
                () -> new BenchSettings(
                        measure.repeat,
                        measure.warmup,
                        duration == null ? Duration.ZERO : duration,
                        scenarios,
                        surface,
                        measure.pageSize,
                        sets.indexSets(),
                        out,
                        measure.seed));
    }
}
