package org.crmbench.report;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.crmbench.results.BenchCsv;
import org.crmbench.results.BenchRow;
import org.crmbench.results.HistogramLog;
import org.crmbench.results.HistoryPoint;
import org.crmbench.results.LocustCsvFormat;
import org.crmbench.results.Measurement;
import org.crmbench.results.PercentilePoint;
import org.crmbench.results.RunFolder;

/**
 * Reads what bench and load wrote (or Locust itself) into a {@link Report}: a bench
 * benchmarks.csv, a bench run folder, a Locust-style PREFIX_stats.csv, or a folder holding one.
 * Next to the CSV it picks up what adds detail: the bench run's .hlog files, the load run's
 * stats history and .hlog files. Anything else is an IllegalArgumentException with one sentence.
 */
public final class ReportReader {
    private static final String STATS_SUFFIX = "_stats.csv";
    private static final List<String> LOAD_REQUIRED = List.of(
            "Name",
            "Request Count",
            "Failure Count",
            "Average Response Time",
            "Min Response Time",
            "Max Response Time",
            "Requests/s",
            "50%",
            "99%");
    private static final List<String> HISTORY_REQUIRED =
            List.of("Timestamp", "User Count", "Name", "Requests/s", "Failures/s", "50%", "99%");

    private ReportReader() {}

    public static Report read(Path path) {
        if (Files.isDirectory(path)) {
            return read(csvIn(path));
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("No such file: " + path);
        }
        if (path.getFileName().toString().endsWith(".hlog")) {
            throw new IllegalArgumentException(path + " is an HdrHistogram log: give the run's CSV or folder, or merge"
                    + " logs with --merge A.hlog B.hlog --out MERGED.hlog");
        }
        List<String[]> lines = csv(path);
        List<String> header = lines.isEmpty() ? List.of() : Arrays.asList(lines.getFirst());
        if (header.equals(BenchCsv.BENCHMARK_COLUMNS)) {
            return bench(path, BenchCsv.readBenchmarks(path));
        }
        if (header.containsAll(LOAD_REQUIRED) && !header.contains("Timestamp")) {
            return load(path, lines);
        }
        if (header.containsAll(HISTORY_REQUIRED)) {
            throw new IllegalArgumentException(
                    path + " is a stats history; give the PREFIX_stats.csv next to it instead");
        }
        throw new IllegalArgumentException(path + " has unknown columns ("
                + String.join(
                        ",", header.stream().limit(4).map(ReportReader::shorten).toList())
                + (header.size() > 4 ? ",…" : "")
                + "): expected a crmbench benchmarks.csv or a Locust-style _stats.csv");
    }

