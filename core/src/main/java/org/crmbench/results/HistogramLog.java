package org.crmbench.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * An HdrHistogram interval log (.hlog) read strictly: every interval line must decode, or the
 * file is rejected with the line number. HdrHistogram's own reader stops quietly at the first line
 * it cannot parse, which would turn a damaged log into silently missing data.
 *
 * @param startEpochSeconds the log's {@code #[StartTime: …]}, or its first interval's timestamp
 * @param maxValueUnitRatio the ratio between the histogram's values and the log's Interval_Max
 *     column (1000 for crmbench's logs: microseconds recorded, milliseconds shown)
 */
public record HistogramLog(Path file, double startEpochSeconds, double maxValueUnitRatio, List<Interval> intervals) {

    /** One interval line, with its start and end in seconds since the epoch. */
    public record Interval(String tag, double startEpochSeconds, double endEpochSeconds, Histogram histogram) {}

    public static HistogramLog read(Path file) {
        List<String> lines = lines(file);
        Double start = null;
        double base = 0;
        boolean baseSeen = false;
        double ratio = 1;
        List<Interval> intervals = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.startsWith("#[StartTime:")) {
                start = firstNumber(line.substring("#[StartTime:".length()), file, n);
                continue;
            }
            if (line.startsWith("#[BaseTime:")) {
                base = firstNumber(line.substring("#[BaseTime:".length()), file, n);
                baseSeen = true;
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("\"StartTimestamp\"")) {
                continue;
            }
            LogLine entry = LogLine.parse(line, file, n);
            if (start == null) {
                start = entry.timestamp();
            }
            if (!baseSeen) {
                // as HdrHistogram's reader does: timestamps more than a year before the start are relative
                base = entry.timestamp() < start - 365 * 24 * 3600.0 ? start : 0;
                baseSeen = true;
            }
            if (intervals.isEmpty()
                    && entry.intervalMax() > 0
                    && entry.histogram().getMaxValue() > 0) {
                ratio = Math.pow(10, Math.round(Math.log10(entry.histogram().getMaxValue() / entry.intervalMax())));
            }
            intervals.add(new Interval(
                    entry.tag(),
                    base + entry.timestamp(),
                    base + entry.timestamp() + entry.length(),
                    entry.histogram()));
        }
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException(file + " is not an HdrHistogram log: it has no interval histograms");
        }
        return new HistogramLog(file, start, ratio, List.copyOf(intervals));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as an HdrHistogram log: " + e.getMessage());
        }
    }

    /** One interval line of a log: [Tag=T,]start,length,max,compressed histogram (Base64). */
    private record LogLine(String tag, double timestamp, double length, double intervalMax, Histogram histogram) {
        static LogLine parse(String line, Path file, int n) {
            String tag = null;
            String rest = line;
            if (line.startsWith("Tag=")) {
                int comma = line.indexOf(',');
                tag = comma < 0 ? "" : line.substring(4, comma);
                rest = comma < 0 ? "" : line.substring(comma + 1);
            }
            String[] fields = rest.split(",");
            if (fields.length != 4) {
                throw notALog(file, n, "has " + fields.length + " fields instead of start,length,max,histogram");
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(fields[3].strip());
                return new LogLine(
                        tag,
                        Double.parseDouble(fields[0]),
                        Double.parseDouble(fields[1]),
                        Double.parseDouble(fields[2]),
                        Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
            } catch (IllegalArgumentException | DataFormatException | java.nio.BufferUnderflowException e) {
                throw notALog(
                        file,
                        n,
                        "does not decode as an interval histogram ("
                                + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** All intervals of one tag (null: untagged) added into one histogram. */
    public Histogram total(String tag) {
        Histogram total = new Histogram(3);
        for (Interval i : intervals) {
            if (java.util.Objects.equals(i.tag(), tag)) {
                total.add(i.histogram());
            }
        }
        return total;
    }

    /** The tags in this log, in order of appearance (null for untagged intervals). */
    public List<String> tags() {
        return intervals.stream().map(Interval::tag).distinct().toList();
    }

    /**
     * Merges logs, for example from several load machines, into one: intervals of the same tag
     * whose starts fall into the same window (the inputs' median interval length, from the
     * earliest start) are added. Adding HdrHistograms is exact, so the merged log holds every
     * recorded value of every input.
     */
    public static HistogramLog merge(List<HistogramLog> logs) {
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge");
        }
        double ratio = logs.getFirst().maxValueUnitRatio();
        for (HistogramLog log : logs) {
            if (log.maxValueUnitRatio() != ratio) {
                throw new IllegalArgumentException(log.file() + " records values in other units than "
                        + logs.getFirst().file() + " (Interval_Max ratio " + log.maxValueUnitRatio() + " against "
                        + ratio + "); merging them would mix units");
            }
        }
        double start = logs.stream()
                .flatMap(l -> l.intervals().stream())
                .mapToDouble(Interval::startEpochSeconds)
                .min()
                .orElseThrow();
        double[] lengths = logs.stream()
                .flatMap(l -> l.intervals().stream())
                .mapToDouble(i -> i.endEpochSeconds() - i.startEpochSeconds())
                .sorted()
                .toArray();
        double window = Math.max(0.001, lengths[lengths.length / 2]);
        Map<String, TreeMap<Long, Interval>> byTag = new LinkedHashMap<>();
        for (HistogramLog log : logs) {
            for (Interval i : log.intervals()) {
                long slot = (long) Math.floor((i.startEpochSeconds() - start) / window + 1e-9);
                byTag.computeIfAbsent(String.valueOf(i.tag()), t -> new TreeMap<>())
                        .merge(slot, copy(i), HistogramLog::add);
            }
        }
        List<Interval> merged = byTag.values().stream()
                .flatMap(m -> m.values().stream())
                .sorted(java.util.Comparator.comparingDouble(Interval::startEpochSeconds))
                .toList();
        return new HistogramLog(null, start, ratio, merged);
    }

    /** Writes this log in HdrHistogram's log format 1.3, timestamps relative to its start. */
    public void write(Path out, String comment) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (PrintStream stream = new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(stream);
                writer.outputComment(comment);
                writer.outputLogFormatVersion();
                writer.outputStartTime((long) (startEpochSeconds * 1000));
                writer.outputLegend();
                for (Interval i : intervals) {
                    i.histogram().setTag(i.tag());
                    writer.outputIntervalHistogram(
                            i.startEpochSeconds() - startEpochSeconds,
                            i.endEpochSeconds() - startEpochSeconds,
                            i.histogram(),
                            maxValueUnitRatio);
                }
                if (stream.checkError()) {
                    throw new IOException("write failed (disk full?)");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write " + out + ": " + e.getMessage());
        }
    }

    private static Interval copy(Interval i) {
        Histogram h = new Histogram(3);
        h.add(i.histogram());
        return new Interval(i.tag(), i.startEpochSeconds(), i.endEpochSeconds(), h);
    }

    private static Interval add(Interval a, Interval b) {
        a.histogram().add(b.histogram());
        return new Interval(
                a.tag(),
                Math.min(a.startEpochSeconds(), b.startEpochSeconds()),
                Math.max(a.endEpochSeconds(), b.endEpochSeconds()),
                a.histogram());
    }

    private static double firstNumber(String text, Path file, int line) {
        String number = text.strip().split("[\\s\\]]+")[0];
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw notALog(file, line, "has a time that is not a number");
        }
    }

    private static IllegalArgumentException notALog(Path file, int line, String why) {
        return new IllegalArgumentException(file + " is not an HdrHistogram log: line " + (line + 1) + " " + why);
    }
}
