package org.crmbench.load;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.crmbench.results.LoadResult;
import org.crmbench.results.LocustCsvFormat;

/**
 * Locust's CSV file set, with Locust's column names so existing notebooks and dashboards read
 * them: PREFIX_stats.csv, PREFIX_stats_history.csv (one Aggregated row per second, as Locust
 * writes by default) and PREFIX_failures.csv; plus an HdrHistogram .hlog per endpoint. Times are
 * milliseconds. Percentiles are exact, where Locust rounds them to two significant digits.
 */
public final class LocustCsv implements LoadListener, AutoCloseable {
    private final String prefix;
    private final ICSVWriter history;
    private final Map<String, HistogramLogWriter> hlogs = new HashMap<>();
    private final long startMs = System.currentTimeMillis();

    /** Opens PREFIX_stats_history.csv; the other files are written by {@link #finish}. */
    public LocustCsv(String prefix) {
        this.prefix = prefix;
        this.history = writer(Path.of(prefix + "_stats_history.csv"));
        history.writeNext(LocustCsvFormat.HISTORY_COLUMNS.toArray(String[]::new), false);
    }

    @Override
    public synchronized void interval(LoadInterval i) {
        List<String> row = new ArrayList<>(List.of(
                Long.toString(i.epochSecond()),
                Integer.toString(i.users()),
                "",
                "Aggregated",
                number(i.requestsPerSecond()),
                number(i.failuresPerSecond())));
        row.addAll(i.window().getTotalCount() == 0 ? nCopies("N/A") : percentiles(i.window()));
        row.addAll(List.of(
                Long.toString(i.totalRequests()),
                Long.toString(i.totalFailures()),
                ms(i.total().getValueAtPercentile(50)),
                ms(i.total().getMean()),
                ms(i.total().getMinValue()),
                ms(i.total().getMaxValue()),
                number(i.totalBytes() / (double) Math.max(1, i.totalRequests()))));
        history.writeNext(row.toArray(String[]::new), false);
        flush(history);
        i.endpointIntervals().forEach((name, h) -> {
            if (h.getTotalCount() > 0) {
                hlog(name)
                        .outputIntervalHistogram(
                                Math.max(0, i.elapsedSeconds() - i.seconds()), i.elapsedSeconds(), h, 1000.0);
            }
        });
    }

    /** Writes PREFIX_stats.csv and PREFIX_failures.csv (and the uncorrected stats in the open model). */
    public void finish(LoadResult result) {
        writeStats(Path.of(prefix + "_stats.csv"), result, false);
        if (result.openModel()) {
            writeStats(Path.of(prefix + "_stats_uncorrected.csv"), result, true);
        }
        try (ICSVWriter failures = writer(Path.of(prefix + "_failures.csv"))) {
            failures.writeNext(LocustCsvFormat.FAILURE_COLUMNS.toArray(String[]::new), false);
            result.failures()
                    .forEach((f, count) -> failures.writeNext(
                            new String[] {f.method(), f.name(), f.error(), Long.toString(count)}, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeStats(Path file, LoadResult result, boolean uncorrected) {
        Histogram all = new Histogram(EndpointStats.HIGHEST_US, 3);
        double seconds = Math.max(1e-9, result.elapsed().toNanos() / 1e9);
        try (ICSVWriter stats = writer(file)) {
            stats.writeNext(LocustCsvFormat.STATS_COLUMNS.toArray(String[]::new), false);
            long bytes = 0;
            for (LoadResult.Endpoint e : result.endpoints()) {
                Histogram h = uncorrected ? e.uncorrectedUs() : e.latencyUs();
                all.add(h);
                bytes += e.contentBytes();
                stats.writeNext(
                        row(e.method(), e.name(), e.requests(), e.failures(), h, e.contentBytes(), seconds), false);
            }
            stats.writeNext(
                    row("", "Aggregated", result.requests(), result.failureCount(), all, bytes, seconds), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] row(
            String type, String name, long requests, long failures, Histogram h, long bytes, double seconds) {
        List<String> row = new ArrayList<>(List.of(
                type,
                name,
                Long.toString(requests),
                Long.toString(failures),
                ms(h.getValueAtPercentile(50)),
                ms(h.getMean()),
                ms(h.getMinValue()),
                ms(h.getMaxValue()),
                number(bytes / (double) Math.max(1, requests)),
                number(requests / seconds),
                number(failures / seconds)));
        row.addAll(h.getTotalCount() == 0 ? nCopies("N/A") : percentiles(h));
        return row.toArray(String[]::new);
    }

    private static List<String> percentiles(Histogram h) {
        List<String> values = new ArrayList<>();
        for (double p : LocustCsvFormat.PERCENTILE_VALUES) {
            values.add(ms(p == 100 ? h.getMaxValue() : h.getValueAtPercentile(p)));
        }
        return values;
    }

    private HistogramLogWriter hlog(String name) {
        return hlogs.computeIfAbsent(name, n -> {
            try {
                HistogramLogWriter w = new HistogramLogWriter(
                        LocustCsvFormat.hlogFile(prefix, n).toFile());
                w.outputComment("crmbench load: latency of " + n + " in microseconds");
                w.outputLogFormatVersion();
                w.outputStartTime(startMs);
                w.setBaseTime(startMs);
                w.outputLegend();
                return w;
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            history.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hlogs.values().forEach(HistogramLogWriter::close);
    }

    private static ICSVWriter writer(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return new CSVWriter(w, ',', ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void flush(ICSVWriter w) {
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nCopies(String value) {
        return java.util.Collections.nCopies(LocustCsvFormat.PERCENTILE_VALUES.length, value);
    }

    /** Microseconds as milliseconds, exact to the microsecond. */
    static String ms(double us) {
        return String.format(Locale.ROOT, "%.3f", us / 1000.0);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
