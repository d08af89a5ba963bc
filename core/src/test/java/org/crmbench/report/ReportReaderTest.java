package org.crmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.crmbench.results.BenchCsv;
import org.crmbench.results.BenchRow;
import org.crmbench.results.LocustCsvFormat;
import org.crmbench.results.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReaderTest {
    @TempDir
    Path tmp;

    @Test
    void aBenchRunFolderGivesEveryRowWithTheCurveOfItsHlog() throws Exception {
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("lookup_user/baseline", ReportFixtures.latencies(1, 1000, 300, 0.5));
        latencies.put("lookup_user/indexed", ReportFixtures.latencies(2, 1000, 250, 0.5));
        Path run = ReportFixtures.benchRun(tmp.resolve("run"), "20261121-100000", latencies);

        Report fromFolder = ReportReader.read(run);
        Report fromCsv = ReportReader.read(run.resolve("benchmarks.csv"));

        assertThat(fromFolder.kind()).isEqualTo(Report.Kind.BENCH);
        assertThat(fromFolder.description()).contains("20261121-100000", "3,000,000 users");
        assertThat(fromFolder.measurements())
                .extracting(Measurement::key)
                .containsExactly("lookup_user (baseline)", "lookup_user (indexed)");
        Measurement baseline = fromFolder.measurements().getFirst();
        Histogram h = latencies.get("lookup_user/baseline");
        assertThat(baseline.count()).isEqualTo(1000);
        assertThat(baseline.p50()).isEqualTo(h.getValueAtPercentile(50) / 1000.0);
        assertThat(baseline.p99()).isEqualTo(h.getValueAtPercentile(99) / 1000.0);
        // the .hlog gives a much finer curve than the CSV's seven points, ending at the maximum
        assertThat(baseline.distribution()).hasSizeGreaterThan(20);
        assertThat(baseline.distribution().getLast().ms()).isEqualTo(h.getMaxValue() / 1000.0);
        assertThat(fromCsv.measurements()).isEqualTo(fromFolder.measurements());
    }

    /** The API's goal depends on the page size: p50 10 ms up to 50 rows a page, 25 ms above. */
    @Test
    void aRunOfLargePagesIsHeldToTheLargePageTarget() throws Exception {
        Histogram twentyMs = ReportFixtures.latencies(4, 1000, 20_000, 0.1);
        List<BenchRow> rows = List.of(
                ReportFixtures.benchRow(
                        "20261203-100000", "lookup_user", "lean", ReportFixtures.latencies(5, 1000, 200, 0.5)),
                withPageSize(ReportFixtures.benchRow("20261203-100000", "city=london&page=20", "lean", twentyMs), 500));
        Path large = tmp.resolve("large.csv");
        BenchCsv.writeBenchmarks(large, rows);
        Path small = tmp.resolve("small.csv");
        BenchCsv.writeBenchmarks(small, List.of(rows.getFirst(), withPageSize(rows.getLast(), 50)));

        Report largePages = ReportReader.read(large);
        assertThat(largePages.target()).isEqualTo(LatencyTarget.API_LARGE_PAGES);
        assertThat(largePages.summaries(10).getFirst().meetingBoth()).isEqualTo(2);
        assertThat(largePages.summaries(10).getFirst().line("combinations"))
                .contains("2 of 2 combinations under 25 ms p50");

        Report smallPages = ReportReader.read(small);
        assertThat(smallPages.target()).isEqualTo(LatencyTarget.API);
        assertThat(smallPages.summaries(10).getFirst().meetingBoth()).isEqualTo(1);
    }

    private static BenchRow withPageSize(BenchRow r, int pageSize) {
        return new BenchRow(
                r.runId(),
                r.startedAt(),
                r.scenario(),
                r.mode(),
                r.rowsInDb(),
                pageSize,
                r.executions(),
                r.meanMs(),
                r.minMs(),
                r.p50Ms(),
                r.p90Ms(),
                r.p95Ms(),
                r.p99Ms(),
                r.p999Ms(),
                r.maxMs(),
                r.qps(),
                r.plan());
    }

    @Test
    void aLocustStatsFileGivesItsEndpointsAndItsHistory() throws Exception {
        Histogram h = ReportFixtures.latencies(3, 5000, 2000, 0.5);
        Path stats = ReportFixtures.loadStats(tmp, "run", "/api/run-query/", h, 7, 10);
        Files.writeString(
                tmp.resolve("run_stats_history.csv"),
                String.join(",", LocustCsvFormat.HISTORY_COLUMNS) + "\n"
                        + "1795000000,10,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0,0,0,0\n"
                        + "1795000001,20,,Aggregated,500.0,0.7,2.0,2.2,2.4,2.5,2.7,2.8,2.9,2.95,3.0,3.0,3.0,500,1,2.0,2.0,1.0,3.0,550\n");

        Report report = ReportReader.read(stats);

        assertThat(report.kind()).isEqualTo(Report.Kind.LOAD);
        assertThat(report.measurements())
                .extracting(Measurement::name)
                .containsExactly("/api/run-query/", "Aggregated");
        Measurement endpoint = report.measurements().getFirst();
        assertThat(endpoint.count()).isEqualTo(5000);
        assertThat(endpoint.failures()).isEqualTo(7);
        assertThat(endpoint.throughput()).isEqualTo(500);
        assertThat(endpoint.p99()).isEqualTo(h.getValueAtPercentile(99) / 1000.0);
        assertThat(report.history()).hasSize(2);
        assertThat(report.history().getFirst().p50Ms()).isNaN();
        assertThat(report.history().getLast().requestsPerSecond()).isEqualTo(500);
        assertThat(report.description()).contains("up to 20 users");
        assertThat(ReportReader.read(tmp).measurements()).isEqualTo(report.measurements());
    }

    @Test
    void badInputIsOneSentence() throws Exception {
        Path foreign = Files.writeString(tmp.resolve("people.csv"), "name,age\nann,3\n");
        Path badNumber = Files.writeString(
                tmp.resolve("bad_stats.csv"),
                String.join(",", LocustCsvFormat.STATS_COLUMNS)
                        + "\nGET,/x,many,0,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1\n");
        Path history = Files.writeString(
                tmp.resolve("h_stats_history.csv"), String.join(",", LocustCsvFormat.HISTORY_COLUMNS) + "\n");
        Path twoRuns = Files.createDirectories(tmp.resolve("two"));
        ReportFixtures.loadStats(twoRuns, "a", "/x", ReportFixtures.latencies(1, 10, 100, 0.1), 0, 1);
        ReportFixtures.loadStats(twoRuns, "b", "/x", ReportFixtures.latencies(1, 10, 100, 0.1), 0, 1);
        Path nothing = Files.createDirectories(tmp.resolve("nothing"));

        assertThatThrownBy(() -> ReportReader.read(tmp.resolve("missing.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No such file: " + tmp.resolve("missing.csv"));
        assertThatThrownBy(() -> ReportReader.read(foreign))
                .hasMessage(foreign + " has unknown columns (name,age): expected a crmbench benchmarks.csv or a"
                        + " Locust-style _stats.csv");
        assertThatThrownBy(() -> ReportReader.read(badNumber))
                .hasMessage(badNumber + " line 2 has \"many\" where a number should be");
        assertThatThrownBy(() -> ReportReader.read(history)).hasMessageContaining("is a stats history");
        assertThatThrownBy(() -> ReportReader.read(twoRuns))
                .hasMessageContaining("holds several load runs (a_stats.csv, b_stats.csv)");
        assertThatThrownBy(() -> ReportReader.read(nothing)).hasMessageContaining("holds no benchmarks.csv");
        Path hlog = Files.writeString(tmp.resolve("run.hlog"), "#[StartTime: 1795000000.000]\n");
        assertThatThrownBy(() -> ReportReader.read(hlog))
                .hasMessageContaining("is an HdrHistogram log: give the run's");
        for (Path p : List.of(foreign, badNumber, history)) {
            assertThatThrownBy(() -> ReportReader.read(p)).message().doesNotContain("\n");
        }
    }
}
