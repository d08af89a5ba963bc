package org.crmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crmbench.bench.BenchCsv;
import org.crmbench.bench.BenchRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {"Print a bench report (benchmarks.csv) as a table, or compare two runs per scenario and mode."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench report reports/benchmarks.csv",
            "  crmbench report reports/runs/20261121-100000/benchmarks.csv reports/benchmarks.csv"
        })
final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "CSV", description = "One benchmarks.csv to print, or two to compare.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BenchRow> first = read(files.getFirst());
        if (files.size() == 1) {
            BenchTable.print(out, first);
            return ExitCode.OK;
        }
        List<BenchRow> second = read(files.get(1));
        Map<String, BenchRow> before = new LinkedHashMap<>();
        first.forEach(r -> before.put(r.scenario() + "/" + r.mode(), r));
        String row = "%-18s %-9s %10s %10s %8s %10s %10s %8s%n";
        out.printf(
                "A: %s (run %s)%nB: %s (run %s)%n%n",
                files.get(0),
                first.isEmpty() ? "-" : first.getFirst().runId(),
                files.get(1),
                second.isEmpty() ? "-" : second.getFirst().runId());
        out.printf(row, "scenario", "mode", "A p50 ms", "B p50 ms", "change", "A p99 ms", "B p99 ms", "change");
        int common = 0;
        for (BenchRow b : second) {
            BenchRow a = before.get(b.scenario() + "/" + b.mode());
            if (a == null) {
                continue;
            }
            common++;
            out.printf(
                    row,
                    b.scenario(),
                    b.mode(),
                    BenchTable.ms(a.p50Ms()),
                    BenchTable.ms(b.p50Ms()),
                    change(a.p50Ms(), b.p50Ms()),
                    BenchTable.ms(a.p99Ms()),
                    BenchTable.ms(b.p99Ms()),
                    change(a.p99Ms(), b.p99Ms()));
        }
        if (common == 0) {
            throw new ParameterException(spec.commandLine(), "The two reports have no scenario and mode in common.");
        }
        return ExitCode.OK;
    }

    private List<BenchRow> read(Path file) {
        return UsageErrors.orUsageError(spec, () -> BenchCsv.readBenchmarks(file));
    }

    private static String change(double before, double after) {
        return String.format("%+.0f%%", (after - before) / Math.max(before, 1e-9) * 100);
    }
}