    private static Path csvIn(Path folder) {
        Path bench = folder.resolve("benchmarks.csv");
        if (Files.isRegularFile(bench)) {
            return bench;
        }
        List<Path> stats;
        try (Stream<Path> files = Files.list(folder)) {
            stats = files.filter(f -> f.getFileName().toString().endsWith(STATS_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot list " + folder + ": " + e.getMessage());
        }
        if (stats.size() == 1) {
            return stats.getFirst();
        }
        if (stats.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no benchmarks.csv and no load _stats.csv");
        }
        throw new IllegalArgumentException(folder + " holds several load runs ("
                + String.join(
                        ", ",
                        stats.stream().map(f -> f.getFileName().toString()).toList())
                + "): give one of them");
    }

    private static Report bench(Path file, List<BenchRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has a header but no rows");
        }
        Optional<Path> hlogs = benchHlogFolder(file, rows.getFirst().runId());
        List<Measurement> measurements = new ArrayList<>();
        for (BenchRow r : rows) {
            List<PercentilePoint> points = List.of(
                    new PercentilePoint(0, r.minMs()),
                    new PercentilePoint(50, r.p50Ms()),
                    new PercentilePoint(90, r.p90Ms()),
                    new PercentilePoint(95, r.p95Ms()),
                    new PercentilePoint(99, r.p99Ms()),
                    new PercentilePoint(99.9, r.p999Ms()),
                    new PercentilePoint(100, r.maxMs()));
            Measurement m = new Measurement(
                    r.scenario(), r.mode(), r.executions(), 0, r.meanMs(), r.qps(), points, points, r.plan());
            Path hlog = hlogs.map(dir -> dir.resolve(BenchCsv.fileName(r.scenario(), r.mode(), ".hlog")))
                    .orElse(null);
            measurements.add(hlog != null && Files.isRegularFile(hlog) ? withCurve(m, hlog) : m);
        }
        BenchRow first = rows.getFirst();
        return new Report(
                Report.Kind.BENCH,
                file,
                String.format(
                        Locale.ROOT, "bench run %s, %,d users, %s", first.runId(), first.rowsInDb(), first.startedAt()),
                measurements,
                List.of(),
                LatencyTarget.forPageSize(
                        rows.stream().mapToInt(BenchRow::pageSize).max().orElse(0)));
    }

    /** The run's hlog/ folder: next to the CSV (a run folder), or under runs/RUN_ID/ (the latest copy). */
    private static Optional<Path> benchHlogFolder(Path csv, String runId) {
        Path parent = csv.toAbsolutePath().getParent();
        return Stream.of(parent.resolve("hlog"), RunFolder.hlogs(parent, runId))
                .filter(Files::isDirectory)
                .findFirst();
    }

    private static Report load(Path file, List<String[]> lines) {
        Map<String, Integer> col = columns(lines.getFirst());
        List<String> percentileColumns = Arrays.stream(lines.getFirst())
                .filter(c -> c.matches("\\d+(\\.\\d+)?%"))
                .toList();
        String prefix = file.toString().endsWith(STATS_SUFFIX)
                ? file.toString().substring(0, file.toString().length() - STATS_SUFFIX.length())
                : null;
        List<Measurement> measurements = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] l = lines.get(n);
            if (l.length != col.size()) {
                throw new IllegalArgumentException(
                        file + " line " + (n + 1) + " has " + l.length + " columns instead of " + col.size());
            }
            long requests = (long) number(file, n, l[col.get("Request Count")]);
            if (requests == 0) {
                continue;
            }
            List<PercentilePoint> points = new ArrayList<>();
            points.add(new PercentilePoint(0, number(file, n, l[col.get("Min Response Time")])));
            for (String p : percentileColumns) {
                double percentile = Double.parseDouble(p.substring(0, p.length() - 1));
                if (percentile > 0 && percentile < 100) {
                    points.add(new PercentilePoint(percentile, number(file, n, l[col.get(p)])));
                }
            }
            points.add(new PercentilePoint(100, number(file, n, l[col.get("Max Response Time")])));
            String name = l[col.get("Name")];
            Measurement m = new Measurement(
                    name,
                    "",
                    requests,
                    (long) number(file, n, l[col.get("Failure Count")]),
                    number(file, n, l[col.get("Average Response Time")]),
                    number(file, n, l[col.get("Requests/s")]),
                    points,
                    points,
                    "");
            Path hlog = prefix == null ? null : LocustCsvFormat.hlogFile(prefix, name);
            measurements.add(hlog != null && Files.isRegularFile(hlog) ? withCurve(m, hlog) : m);
        }
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException(file + " has no endpoint with requests");
        }
        Path history = prefix == null ? null : Path.of(prefix + "_stats_history.csv");
        List<HistoryPoint> points =
                history != null && Files.isRegularFile(history) ? history(history) : List.<HistoryPoint>of();
        String description = "load run " + file.getFileName();
        if (!points.isEmpty()) {
            int users = points.stream().mapToInt(HistoryPoint::users).max().orElse(0);
            long seconds = points.getLast().epochSecond() - points.getFirst().epochSecond() + 1;
            description += String.format(Locale.ROOT, ", up to %,d users, %d s", users, seconds);
        }
        return new Report(Report.Kind.LOAD, file, description, measurements, points, LatencyTarget.API);
    }

    private static List<HistoryPoint> history(Path file) {
        List<String[]> lines = csv(file);
        Map<String, Integer> col = columns(lines.isEmpty() ? new String[0] : lines.getFirst());
        if (!col.keySet().containsAll(HISTORY_REQUIRED)) {
            throw new IllegalArgumentException(file + " has unknown columns: expected Locust's stats history");
        }
        List<HistoryPoint> points = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] l = lines.get(n);
            if (l.length != col.size() || !"Aggregated".equals(l[col.get("Name")])) {
                continue;
            }
            points.add(new HistoryPoint(
                    (long) number(file, n, l[col.get("Timestamp")]),
                    (int) number(file, n, l[col.get("User Count")]),
                    number(file, n, l[col.get("Requests/s")]),
                    number(file, n, l[col.get("Failures/s")]),
                    number(file, n, l[col.get("50%")]),
                    number(file, n, l[col.get("99%")])));
        }
        return points;
    }

    /** The measurement with its full percentile curve from the (untagged) intervals of an .hlog. */
    private static Measurement withCurve(Measurement m, Path hlog) {
        HistogramLog log = HistogramLog.read(hlog);
        Histogram h = log.total(null);
        return h.getTotalCount() == 0 ? m : m.withDistribution(PercentilePoint.curve(h, log.maxValueUnitRatio()));
    }

    private static String shorten(String column) {
        return column.length() <= 24 ? column : column.substring(0, 21) + "...";
    }

    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        return col;
    }

    private static double number(Path file, int line, String value) {
        if (value.equals("N/A") || value.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + " line " + (line + 1) + " has \"" + value + "\" where a number should be");
        }
    }

    private static List<String[]> csv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(reader)) {
            return csv.readAll();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file);
        } catch (IOException | CsvException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as CSV: " + e.getMessage());
        }
    }
}
