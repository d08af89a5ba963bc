package org.crmbench.advise;

import java.util.List;
import java.util.Locale;
import org.crmbench.report.SvgChart;

/** The frontier in report.html: statements under target and p50 saved against the MB of index. */
final class FrontierChart {
    private FrontierChart() {}

    static String html(Advice a) {
        List<FrontierStep> steps = a.frontier();
        if (steps.size() < 2) {
            return "<h2>Frontier</h2>\n<p class=\"caption\">No index saved enough to make a step.</p>\n";
        }
        double maxMb = steps.getLast().sizeMb();
        SvgChart.Axis mb = SvgChart.Axis.linear("indexes (MB)", 0, Math.max(maxMb, 1), FrontierChart::plain);
        int statements = a.workload().statements().size();
        String under = SvgChart.lines(
                "frontier-under",
                "Statements at or under their p50 target, of " + statements,
                mb,
                SvgChart.Axis.linear("statements", 0, statements, FrontierChart::plain),
                List.of(new SvgChart.Series(
                        "under target",
                        "#1f77b4",
                        steps.stream()
                                .map(f -> new double[] {f.sizeMb(), f.underTarget()})
                                .toList())));
        double maxSaved =
                steps.stream().mapToDouble(FrontierStep::savedMs).max().orElse(1);
        String saved = SvgChart.lines(
                "frontier-saved",
                "p50 milliseconds saved over all statements",
                mb,
                SvgChart.Axis.linear("ms saved", 0, Math.max(maxSaved, 1), FrontierChart::plain),
                List.of(new SvgChart.Series(
                        "p50 ms saved",
                        "#2ca02c",
                        steps.stream()
                                .map(f -> new double[] {f.sizeMb(), f.savedMs()})
                                .toList())));
        return "<h2>Frontier</h2>\n<p class=\"caption\">Each point adds the index that saves the most p50 ms per MB"
                + " over those before it (frontier.csv names them); from the single measurements of each"
                + " candidate.</p>\n" + under + saved;
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
