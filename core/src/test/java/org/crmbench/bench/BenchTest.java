package org.crmbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.SqlScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
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
    void baselineThenIndexedWritesEveryReportAndRestoresTheIndexes() throws Exception {
        Path out = tmp.resolve("reports");
        List<String> phases = new ArrayList<>();
        BenchRun run = Bench.run(db, settings(out, true, null), new RecordingListener(phases));

        int scenarios = Scenarios.names().size();
        assertThat(run.results().stream()
                        .map(r -> r.scenario().name())
                        .distinct()
                        .toList())
                .isEqualTo(Scenarios.names());
        assertThat(run.results()).hasSize(2 * scenarios).allSatisfy(r -> assertThat(r.executions())
                .isEqualTo(3));
        assertThat(phases).anyMatch(p -> p.startsWith("dropping")).anyMatch(p -> p.startsWith("creating"));

        List<BenchRow> rows = BenchCsv.readBenchmarks(out.resolve("benchmarks.csv"));
        assertThat(rows).hasSize(2 * scenarios).allSatisfy(r -> {
            assertThat(r.rowsInDb()).isEqualTo(20_000);
            assertThat(r.minMs()).isPositive().isLessThanOrEqualTo(r.p50Ms());
            assertThat(r.p50Ms()).isLessThanOrEqualTo(r.p99Ms());
            assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
        });
        assertThat(Files.readAllLines(run.folder().resolve("comparison.csv"))).hasSize(1 + scenarios);

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
        String indexedPlan = Files.readString(run.folder().resolve("plans/sort_points_desc.indexed.txt"));
        String baselinePlan = Files.readString(run.folder().resolve("plans/sort_points_desc.baseline.txt"));
        assertThat(indexedPlan).contains("customer_relationship_points_idx", "Buffers:");
        assertThat(baselinePlan).doesNotContain("customer_relationship_points_idx");
        assertThat(rows)
                .filteredOn(
                        r -> r.scenario().equals("sort_points_desc") && r.mode().equals("indexed"))
                .singleElement()
                .satisfies(r -> assertThat(r.plan()).contains("customer_relationship_points_idx"));
        assertThat(Files.readString(run.folder().resolve("pgbench/lookup_user.sql")))
                .contains("\\set p1 random(1, 20000)", "= :p1;");

        assertThat(new IndexState(db.dsl(), SqlScript.resource(CrmbenchSchema.INDEXES_SQL)).isIndexed())
                .isTrue();
    }

    @Test
    void anIndexFileThatFailsLeavesTheIndexesAsTheyWere() throws Exception {
        IndexState state = new IndexState(db.dsl(), SqlScript.resource(CrmbenchSchema.INDEXES_SQL));
        List<String> before = state.current();
        Path bad = Files.writeString(tmp.resolve("bad.sql"), """
                CREATE INDEX good_idx ON crmbench.app_user (email);
                CREATE INDEX bad_idx ON crmbench.app_user (no_such_column);
                """);

        assertThatThrownBy(() ->
                        Bench.run(db, settings(tmp.resolve("r2"), true, bad), new RecordingListener(new ArrayList<>())))
                .isInstanceOf(CrmbenchException.class)
                .hasMessageContaining("no_such_column")
                .hasMessageContaining("rolled back");

        assertThat(state.current()).isEqualTo(before);
    }

    @Test
    void indexFilesMayOnlyCreateIndexes() {
        assertThatThrownBy(() -> IndexState.validated(SqlScript.parse("x.sql", "DROP TABLE crmbench.app_user;")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may only contain 'CREATE INDEX");
    }

    @Test
    void lookupIdsAreRepeatableAndInRange() {
        for (long i = 0; i < 1000; i++) {
            assertThat(Scenarios.userIdOf(42, 20_000, i))
                    .isBetween(1L, 20_000L)
                    .isEqualTo(Scenarios.userIdOf(42, 20_000, i));
        }
        assertThat(Scenarios.userIdOf(42, 20_000, 1)).isNotEqualTo(Scenarios.userIdOf(43, 20_000, 1));
    }

    private static BenchSettings settings(Path out, boolean baseline, Path indexFile) {
        return new BenchSettings(3, 1, Duration.ZERO, List.of(), baseline, out, indexFile, 42);
    }

    private record RecordingListener(List<String> phases) implements BenchRunner.Listener {
        @Override
        public void phase(String text) {
            phases.add(text);
        }

        @Override
        public void measuring(BenchMode mode, Scenario scenario, long done, long planned) {}

        @Override
        public void finished(ScenarioResult result) {}
    }
}
