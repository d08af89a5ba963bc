package org.crmbench.report;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.crmbench.results.BenchCsv;
import org.crmbench.results.BenchRow;
import org.crmbench.results.LocustCsvFormat;

/** Report files as bench and load write them, made from known latencies (also used by cli's tests). */
public final class ReportFixtures {
    private ReportFixtures() {}

    /** {@code n} latencies in microseconds, uniform in [medianUs × (1 − spread), medianUs × (1 + spread)]. */
    public static Histogram latencies(long seed, int n, long medianUs, double spread) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram h = new Histogram(3);
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.max(1, (long) (medianUs * (1 + spread * (2 * random.nextDouble() - 1)))));
        }
        return h;
    }

    public static BenchRow benchRow(String runId, String scenario, String mode, Histogram us) {
        return new BenchRow(
                runId,
                "2026-11-21T10:00:00Z",
                scenario,
                mode,
                3_000_000,
                50,
                us.getTotalCount(),
                us.getMean() / 1000,
                us.getMinValue() / 1000.0,
                us.getValueAtPercentile(50) / 1000.0,
                us.getValueAtPercentile(90) / 1000.0,
                us.getValueAtPercentile(95) / 1000.0,
                us.getValueAtPercentile(99) / 1000.0,
                us.getValueAtPercentile(99.9) / 1000.0,
                us.getMaxValue() / 1000.0,
                1e6 / us.getMean(),
                "Limit > Index Scan(app_user_pkey)");
    }

    /** A bench run folder (benchmarks.csv and hlog/SCENARIO.MODE.hlog) from "scenario/mode" → latencies. */
    public static Path benchRun(Path folder, String runId, Map<String, Histogram> latencies) throws Exception {
        Files.createDirectories(folder.resolve("hlog"));
        List<BenchRow> rows = new ArrayList<>();
        latencies.forEach((key, h) -> {
            String[] scenarioMode = key.split("/");
            rows.add(benchRow(runId, scenarioMode[0], scenarioMode[1], h));
            writeHlog(
                    folder.resolve("hlog").resolve(scenarioMode[0] + "." + scenarioMode[1] + ".hlog"),
                    1_795_000_000_000L,
                    List.of(h));
        });
        BenchCsv.writeBenchmarks(folder.resolve("benchmarks.csv"), rows);
        return folder;
    }

    /** An interval log as crmbench writes it: one interval per second from {@code startMs}, microseconds. */
    public static void writeHlog(Path file, long startMs, List<Histogram> intervals) {
        try {
            HistogramLogWriter w = new HistogramLogWriter(file.toFile());
            w.outputComment("test log");
            w.outputLogFormatVersion();
            w.outputStartTime(startMs);
            w.outputLegend();
            for (int i = 0; i < intervals.size(); i++) {
                w.outputIntervalHistogram(i, i + 1, intervals.get(i), 1000.0);
            }
            w.close();
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Locust-style PREFIX_stats.csv with one endpoint and its Aggregated row, from latencies in microseconds. */
    public static Path loadStats(
            Path folder, String prefix, String endpoint, Histogram us, long failures, double seconds) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", LocustCsvFormat.STATS_COLUMNS)).append('\n');
        for (String name : List.of(endpoint, "Aggregated")) {
            csv.append(name.equals("Aggregated") ? "" : "GET").append(',').append(name);
            csv.append(',').append(us.getTotalCount()).append(',').append(failures);
            csv.append(',').append(ms(us.getValueAtPercentile(50)));
            csv.append(',').append(us.getMean() / 1000);
            csv.append(',').append(ms(us.getMinValue())).append(',').append(ms(us.getMaxValue()));
            csv.append(",550,").append(us.getTotalCount() / seconds).append(',').append(failures / seconds);
            for (double p : new double[] {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99}) {
                csv.append(',').append(ms(us.getValueAtPercentile(p)));
            }
            csv.append(',').append(ms(us.getMaxValue())).append('\n');
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(prefix + "_stats.csv"), csv);
    }

    private static String ms(long us) {
        return Double.toString(us / 1000.0);
    }
}
