package org.crmbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.measure.BenchRun;
import org.crmbench.measure.BenchRunner;
import org.crmbench.measure.Scenario;
import org.crmbench.measure.ScenarioResult;
import org.crmbench.results.BenchCsv;
import org.crmbench.results.BenchRow;
import org.crmbench.schema.IndexSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
    private static final IndexSet BASELINE = IndexSet.of(IndexSet.BASELINE);
    private static final IndexSet DEFAULT_SET = IndexSet.of(IndexSet.BEST);

    @TempDir
    static Path tmp;

    static Database db;

    @BeforeAll
    static void setUp() throws Exception {
        db = EmbeddedDatabase.open(tmp, 2);
        EmbeddedDatabase.generate(db, 20_000);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void baselineThenTheDefaultSetWritesEveryReportAndLeavesTheIndexesAsFound() throws Exception {
        Path out = tmp.resolve("reports");
        List<String> phases = new ArrayList<>();
        Bench.Outcome outcome =
                Bench.run(db, settings(out, List.of(BASELINE, DEFAULT_SET)), new RecordingListener(phases));
        BenchRun run = outcome.run();

        int scenarios = ClassicScenario.values().length;
        assertThat(run.results().stream()
                        .map(r -> r.scenario().name())
                        .distinct()
                        .toList())
                .isEqualTo(ClassicScenario.names());
        assertThat(run.results())
                .hasSize(2 * scenarios)
                .allSatisfy(r -> assertThat(r.executions()).isEqualTo(3));
        assertThat(phases)
                .anyMatch(p -> p.startsWith("building the index set baseline"))
                .anyMatch(p -> p.startsWith("building the index set lean"));

        List<BenchRow> rows = BenchCsv.readBenchmarks(out.resolve("benchmarks.csv"));
        assertThat(rows).hasSize(2 * scenarios).allSatisfy(r -> {
            assertThat(r.rowsInDb()).isEqualTo(20_000);
            assertThat(r.minMs()).isPositive().isLessThanOrEqualTo(r.p50Ms());
            assertThat(r.p50Ms()).isLessThanOrEqualTo(r.p99Ms());
            assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
        });
        assertThat(rows).extracting(BenchRow::mode).containsOnly("baseline", "lean");
        List<String> comparison = Files.readAllLines(run.folder().resolve("comparison.csv"));
        assertThat(comparison).hasSize(1 + scenarios);
        assertThat(comparison.get(1)).startsWith("\"initial_page\",\"baseline\",\"lean\",");
        assertThat(outcome.report().speedUps()).hasSize(scenarios);

        // the interval logs hold exactly the measured executions
        try (var logs = Files.list(run.folder().resolve("hlog"))) {
            List<Path> files = logs.toList();
            assertThat(files).hasSize(2 * scenarios);
            for (Path hlog : files) {
                long count = 0;
                HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
                for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
                    count += ((org.HdrHistogram.Histogram) h).getTotalCount();
                }
                assertThat(count).as(hlog.toString()).isEqualTo(3);
            }
        }

        // the plans show why: the index is used only when it exists
        String defaultPlan = Files.readString(run.folder().resolve("plans/sort_points_desc.lean.txt"));
        String baselinePlan = Files.readString(run.folder().resolve("plans/sort_points_desc.baseline.txt"));
        // each tier's partition has its copy of the index, named after the partition
        assertThat(defaultPlan)
                .containsPattern("user_list_bronze_points_user_id\\w*idx on user_list_bronze")
                .contains("Buffers:");
        assertThat(baselinePlan).doesNotContain("_points_user_id");
        assertThat(rows)
                .filteredOn(
                        r -> r.scenario().equals("sort_points_desc") && r.mode().equals("lean"))
                .singleElement()
                .satisfies(r -> assertThat(r.plan()).contains("_points_user_id"));
        assertThat(Files.readString(run.folder().resolve("pgbench/lookup_user.pgbench.sql")))
                .contains("\\set p1 random(1, 20000)", "= :p1;");

        assertThat(new IndexState(db.dsl()).holds(DEFAULT_SET)).isTrue();
    }

    @Test
    void aRunThatEndsInAnotherSetPutsBackTheIndexesItFound() {
        IndexState state = new IndexState(db.dsl());
        assertThat(state.holds(DEFAULT_SET)).isTrue();

        Bench.run(
                db,
                new BenchSettings(
                        1,
                        0,
                        Duration.ZERO,
                        List.of("lookup_user"),
                        false,
                        50,
                        List.of(IndexSet.of(IndexSet.SEED)),
                        tmp.resolve("r3"),
                        42),
                new RecordingListener(new ArrayList<>()));

        assertThat(state.holds(DEFAULT_SET)).isTrue();
        // put back whole: valid, and on every partition of the read table (not on the parent alone)
        assertThat(db.dsl()
                        .fetchValue("select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                                + " join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = 'crmbench' and not i.indisvalid"))
                .isEqualTo(0L);
        assertThat(db.dsl().fetchValue("select count(*) from pg_indexes where tablename = 'user_list_bronze'"))
                .isEqualTo(db.dsl().fetchValue("select count(*) from pg_indexes where tablename = 'user_list'"));
    }

    @Test
    void anIndexFileThatFailsLeavesTheIndexesAsTheyWere() throws Exception {
        IndexState state = new IndexState(db.dsl());
        List<String> before = state.current();
        Path bad = Files.writeString(tmp.resolve("bad.sql"), """
                CREATE INDEX good_idx ON crmbench.app_user (email);
                CREATE INDEX bad_idx ON crmbench.app_user (no_such_column);
                """);

        assertThatThrownBy(() -> Bench.run(
                        db,
                        settings(tmp.resolve("r2"), List.of(BASELINE, IndexSet.file(bad))),
                        new RecordingListener(new ArrayList<>())))
                .isInstanceOf(CrmbenchException.class)
                .hasMessageContaining("no_such_column")
                .hasMessageContaining("rolled back");

        assertThat(state.current()).isEqualTo(before);
    }

    @Test
    void lookupIdsCoverTheUsersEvenlyAndDependOnTheSeed() {
        Map<Long, Integer> hits = new HashMap<>();
        for (long i = 0; i < 100_000; i++) {
            hits.merge(ClassicScenario.userIdOf(42, 100, i), 1, Integer::sum);
        }
        assertThat(hits.keySet()).hasSize(100).allSatisfy(id -> assertThat(id).isBetween(1L, 100L));
        // uniform: each of 100 ids expects 1,000 hits; 6 standard deviations is about ±190
        assertThat(hits.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1_200));

        List<Long> seed42 = new ArrayList<>();
        List<Long> seed43 = new ArrayList<>();
        for (long i = 0; i < 20; i++) {
            seed42.add(ClassicScenario.userIdOf(42, 20_000, i));
            seed43.add(ClassicScenario.userIdOf(43, 20_000, i));
        }
        assertThat(seed42).isNotEqualTo(seed43);
    }

    private static BenchSettings settings(Path out, List<IndexSet> sets) {
        return new BenchSettings(3, 1, Duration.ZERO, List.of(), false, 50, sets, out, 42);
    }

    record RecordingListener(List<String> phases) implements BenchRunner.Listener {
        @Override
        public void phase(String text) {
            phases.add(text);
        }

        @Override
        public void measuring(String indexSet, Scenario scenario, long done, long planned) {}

        @Override
        public void finished(ScenarioResult result, int finished, int total) {}
    }
}
