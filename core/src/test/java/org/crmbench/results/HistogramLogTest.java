package org.crmbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.crmbench.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramLogTest {
    @TempDir
    Path tmp;

    @Test
    void mergedLogHoldsExactlyTheValuesOfOneHistogramFedEverything() {
        SplittableRandom random = new SplittableRandom(7);
        Histogram everything = new Histogram(3);
        List<Path> machines = new ArrayList<>();
        for (int machine = 0; machine < 3; machine++) {
            List<Histogram> intervals = new ArrayList<>();
            for (int second = 0; second < 20; second++) {
                Histogram interval = new Histogram(3);
                for (int i = 0; i < 2_000; i++) {
                    // a long tail: mostly ~1-5 ms, sometimes up to 2 s
                    long us = random.nextInt(100) == 0 ? random.nextLong(2_000_000) : 1_000 + random.nextLong(4_000);
                    interval.recordValue(us);
                    everything.recordValue(us);
                }
                intervals.add(interval);
            }
            Path log = tmp.resolve("machine" + machine + ".hlog");
            // the machines started 0.3 s apart
            ReportFixtures.writeHlog(log, 1_795_000_000_000L + machine * 300L, intervals);
            machines.add(log);
        }

        HistogramLog merged =
                HistogramLog.merge(machines.stream().map(HistogramLog::read).toList());
        Path out = tmp.resolve("merged.hlog");
        merged.write(out, "merged");
        Histogram total = HistogramLog.read(out).total(null);

        assertThat(total.getTotalCount()).isEqualTo(everything.getTotalCount()).isEqualTo(120_000);
        for (double p : new double[] {0, 50, 90, 99, 99.9, 99.99, 100}) {
            assertThat(total.getValueAtPercentile(p)).as("p%s", p).isEqualTo(everything.getValueAtPercentile(p));
        }
        assertThat(total.getMaxValue()).isEqualTo(everything.getMaxValue());
        assertThat(total.getMean()).isEqualTo(everything.getMean());
        // intervals of the same second on different machines were added, not appended
        assertThat(HistogramLog.read(out).intervals()).hasSize(20);
        assertThat(HistogramLog.read(out).maxValueUnitRatio()).isEqualTo(1000);
    }

    @Test
    void aFileThatIsNotAnHlogIsRejectedWithOneSentence() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.hlog"), "hello,world\n");
        Path empty = Files.writeString(tmp.resolve("empty.hlog"), "#[StartTime: 1795000000.000]\n");

        assertThatThrownBy(() -> HistogramLog.read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an HdrHistogram log: line 1 has 2 fields");
        assertThatThrownBy(() -> HistogramLog.read(empty)).hasMessageContaining("has no interval histograms");
        assertThatThrownBy(() -> HistogramLog.read(tmp.resolve("missing.hlog")))
                .hasMessage("No such file: " + tmp.resolve("missing.hlog"));
    }

    @Test
    void aDamagedLineIsAnErrorNotAQuietlyShorterLog() throws Exception {
        Path log = tmp.resolve("good.hlog");
        ReportFixtures.writeHlog(
                log,
                1_795_000_000_000L,
                List.of(ReportFixtures.latencies(1, 100, 1000, 0.5), ReportFixtures.latencies(2, 100, 1000, 0.5)));
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        String last = lines.getLast();
        lines.set(lines.size() - 1, last.substring(0, last.length() - 12) + "!!!!");
        Files.write(log, lines);

        assertThatThrownBy(() -> HistogramLog.read(log))
                .hasMessageContaining("line " + lines.size() + " does not decode as an interval histogram");
    }

    @Test
    void logsInOtherUnitsAreNotMerged() {
        Path us = tmp.resolve("us.hlog");
        ReportFixtures.writeHlog(us, 1_795_000_000_000L, List.of(ReportFixtures.latencies(1, 100, 1000, 0.5)));
        Path ns = tmp.resolve("ns.hlog");
        Histogram h = ReportFixtures.latencies(1, 100, 1_000_000, 0.5);
        HistogramLog nanos = new HistogramLog(
                null, 1_795_000_000, 1e6, List.of(new HistogramLog.Interval(null, 1_795_000_000, 1_795_000_001, h)));
        nanos.write(ns, "nanoseconds");

        assertThatThrownBy(() -> HistogramLog.merge(List.of(HistogramLog.read(us), HistogramLog.read(ns))))
                .hasMessageContaining("records values in other units");
    }
}
