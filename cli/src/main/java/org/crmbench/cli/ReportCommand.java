package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.crmbench.report.Comparison;
import org.crmbench.report.HtmlReport;
import org.crmbench.report.Report;
import org.crmbench.report.ReportReader;
import org.crmbench.report.ReportTables;
import org.crmbench.report.TextTable;
import org.crmbench.results.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Print, compare and chart bench and load reports, or merge HdrHistogram logs.",
            "It prints a run as tables, compares two runs scenario by scenario, writes an offline HTML page with"
                    + " charts, or merges the .hlog files of several load machines.",
            "PATH is a bench benchmarks.csv, a bench run folder, or a Locust-style PREFIX_stats.csv (from crmbench"
                    + " load or Locust) or a folder holding one.",
            "With two PATHs (BASE NEW) each scenario's p50, p99 and throughput are compared; a change is marked"
                    + " faster or slower only when it is beyond the 95%% confidence interval of both percentiles"
                    + " and at least --min-change."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (e.g. cannot write a file)",
            "2:bad input: a missing or foreign file, no scenario in common, a bad option",
            "4:with --fail-if-slower: a scenario got slower than allowed"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench report reports/reference/bench",
            "  crmbench report reports/reference/bench --html bench.html",
            "  crmbench report BASE/benchmarks.csv NEW/benchmarks.csv --fail-if-slower 10%%",
            "  crmbench report run1_stats.csv run2_stats.csv --format markdown",
            "  crmbench report --merge host1_api.hlog host2_api.hlog --out merged.hlog"
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "One report to print; two (BASE NEW) to compare.")
    List<Path> paths = List.of();

    @Option(
            names = "--compare",
            paramLabel = "NEW",
            description = "Compare PATH (the base) with NEW; the same as giving both as PATHs.")
    Path compare;

    @Option(
            names = "--fail-if-slower",
            paramLabel = "PCT",
            converter = PercentConverter.class,
            description =
                    "Exit with code 4 when a scenario's p50 or p99 is slower by more than PCT (e.g. 10%%), beyond the noise.")
    Double failIfSlower;

    @Option(
            names = "--min-change",
            paramLabel = "PCT",
            converter = PercentConverter.class,
            defaultValue = Comparison.DEFAULT_MIN_CHANGE_PERCENT + "%",
            description = "Smallest change marked faster or slower (default: ${DEFAULT-VALUE}).")
    double minChange;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts.")
    Path html;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Tables as ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TableFormat format;

    @Mixin
    MergeOptions merge;

    enum TableFormat {
        text,
        markdown
    }

    @Override
    public Integer call() {
        if (merge.given()) {
            merge.checkAlone(!paths.isEmpty() || compare != null || html != null || failIfSlower != null);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(merge.run().render(tableFormat()));
            stdout.flush();
            return ExitCode.OK;
        }
        merge.checkNotHalf();
        List<Path> inputs = compare == null ? paths : concat(paths, compare);
        if (inputs.isEmpty()) {
            throw usage("Give a report to read: a benchmarks.csv, a run folder or a _stats.csv (see --help)");
        }
        if (compare != null && paths.size() != 1) {
            throw usage("--compare takes one base PATH");
        }
        List<Report> reports = inputs.stream()
                .map(p -> UsageErrors.orUsageError(spec, () -> ReportReader.read(p)))
                .toList();
        Optional<Comparison> comparison = reports.size() == 2
                ? Optional.of(
                        UsageErrors.orUsageError(spec, () -> Comparison.of(reports.get(0), reports.get(1), minChange)))
                : Optional.empty();
        if (failIfSlower != null && comparison.isEmpty()) {
            throw usage("--fail-if-slower needs two reports to compare: BASE NEW");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        TextTable.Format tableFormat = tableFormat();
        List<TextTable> tables = comparison
                .map(c -> List.of(ReportTables.of(c)))
                .orElseGet(() -> reports.stream()
                        .flatMap(r -> ReportTables.of(r).stream())
                        .toList());
        stdout.print(String.join(
                "\n", tables.stream().map(t -> t.render(tableFormat)).toList()));
        if (html != null) {
            HtmlReport.write(html, reports, comparison);
            stdout.printf(Locale.ROOT, "%nHTML report: %s%n", html);
        }
        int exit = ExitCode.OK;
        List<String> slower =
                failIfSlower == null ? List.of() : comparison.orElseThrow().slowerThan(failIfSlower);
        if (!slower.isEmpty()) {
            stdout.printf(
                    Locale.ROOT,
                    "%nSlower than %s%% beyond the noise: %s%n",
                    Figures.trim(failIfSlower),
                    String.join(", ", slower));
            exit = ExitCode.SLOWER;
        }
        stdout.flush();
        return exit;
    }

    private TextTable.Format tableFormat() {
        return format == TableFormat.markdown ? TextTable.Format.MARKDOWN : TextTable.Format.TEXT;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static <T> List<T> concat(List<T> list, T last) {
        return Stream.concat(list.stream(), Stream.of(last)).toList();
    }
}
