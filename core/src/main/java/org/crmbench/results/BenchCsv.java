package org.crmbench.results;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** benchmarks.csv and comparison.csv of a bench run: the column names, writing, and reading back. */
public final class BenchCsv {
    public static final List<String> BENCHMARK_COLUMNS = List.of(
            "run_id",
            "started_at",
            "scenario",
            "mode",
            "rows_in_db",
            "page_size",
            "executions",
            "mean_ms",
            "min_ms",
            "p50_ms",
            "p90_ms",
            "p95_ms",
            "p99_ms",
            "p99_9_ms",
            "max_ms",
            "qps",
            "plan");
    public static final List<String> COMPARISON_COLUMNS = List.of(
            "scenario",
            "base_set",
            "set",
            "base_p50_ms",
            "p50_ms",
            "speedup_p50",
            "base_p99_ms",
            "p99_ms",
            "speedup_p99");

    private BenchCsv() {}

    /**
     * The file of one scenario in one index set next to the CSV (hlog/, plans/): the scenario
     * name with '&' as '+' and anything but letters, digits and {@code _=.,-} as '_'.
     */
    public static String fileName(String scenario, String mode, String extension) {
        String safe = scenario.replace('&', '+').replaceAll("[^A-Za-z0-9_=.,+-]", "_");
        return safe + "." + mode + extension;
    }

    public static void writeBenchmarks(Path file, List<BenchRow> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(BENCHMARK_COLUMNS.toArray(String[]::new));
        rows.forEach(r -> lines.add(line(r)));
        write(file, lines);
    }

    /** One row as its CSV line. */
    public static String[] line(BenchRow r) {
        return new String[] {
            r.runId(),
            r.startedAt(),
            r.scenario(),
            r.mode(),
            Long.toString(r.rowsInDb()),
            Integer.toString(r.pageSize()),
            Long.toString(r.executions()),
            ms(r.meanMs()),
            ms(r.minMs()),
            ms(r.p50Ms()),
            ms(r.p90Ms()),
            ms(r.p95Ms()),
            ms(r.p99Ms()),
            ms(r.p999Ms()),
            ms(r.maxMs()),
            String.format(Locale.ROOT, "%.1f", r.qps()),
            r.plan()
        };
    }

    /** Per scenario and index set, its latency against the base set's (comparison.csv). */
    public static void writeComparison(Path file, List<SpeedUp> speedUps) {
        List<String[]> lines = new ArrayList<>();
        lines.add(COMPARISON_COLUMNS.toArray(String[]::new));
        for (SpeedUp u : speedUps) {
            lines.add(new String[] {
                u.scenario(),
                u.base().mode(),
                u.other().mode(),
                ms(u.base().p50()),
                ms(u.other().p50()),
                ratio(u.p50()),
                ms(u.base().p99()),
                ms(u.other().p99()),
                ratio(u.p99())
            });
        }
        write(file, lines);
    }

    /** Reads a benchmarks.csv; a missing file or other columns is an IllegalArgumentException with one sentence. */
    public static List<BenchRow> readBenchmarks(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(reader)) {
            List<String[]> lines = csv.readAll();
            if (lines.isEmpty() || !Arrays.asList(lines.getFirst()).equals(BENCHMARK_COLUMNS)) {
                throw new IllegalArgumentException(file + " is not a crmbench benchmarks.csv: its header should be "
                        + String.join(",", BENCHMARK_COLUMNS));
            }
            List<BenchRow> rows = new ArrayList<>();
            for (String[] l : lines.subList(1, lines.size())) {
                if (l.length != BENCHMARK_COLUMNS.size()) {
                    throw new IllegalArgumentException(
                            file + " has a row with " + l.length + " columns instead of " + BENCHMARK_COLUMNS.size());
                }
                rows.add(new BenchRow(
                        l[0],
                        l[1],
                        l[2],
                        l[3],
                        Long.parseLong(l[4]),
                        Integer.parseInt(l[5]),
                        Long.parseLong(l[6]),
                        d(l[7]),
                        d(l[8]),
                        d(l[9]),
                        d(l[10]),
                        d(l[11]),
                        d(l[12]),
                        d(l[13]),
                        d(l[14]),
                        d(l[15]),
                        l[16]));
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " has a value that is not a number (" + e.getMessage() + ")");
        } catch (IOException | CsvException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes a CSV file (header first), creating its folder. */
    public static void write(Path file, List<String[]> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVWriter csv = new CSVWriter(writer)) {
                csv.writeAll(lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Milliseconds as the CSV files write them: three decimals. */
    public static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
