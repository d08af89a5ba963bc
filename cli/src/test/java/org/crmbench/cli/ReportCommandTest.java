package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.crmbench.report.ReportFixtures;
import org.crmbench.results.HistogramLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path tmp;

    private Path run(String name, long lookupMedianUs) throws Exception {
        return ReportFixtures.benchRun(
                tmp.resolve(name),
                name,
                Map.of(
                        "lookup_user/indexed", ReportFixtures.latencies(1, 10_000, lookupMedianUs, 0.2),
                        "initial_page/indexed", ReportFixtures.latencies(2, 10_000, 900, 0.2)));
    }

    @Test
    void printsABenchRunAsATableWithUnits() throws Exception {
        CliRun run = CliRun.of("report", run("base", 1000).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("scenario      set      executions  p50 ms  p95 ms  p99 ms  max ms    qps  plan")
                .containsPattern("lookup_user +indexed +10,000 +[01]\\.\\d+ ")
                .contains("indexed: 2 of 2 scenarios under 10 ms p50, 2 under 50 ms p99; 2 meet both");
    }

    @Test
    void aSlowerScenarioFailsTheGateWithExitCode4AndTheSameOnePasses() throws Exception {
        String base = run("base", 1000).toString();
        String slower = run("slower", 1300).toString();
        String same = run("same", 1000).toString();

        CliRun gate = CliRun.of("report", base, slower, "--fail-if-slower", "10%");
        CliRun loose = CliRun.of("report", base, slower, "--fail-if-slower", "50%");
        CliRun unchanged = CliRun.of("report", base, "--compare", same, "--fail-if-slower", "10");

        assertThat(gate.exitCode()).isEqualTo(ExitCode.SLOWER);
        assertThat(gate.out())
                .containsPattern("lookup_user \\(indexed\\) .* \\+3\\d% .* slower")
                .containsPattern("initial_page \\(indexed\\) .* same")
                .contains("Slower than 10% beyond the noise: lookup_user (indexed)");
        assertThat(loose.exitCode()).isZero();
        assertThat(unchanged.exitCode()).as(unchanged.out() + unchanged.err()).isZero();
        assertThat(unchanged.out())
                .containsPattern("lookup_user \\(indexed\\) .* same")
                .doesNotContain("Slower than");
    }

    @Test
    void markdownAndHtmlForAPullRequest() throws Exception {
        Path html = tmp.resolve("out/report.html");

        CliRun run = CliRun.of(
                "report",
                run("base", 1000).toString(),
                run("next", 500).toString(),
                "--format",
                "markdown",
                "--html",
                html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("| scenario | p50 ms | p50 |", "|---|---:|")
                .containsPattern("\\| faster \\|");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("data-chart=\"percentiles\"");
    }

    @Test
    void mergesHlogsFromSeveralMachines() throws Exception {
        Histogram a = ReportFixtures.latencies(1, 5000, 2000, 0.9);
        Histogram b = ReportFixtures.latencies(2, 7000, 3000, 0.9);
        ReportFixtures.writeHlog(tmp.resolve("a.hlog"), 1_795_000_000_000L, List.of(a));
        ReportFixtures.writeHlog(tmp.resolve("b.hlog"), 1_795_000_000_100L, List.of(b));
        Path merged = tmp.resolve("merged.hlog");

        CliRun run = CliRun.of(
                "report",
                "--merge",
                tmp.resolve("a.hlog").toString(),
                tmp.resolve("b.hlog").toString(),
                "--out",
                merged.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Histogram both = new Histogram(3);
        both.add(a);
        both.add(b);
        Histogram total = HistogramLog.read(merged).total(null);
        assertThat(total.getTotalCount()).isEqualTo(12_000);
        assertThat(total.getValueAtPercentile(99)).isEqualTo(both.getValueAtPercentile(99));
        assertThat(run.out()).containsPattern("merged +- +1 +12,000 ");
    }

    @Test
    void badInputIsOneSentenceAndExitCode2() throws Exception {
        Path notALog = Files.writeString(tmp.resolve("x.hlog"), "not,a,log\n");
        Path base = run("base", 1000);
        Path load = ReportFixtures.loadStats(
                tmp.resolve("load"), "run", "/health", ReportFixtures.latencies(1, 10, 100, 0.1), 0, 1);
        Path otherScenarios = ReportFixtures.benchRun(
                tmp.resolve("other"),
                "other",
                Map.of("count_exact/indexed", ReportFixtures.latencies(1, 10, 100, 0.1)));

        List<List<String>> bad = List.of(
                List.of("report", tmp.resolve("missing.csv").toString()),
                List.of("report", base.toString(), otherScenarios.toString()),
                List.of("report", base.toString(), load.toString()),
                List.of(
                        "report",
                        "--merge",
                        notALog.toString(),
                        notALog.toString(),
                        "--out",
                        tmp.resolve("m.hlog").toString()),
                List.of("report", "--merge", notALog.toString(), notALog.toString()),
                List.of("report", base.toString(), "--fail-if-slower", "10%"),
                List.of("report", base.toString(), base.toString(), "--fail-if-slower", "ten"),
                List.of("report"));
        for (List<String> args : bad) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("Exception", "\tat ");
            assertThat(run.err().lines().findFirst().orElseThrow()).isNotBlank();
        }
        assertThat(CliRun.of("report", base.toString(), otherScenarios.toString())
                        .err())
                .contains("have no scenario and mode in common");
    }
}
