package org.crmbench.report;

import static org.crmbench.report.TextTable.Column.number;
import static org.crmbench.report.TextTable.Column.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables `crmbench report` prints: one report, a bench run's speed-ups, and a comparison. */
public final class ReportTables {
    private ReportTables() {}

    /** One report's tables: the measurements, and for a bench run with both modes the speed-ups. */
    public static List<TextTable> of(Report report) {
        List<TextTable> tables = new ArrayList<>();
        if (report.kind() == Report.Kind.BENCH) {
            TextTable t = new TextTable(
                    report.description(),
                    List.of(
                            text("scenario"),
                            text("mode"),
                            number("executions"),
                            number("p50 ms"),
                            number("p95 ms"),
                            number("p99 ms"),
                            number("max ms"),
                            number("qps")));
            for (Measurement m : report.measurements()) {
                t.row(
                        m.name(),
                        m.mode(),
                        count(m.count()),
                        ms(m.p50()),
                        ms(m.latencyAt(95)),
                        ms(m.p99()),
                        ms(m.max()),
                        rate(m.throughput()));
            }
            tables.add(t);
            List<SpeedUp> speedUps = speedUps(report);
            if (!speedUps.isEmpty()) {
                TextTable s = new TextTable(
                        "Speed-up of the indexes (baseline / indexed)",
                        List.of(
                                text("scenario"),
                                number("baseline p50 ms"),
                                number("indexed p50 ms"),
                                number("speed-up p50"),
                                number("baseline p99 ms"),
                                number("indexed p99 ms"),
                                number("speed-up p99")));
                for (SpeedUp u : speedUps) {
                    s.row(
                            u.scenario(),
                            ms(u.baseline().p50()),
                            ms(u.indexed().p50()),
                            times(u.p50()),
                            ms(u.baseline().p99()),
                            ms(u.indexed().p99()),
                            times(u.p99()));
                }
                tables.add(s);
            }
        } else {
            TextTable t = new TextTable(
                    report.description(),
                    List.of(
                            text("name"),
                            number("requests"),
                            number("failures"),
                            number("req/s"),
                            number("p50 ms"),
                            number("p95 ms"),
                            number("p99 ms"),
                            number("max ms")));
            for (Measurement m : report.measurements()) {
                t.row(
                        m.name(),
                        count(m.count()),
                        count(m.failures()),
                        rate(m.throughput()),
                        ms(m.p50()),
                        ms(m.latencyAt(95)),
                        ms(m.p99()),
                        ms(m.max()));
            }
            tables.add(t);
        }
        return tables;
    }

    public static TextTable of(Comparison c) {
        TextTable t = new TextTable(
                String.format(
                        Locale.ROOT,
                        "BASE %s (%s)%nNEW  %s (%s)%nChanges from BASE to NEW, marked faster or slower only beyond the"
                                + " 95%% confidence interval and by at least %s%%",
                        c.base().source(),
                        c.base().description(),
                        c.next().source(),
                        c.next().description(),
                        trim(c.minChangePercent())),
                List.of(
                        text(c.base().kind() == Report.Kind.BENCH ? "scenario" : "name"),
                        number("p50 ms"),
                        number("p50"),
                        number("p99 ms"),
                        number("p99"),
                        number(c.base().kind() == Report.Kind.BENCH ? "qps" : "req/s"),
                        text("verdict")));
        for (Comparison.Change change : c.changes()) {
            t.row(
                    change.key(),
                    ms(change.p50().before()) + " -> " + ms(change.p50().after()),
                    signed(change.p50().changePercent()),
                    ms(change.p99().before()) + " -> " + ms(change.p99().after()),
                    signed(change.p99().changePercent()),
                    signed(change.throughputChangePercent()),
                    change.verdict().label()
                            + (change.verdict() == Comparison.Verdict.SAME
                                            && change.p50().tooFewSamples()
                                    ? " (too few samples)"
                                    : ""));
        }
        return t;
    }

    /** What --merge did: per input log and the merged one, per tag, the intervals, count and percentiles. */
    public static TextTable merged(List<HistogramLog> inputs, HistogramLog merged, java.nio.file.Path out) {
        TextTable table = new TextTable(
                "Merged " + inputs.size() + " logs into " + out + " (values in the logs' units; Interval_Max ratio "
                        + trim(merged.maxValueUnitRatio()) + ")",
                List.of(
                        text("log"),
                        text("tag"),
                        number("intervals"),
                        number("count"),
                        number("p50"),
                        number("p99"),
                        number("max")));
        List<HistogramLog> all = new ArrayList<>(inputs);
        all.add(merged);
        for (HistogramLog log : all) {
            for (String tag : log.tags()) {
                org.HdrHistogram.Histogram h = log.total(tag);
                table.row(
                        log.file() == null ? "merged" : log.file().toString(),
                        tag == null ? "-" : tag,
                        count(log.intervals().stream()
                                .filter(i -> java.util.Objects.equals(i.tag(), tag))
                                .count()),
                        count(h.getTotalCount()),
                        Long.toString(h.getValueAtPercentile(50)),
                        Long.toString(h.getValueAtPercentile(99)),
                        Long.toString(h.getMaxValue()));
            }
        }
        return table;
    }

    /** A scenario measured in both modes: baseline latency over indexed latency. */
    public record SpeedUp(String scenario, Measurement baseline, Measurement indexed) {
        public double p50() {
            return baseline.p50() / Math.max(indexed.p50(), 1e-9);
        }

        public double p99() {
            return baseline.p99() / Math.max(indexed.p99(), 1e-9);
        }
    }

    public static List<SpeedUp> speedUps(Report report) {
        Map<String, Measurement> baseline = new LinkedHashMap<>();
        Map<String, Measurement> indexed = new LinkedHashMap<>();
        for (Measurement m : report.measurements()) {
            (m.mode().equals("baseline") ? baseline : indexed).put(m.name(), m);
        }
        List<SpeedUp> speedUps = new ArrayList<>();
        baseline.forEach((name, b) -> {
            Measurement i = indexed.get(name);
            if (i != null) {
                speedUps.add(new SpeedUp(name, b, i));
            }
        });
        return speedUps;
    }

    /** Milliseconds with 3 significant digits (at least to the microsecond below 1 ms). */
    public static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : value >= 1 ? "%.2f" : "%.3f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String rate(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    static String times(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%,.0fx" : "%.1fx", value);
    }

    static String signed(double percent) {
        return String.format(Locale.ROOT, "%+.0f%%", percent);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
