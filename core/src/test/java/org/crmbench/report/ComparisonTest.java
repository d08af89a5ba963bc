package org.crmbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.crmbench.report.Comparison.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path tmp;

    private Report bench(String name, Map<String, Histogram> latencies) throws Exception {
        return ReportReader.read(ReportFixtures.benchRun(tmp.resolve(name), name, latencies));
    }

    @Test
    void aClearSlowdownWithManySamplesIsSlowerAndFailsAThresholdBelowIt() throws Exception {
        Report base = bench("base", Map.of("lookup_user/indexed", ReportFixtures.latencies(1, 10_000, 1000, 0.2)));
        Report next = bench("next", Map.of("lookup_user/indexed", ReportFixtures.latencies(2, 10_000, 1200, 0.2)));

        Comparison c = Comparison.of(base, next, 5);

        Comparison.Change change = c.changes().getFirst();
        assertThat(change.key()).isEqualTo("lookup_user (indexed)");
        assertThat(change.p50().changePercent()).isBetween(18.0, 22.0);
        assertThat(change.p50().verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(change.verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(c.anySlowerThan(10)).isTrue();
        assertThat(c.anySlowerThan(30)).isFalse();
        assertThat(change.throughputChangePercent()).isBetween(-20.0, -14.0);
    }

    @Test
    void theSameDistributionMeasuredTwiceIsTheSame() throws Exception {
        Report base = bench("base", Map.of("initial_page/indexed", ReportFixtures.latencies(1, 10_000, 1000, 0.5)));
        Report next = bench("next", Map.of("initial_page/indexed", ReportFixtures.latencies(2, 10_000, 1000, 0.5)));

        Comparison c = Comparison.of(base, next, 0);

        assertThat(c.changes().getFirst().verdict()).isEqualTo(Verdict.SAME);
        assertThat(c.anySlowerThan(0)).isFalse();
    }

    @Test
    void aDifferenceInsideTheNoiseOfFewSamplesIsTheSame() throws Exception {
        // 5 executions spread ±50%: a 20% higher median is well inside the median's confidence interval
        Report base = bench("base", Map.of("city_page3/indexed", ReportFixtures.latencies(1, 5, 1000, 0.5)));
        Report next = bench("next", Map.of("city_page3/indexed", ReportFixtures.latencies(2, 5, 1200, 0.5)));

        Comparison c = Comparison.of(base, next, 5);

        assertThat(c.changes().getFirst().verdict()).isEqualTo(Verdict.SAME);
        assertThat(c.anySlowerThan(10)).isFalse();
    }

    @Test
    void aP99FromFiveExecutionsIsUnknownSoAHigherP99IsNotCalledSlower() throws Exception {
        Report base = bench("base", Map.of("lookup_user/indexed", ReportFixtures.latencies(1, 5, 1000, 0.01)));
        Report next = bench("next", Map.of("lookup_user/indexed", ReportFixtures.latencies(2, 10_000, 1000, 0.5)));

        Comparison.Change change = Comparison.of(base, next, 5).changes().getFirst();

        assertThat(change.p99().changePercent()).isGreaterThan(40);
        assertThat(change.p99().verdict()).isEqualTo(Verdict.SAME);
        assertThat(change.p50().tooFewSamples()).isTrue();
        assertThat(Comparison.interval(base.measurements().getFirst(), 99)[1]).isInfinite();
        assertThat(Comparison.interval(next.measurements().getFirst(), 99)[1]).isFinite();
    }

    @Test
    void aSignificantChangeBelowTheMinimumIsTheSameAndABigImprovementIsFaster() throws Exception {
        Map<String, Histogram> before = new LinkedHashMap<>();
        before.put("lookup_user/indexed", ReportFixtures.latencies(1, 100_000, 1000, 0.05));
        before.put("sort_points_desc/indexed", ReportFixtures.latencies(3, 1_000, 800_000, 0.1));
        Map<String, Histogram> after = new LinkedHashMap<>();
        after.put("lookup_user/indexed", ReportFixtures.latencies(2, 100_000, 1030, 0.05));
        after.put("sort_points_desc/indexed", ReportFixtures.latencies(4, 1_000, 1_300, 0.1));

        Comparison c = Comparison.of(bench("base", before), bench("next", after), 5);

        assertThat(c.changes()).extracting(Comparison.Change::verdict).containsExactly(Verdict.SAME, Verdict.FASTER);
    }

    @Test
    void reportsWithNothingInCommonOrOfDifferentKindsCannotBeCompared() throws Exception {
        Report base = bench("base", Map.of("lookup_user/indexed", ReportFixtures.latencies(1, 10, 1000, 0.2)));
        Report other = bench("other", Map.of("lookup_user/baseline", ReportFixtures.latencies(1, 10, 1000, 0.2)));
        Report load = ReportReader.read(ReportFixtures.loadStats(
                tmp.resolve("load"), "run", "/health", ReportFixtures.latencies(1, 10, 1000, 0.2), 0, 1));

        assertThatThrownBy(() -> Comparison.of(base, other, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("have no scenario and mode in common");
        assertThatThrownBy(() -> Comparison.of(base, load, 5))
                .hasMessageContaining("Cannot compare a bench report")
                .hasMessageContaining("with a load report");
    }
}
