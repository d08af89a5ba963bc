package org.crmbench.report;

import static org.crmbench.report.TextTable.Column.number;
import static org.crmbench.report.TextTable.Column.text;
import static org.crmbench.results.Figures.count;
import static org.crmbench.results.Figures.ms;
import static org.crmbench.results.Figures.rate;
import static org.crmbench.results.Figures.signed;
import static org.crmbench.results.Figures.times;
import static org.crmbench.results.Figures.trim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmbench.results.HistogramLog;
import org.crmbench.results.Measurement;
import org.crmbench.results.SpeedUp;

/** The tables `crmbench report` prints: one report, a bench run's speed-ups, and a comparison. */
public final class ReportTables {
    private ReportTables() {}

    /** Up to this many measurements a bench report lists every one; past it, the summary and the slowest. */
    public static final int FULL_TABLE_ROWS = 40;
    /** How many of the slowest measurements a summary lists. */
    public static final int SLOWEST = 10;

    private static final int PLAN_WIDTH = 90;

    /**
     * One report's tables. Bench: every measurement (or, for a large run such as the surface, how
     * many meet the API's latency target and the slowest ten with their plans), then the
     * speed-up of each index set over the base set. Load: every endpoint.
     */
    public static List<TextTable> of(Report report) {
        return report.kind() == Report.Kind.BENCH ? bench(report) : List.of(load(report));
    }

    private static List<TextTable> bench(Report report) {
        List<TextTable> tables = new ArrayList<>();
        boolean full = report.measurements().size() <= FULL_TABLE_ROWS;
        if (full) {
            TextTable t = new TextTable(report.description(), measurementColumns());
            report.measurements().forEach(m -> measurementRow(t, m));
            tables.add(t);
        }
        List<TargetSummary> summaries = report.summaries(SLOWEST);
        tables.add(targets(full ? "" : report.description() + "\n", summaries, unit(report)));
        if (!full) {
            for (TargetSummary s : summaries) {
                TextTable t = new TextTable("Slowest " + s.slowest().size() + " in " + s.mode(), measurementColumns());
                s.slowest().forEach(m -> measurementRow(t, m));
                tables.add(t);
            }
        }
        List<SpeedUp> speedUps = report.speedUps();
        if (!speedUps.isEmpty()) {
            tables.add(full ? speedUps(speedUps) : speedUpSummary(speedUps));
        }
        return tables;
    }

    private static List<TextTable.Column> measurementColumns() {
        return List.of(
                text("scenario"),
                text("set"),
                number("executions"),
                number("p50 ms"),
                number("p95 ms"),
                number("p99 ms"),
                number("max ms"),
                number("qps"),
                text("plan"));
    }

    private static void measurementRow(TextTable t, Measurement m) {
        t.row(
                m.name(),
                m.mode(),
                count(m.count()),
                ms(m.p50()),
                ms(m.latencyAt(95)),
                ms(m.p99()),
                ms(m.max()),
                rate(m.throughput()),
                m.plan().length() <= PLAN_WIDTH ? m.plan() : m.plan().substring(0, PLAN_WIDTH - 3) + "...");
    }

    /** "combinations" for the surface (every name an ordering of the list), else "scenarios". */
    private static String unit(Report report) {
        return report.measurements().stream().allMatch(m -> m.name().contains("ordering="))
                ? "combinations"
                : "scenarios";
    }

    private static TextTable targets(String titlePrefix, List<TargetSummary> summaries, String unit) {
        LatencyTarget target = summaries.getFirst().target();
        TextTable t = new TextTable(
                titlePrefix
                        + String.join(
                                "\n", summaries.stream().map(s -> s.line(unit)).toList()),
                List.of(
                        text("set"),
                        number(unit),
                        number("p50 <= " + trim(target.p50Ms()) + " ms"),
                        number("p99 <= " + trim(target.p99Ms()) + " ms"),
                        number("both"),
                        number("worst p50 ms"),
                        number("worst p99 ms")));
        for (TargetSummary s : summaries) {
            t.row(
                    s.mode(),
                    count(s.total()),
                    count(s.underP50()),
                    count(s.underP99()),
                    count(s.meetingBoth()),
                    ms(
                            s.slowest().isEmpty()
                                    ? Double.NaN
                                    : s.slowest().getFirst().p50()),
                    ms(s.worstP99Ms()));
        }
        return t;
    }

    private static TextTable speedUps(List<SpeedUp> speedUps) {
        TextTable s = new TextTable(
                "Speed-up of each index set over " + speedUps.getFirst().base().mode() + " (base latency / latency)",
                List.of(
                        text("scenario"),
                        text("set"),
                        number("base p50 ms"),
                        number("p50 ms"),
                        number("speed-up p50"),
                        number("base p99 ms"),
                        number("p99 ms"),
                        number("speed-up p99")));
        for (SpeedUp u : speedUps) {
            s.row(
                    u.scenario(),
                    u.other().mode(),
                    ms(u.base().p50()),
                    ms(u.other().p50()),
                    times(u.p50()),
                    ms(u.base().p99()),
                    ms(u.other().p99()),
                    times(u.p99()));
        }
        return s;
    }

    /** For a large run: per index set, the spread of the speed-ups over the base set. */
    private static TextTable speedUpSummary(List<SpeedUp> speedUps) {
        TextTable s = new TextTable(
                "Speed-up of each index set over " + speedUps.getFirst().base().mode()
                        + " (base p50 / p50; comparison.csv has every scenario)",
                List.of(
                        text("set"),
                        number("scenarios"),
                        number("min"),
                        number("median"),
                        number("max"),
                        number(">= 2x faster"),
                        number(">= 2x slower")));
        Map<String, List<Double>> bySet = new LinkedHashMap<>();
        speedUps.forEach(u ->
                bySet.computeIfAbsent(u.other().mode(), k -> new ArrayList<>()).add(u.p50()));
        bySet.forEach((set, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            s.row(
                    set,
                    count(sorted.size()),
                    times(sorted.getFirst()),
                    times(sorted.get(sorted.size() / 2)),
                    times(sorted.getLast()),
                    count(sorted.stream().filter(v -> v >= 2).count()),
                    count(sorted.stream().filter(v -> v <= 0.5).count()));
        });
        return s;
    }

    private static TextTable load(Report report) {
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
                    m.key(),
                    count(m.count()),
                    count(m.failures()),
                    rate(m.throughput()),
                    ms(m.p50()),
                    ms(m.latencyAt(95)),
                    ms(m.p99()),
                    ms(m.max()));
        }
        return t;
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
}
