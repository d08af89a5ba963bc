package org.crmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.crmbench.results.LocustCsvFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    @TempDir
    Path tmp;

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> charts(Document doc) {
        NodeList svgs = doc.getElementsByTagName("svg");
        List<Element> charts = new ArrayList<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            charts.add((Element) svgs.item(i));
        }
        return charts;
    }

    @Test
    void aBenchPageHasOnePercentileChartPerScenarioAndTheSpeedUps() throws Exception {
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        // a '$' in a name (a load request named after its URL) is text in the markup, not a regex group
        for (String scenario : List.of("initial_page", "sort_points_desc", "lookup_$1user")) {
            latencies.put(scenario + "/baseline", ReportFixtures.latencies(1, 200, 50_000, 0.3));
            latencies.put(scenario + "/indexed", ReportFixtures.latencies(2, 200, 1_000, 0.3));
        }
        Report report = ReportReader.read(ReportFixtures.benchRun(tmp.resolve("run"), "r1", latencies));

        Document doc = parse(HtmlReport.render(List.of(report), Optional.empty()));

        List<Element> charts = charts(doc);
        List<String> scenarios = charts.stream()
                .filter(c -> c.getAttribute("data-chart").equals("percentiles"))
                .map(c -> c.getAttribute("data-scenario"))
                .toList();
        assertThat(scenarios).containsExactly("initial_page", "sort_points_desc", "lookup_$1user");
        assertThat(charts).hasSize(4);
        for (Element chart : charts) {
            // a title, axis labels with units, and a legend entry per series
            assertThat(chart.getAttribute("aria-label")).isNotBlank();
            assertThat(chart.getTextContent()).contains(chart.getAttribute("aria-label"));
            assertThat(chart.getElementsByTagName("g").getLength()).isEqualTo(2);
        }
        Element sort = charts.get(2);
        assertThat(sort.getTextContent()).contains("latency (ms, log scale)", "percentile", "baseline", "indexed");
        assertThat(sort.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(charts.getFirst().getTextContent()).contains("speed-up (×", "50×");
        // self-contained: nothing is fetched
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("link").getLength()).isZero();
    }

    @Test
    void aLoadPageChartsThroughputLatencyAndUsersOverTime() throws Exception {
        Path stats =
                ReportFixtures.loadStats(tmp, "run", "/health", ReportFixtures.latencies(3, 1000, 2000, 0.5), 0, 10);
        StringBuilder history = new StringBuilder(String.join(",", LocustCsvFormat.HISTORY_COLUMNS) + "\n");
        for (int s = 0; s < 30; s++) {
            history.append(1_795_000_000 + s)
                    .append(",100,,Aggregated,")
                    .append(1000 + s)
                    .append(",0,2,2,2,2,2,2,3,3,4,4,4,")
                    .append(1000 * s)
                    .append(",0,2,2,1,4,550\n");
        }
        java.nio.file.Files.writeString(tmp.resolve("run_stats_history.csv"), history);
        Report report = ReportReader.read(stats);

        Document doc = parse(HtmlReport.render(List.of(report), Optional.empty()));

        assertThat(charts(doc))
                .extracting(c -> c.getAttribute("id"))
                .containsExactly("r1-throughput", "r1-latency", "r1-users", "r1-percentiles");
        assertThat(charts(doc).getFirst().getTextContent())
                .contains("time since start (s)", "requests/s", "failures/s");
    }

    @Test
    void aComparisonPageMarksVerdicts() throws Exception {
        Report base = ReportReader.read(ReportFixtures.benchRun(
                tmp.resolve("a"), "a", Map.of("lookup_user/indexed", ReportFixtures.latencies(1, 10_000, 1000, 0.1))));
        Report next = ReportReader.read(ReportFixtures.benchRun(
                tmp.resolve("b"), "b", Map.of("lookup_user/indexed", ReportFixtures.latencies(2, 10_000, 2000, 0.1))));

        String html = HtmlReport.render(List.of(base, next), Optional.of(Comparison.of(base, next, 5)));

        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("section").getLength()).isEqualTo(2);
        assertThat(html).contains("<tr class=\"slower\">");
    }
}
