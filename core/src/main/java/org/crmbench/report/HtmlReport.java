package org.crmbench.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.crmbench.CrmbenchException;
import org.crmbench.report.SvgChart.Axis;
import org.crmbench.report.SvgChart.Series;
import org.crmbench.results.HistoryPoint;
import org.crmbench.results.Measurement;
import org.crmbench.results.PercentilePoint;
import org.crmbench.results.SpeedUp;

/**
 * One self-contained HTML page (inline CSS and SVG, no script, nothing fetched) for one or more
 * reports, and their comparison when there are two. Bench: the speed-up of each scenario and,
 * per scenario, the latency percentile distribution in each index set (for a large run such as the
 * surface: every combination's p50 and p99 sorted, and the slowest ten). Load: requests/s,
 * failures/s, p50/p99 and users over time, and the percentile distribution per endpoint.
 */
public final class HtmlReport {
    private static final String BASELINE = "#d62728";
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};
    private static final String INDEXED = PALETTE[0];

    private HtmlReport() {}

    public static String render(List<Report> reports, Optional<Comparison> comparison) {
        return render(reports, comparison, "");
    }

    /** Writes the page to {@code file}, creating its folder; CrmbenchException naming the file when it cannot. */
    public static void write(Path file, List<Report> reports, Optional<Comparison> comparison) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(reports, comparison), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CrmbenchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The page, with {@code lead} (markup the caller built, escaped) before the reports. */
    public static String render(List<Report> reports, Optional<Comparison> comparison, String lead) {
        StringBuilder html = new StringBuilder();
        html.append(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>crmbench report</title>\n")
                .append("<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}\n")
                .append("table{border-collapse:collapse;margin:8px 0 20px;font-size:13px}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 8px}th{background:#f3f3f3}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".slower{background:#fde0dc}.faster{background:#dff3e0}\n")
                .append("svg.chart{display:block;margin:8px 0 24px;border:1px solid #eee}\n")
                .append("p.caption{white-space:pre-line;color:#555;font-size:13px}\n")
                .append("</style>\n</head>\n<body>\n<h1>crmbench report</h1>\n")
                .append("<p class=\"caption\">Generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by crmbench report. Latencies in milliseconds.</p>\n");
        html.append(lead);
        comparison.ifPresent(c -> {
            html.append("<h2>Comparison</h2>\n");
            table(html, ReportTables.of(c));
        });
        int index = 0;
        for (Report report : reports) {
            index++;
            html.append("<section class=\"report\">\n<h2>")
                    .append(SvgChart.escape(report.source().toString()))
                    .append("</h2>\n");
            ReportTables.of(report).forEach(t -> table(html, t));
            if (report.kind() == Report.Kind.BENCH) {
                benchCharts(html, report, "r" + index);
            } else {
                loadCharts(html, report, "r" + index);
            }
            html.append("</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void benchCharts(StringBuilder html, Report report, String id) {
        List<String> modes = report.modes();
        boolean full = report.measurements().size() <= ReportTables.FULL_TABLE_ROWS;
        List<SpeedUp> speedUps = report.speedUps();
        if (!speedUps.isEmpty() && full) {
            html.append(speedUpChart(id, speedUps, modes.size() > 2));
        }
        if (!full) {
            html.append(profile(report, id, modes, false));
            html.append(profile(report, id, modes, true));
        }
        scenarioCharts(html, report, id, full);
    }

    /** Each scenario's speed-up over the base set, p50 and p99, on a log scale. */
    private static String speedUpChart(String id, List<SpeedUp> speedUps, boolean nameTheSet) {
        double max = speedUps.stream()
                .mapToDouble(u -> Math.max(u.p50(), u.p99()))
                .max()
                .orElse(1);
        double min = speedUps.stream()
                .mapToDouble(u -> Math.min(u.p50(), u.p99()))
                .min()
                .orElse(1);
        return SvgChart.bars(
                id + "-speedups",
                "Speed-up per scenario over " + speedUps.getFirst().base().mode() + " (base latency / latency)",
                speedUps.stream()
                        .map(u -> nameTheSet ? u.scenario() + " (" + u.other().mode() + ")" : u.scenario())
                        .toList(),
                Axis.log(
                        "speed-up (×, log scale; dashed line: 1×, no change)",
                        Math.min(min, 1) * 0.9,
                        max * 1.1,
                        HtmlReport::times),
                List.of(
                        new Series(
                                "p50",
                                PALETTE[0],
                                speedUps.stream()
                                        .map(u -> new double[] {u.p50()})
                                        .toList()),
                        new Series(
                                "p99",
                                PALETTE[1],
                                speedUps.stream()
                                        .map(u -> new double[] {u.p99()})
                                        .toList())),
                1);
    }

    /** A percentile chart per scenario, every set in it: all of a small run, the slowest of a large one. */
    private static void scenarioCharts(StringBuilder html, Report report, String id, boolean full) {
        List<String> modes = report.modes();
        Map<String, List<Measurement>> byScenario = new LinkedHashMap<>();
        report.measurements()
                .forEach(m -> byScenario
                        .computeIfAbsent(m.name(), k -> new ArrayList<>())
                        .add(m));
        List<String> charted = full
                ? List.copyOf(byScenario.keySet())
                : report.summaries(ReportTables.SLOWEST).getLast().slowest().stream()
                        .map(Measurement::name)
                        .toList();
        if (!full) {
            html.append("<p class=\"caption\">Latency by percentile of the ")
                    .append(charted.size())
                    .append(" slowest combinations in ")
                    .append(SvgChart.escape(modes.getLast()))
                    .append(", in every set</p>\n");
        }
        for (String scenario : charted) {
            List<Series> series = new ArrayList<>();
            for (Measurement m : byScenario.get(scenario)) {
                series.add(new Series(m.mode() + " (" + m.count() + " executions)", color(modes, m.mode()), curve(m)));
            }
            html.append(percentileChart(id + "-" + scenario, "Latency by percentile: " + scenario, series, scenario));
        }
    }

    /** Baseline red, the other sets from the palette in run order. */
    private static String color(List<String> modes, String mode) {
        return mode.equals(Report.BASE_SET) ? BASELINE : PALETTE[modes.indexOf(mode) % PALETTE.length];
    }

    /**
     * A large run at a glance: each set's p50 (or p99) of every combination, sorted from fastest
     * to slowest, on a log scale, against the API's target.
     */
    private static String profile(Report report, String id, List<String> modes, boolean p99) {
        String which = p99 ? "p99" : "p50";
        double target = p99 ? report.target().p99Ms() : report.target().p50Ms();
        List<Series> series = new ArrayList<>();
        double min = target;
        double max = target;
        for (String mode : modes) {
            double[] sorted = report.measurements().stream()
                    .filter(m -> m.mode().equals(mode))
                    .mapToDouble(m -> p99 ? m.p99() : m.p50())
                    .sorted()
                    .toArray();
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < sorted.length; i++) {
                points.add(new double[] {100.0 * (i + 1) / sorted.length, sorted[i]});
                min = Math.min(min, sorted[i]);
                max = Math.max(max, sorted[i]);
            }
            series.add(new Series(mode, color(modes, mode), points));
        }
        series.add(new Series(
                "target " + plain(target) + " ms",
                "#999999",
                List.of(new double[] {0, target}, new double[] {100, target})));
        return SvgChart.lines(
                id + "-profile-" + which,
                "Every combination's " + which + ", sorted, per index set",
                Axis.linear("share of the combinations (%), fastest first", 0, 100, HtmlReport::plain),
                Axis.log(which + " latency (ms, log scale)", min, max, HtmlReport::plain),
                series);
    }

    private static void loadCharts(StringBuilder html, Report report, String id) {
        List<HistoryPoint> history = report.history();
        if (!history.isEmpty()) {
            long start = history.getFirst().epochSecond();
            double end = history.getLast().epochSecond() - start;
            Axis time = Axis.linear("time since start (s)", 0, Math.max(end, 1), HtmlReport::plain);
            double maxRate = max(history, h -> Math.max(h.requestsPerSecond(), h.failuresPerSecond()));
            html.append(SvgChart.lines(
                    id + "-throughput",
                    "Requests and failures per second",
                    time,
                    Axis.linear("per second", 0, Math.max(maxRate, 1), HtmlReport::plain),
                    List.of(
                            over(history, start, "requests/s", INDEXED, HistoryPoint::requestsPerSecond),
                            over(history, start, "failures/s", BASELINE, HistoryPoint::failuresPerSecond))));
            html.append(SvgChart.lines(
                    id + "-latency",
                    "Latency over time (percentiles of the last 10 s)",
                    time,
                    Axis.linear(
                            "latency (ms)", 0, Math.max(max(history, HistoryPoint::p99Ms), 0.001), HtmlReport::plain),
                    List.of(
                            over(history, start, "p50", INDEXED, HistoryPoint::p50Ms),
                            over(history, start, "p99", "#ff7f0e", HistoryPoint::p99Ms))));
            html.append(SvgChart.lines(
                    id + "-users",
                    "Users running",
                    time,
                    Axis.linear("users", 0, Math.max(max(history, HistoryPoint::users), 1), HtmlReport::plain),
                    List.of(over(history, start, "users", "#2ca02c", h -> h.users()))));
        }
        List<Measurement> endpoints = report.measurements().stream()
                .filter(m ->
                        !m.name().equals("Aggregated") || report.measurements().size() == 1)
                .toList();
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Measurement m = endpoints.get(i);
            series.add(new Series(
                    m.name() + String.format(Locale.ROOT, " (%,d requests)", m.count()),
                    PALETTE[i % PALETTE.length],
                    curve(m)));
        }
        html.append(percentileChart(id + "-percentiles", "Latency by percentile, whole run", series, "load"));
    }

    /** The HdrHistogram chart: x is 1/(1−p) on a log scale, labelled with p; y is latency, log scale. */
    private static String percentileChart(String id, String title, List<Series> series, String scenario) {
        double maxX = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(p -> p[0])
                .max()
                .orElse(10);
        double minY = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(p -> p[1])
                .min()
                .orElse(0.01);
        double maxY = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(p -> p[1])
                .max()
                .orElse(1);
        String svg = SvgChart.lines(
                id,
                title,
                Axis.log("percentile (log scale of 1/(1-p))", 1, Math.max(maxX, 10), x -> percentile(x) + "%"),
                Axis.log("latency (ms, log scale)", minY, maxY, HtmlReport::plain),
                series);
        // a literal replacement: a '$' or '\\' in a scenario's name is text, not a group reference
        return svg.replaceFirst(
                java.util.regex.Pattern.quote("class=\"chart\""),
                java.util.regex.Matcher.quoteReplacement("class=\"chart\" data-chart=\"percentiles\" data-scenario=\""
                        + SvgChart.escape(scenario) + "\""));
    }

    /**
     * (1/(1−p), latency) points of a measurement up to the percentile its sample size can show:
     * with n values, percentiles beyond 1 − 1/n are all the maximum, drawn at x = n.
     */
    static List<double[]> curve(Measurement m) {
        double last = Math.max(2, m.count());
        List<double[]> points = new ArrayList<>();
        for (PercentilePoint p : m.distribution()) {
            double x = p.percentile() >= 100 ? last : 1 / (1 - p.percentile() / 100);
            if (x < last) {
                points.add(new double[] {x, p.ms()});
            }
        }
        points.add(new double[] {last, m.max()});
        return points;
    }

    private static Series over(
            List<HistoryPoint> history, long start, String name, String color, ToDoubleFunction<HistoryPoint> value) {
        List<double[]> points = history.stream()
                .filter(h -> !Double.isNaN(value.applyAsDouble(h)))
                .map(h -> new double[] {h.epochSecond() - start, value.applyAsDouble(h)})
                .toList();
        return new Series(name, color, points);
    }

    private static double max(List<HistoryPoint> history, ToDoubleFunction<HistoryPoint> value) {
        return history.stream()
                .mapToDouble(value)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(1);
    }

    private static void table(StringBuilder html, TextTable t) {
        html.append("<p class=\"caption\">").append(SvgChart.escape(t.title())).append("</p>\n<table>\n<tr>");
        t.columns()
                .forEach(c ->
                        html.append("<th>").append(SvgChart.escape(c.header())).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : t.rows()) {
            String verdict = row.getLast().split(" ")[0];
            html.append(
                    verdict.equals("slower") || verdict.equals("faster") ? "<tr class=\"" + verdict + "\">" : "<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append(t.columns().get(c).numeric() ? "<td class=\"num\">" : "<td>")
                        .append(SvgChart.escape(row.get(c)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** The percentile p (in %) whose 1/(1−p) is x: 1 → 0, 10 → 90, 1000 → 99.9. */
    static String percentile(double x) {
        return BigDecimal.valueOf(100 * (1 - 1 / x))
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String plain(double value) {
        return value >= 1000
                ? String.format(Locale.ROOT, "%,.0f", value)
                : BigDecimal.valueOf(value)
                        .round(new java.math.MathContext(3))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static String times(double value) {
        return plain(value) + "×";
    }
}
