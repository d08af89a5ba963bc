package org.crmbench.advise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crmbench.CrmbenchException;
import org.crmbench.measure.BenchRun;
import org.crmbench.measure.ScenarioResult;
import org.crmbench.report.HtmlReport;
import org.crmbench.report.Report;
import org.crmbench.report.ReportReader;
import org.crmbench.results.BenchCsv;
import org.crmbench.results.BenchRow;
import org.crmbench.results.Figures;

/**
 * Writes an advise run's reports into its folder, and the main ones also into the reports folder
 * as the latest: advise.sql (the indexes to apply, each with what it was measured to do),
 * candidates.csv, statements.csv, and benchmarks.csv/comparison.csv/report.html in bench's format
 * (modes "before" and "advised"), so {@code crmbench report} reads and compares them.
 */
public final class AdviceFiles {
    public static final List<String> CANDIDATE_COLUMNS = List.of(
            "candidate",
            "definition",
            "kind",
            "build_s",
            "size_mb",
            "insert_ms_per_10k_rows",
            "insert_wal_bytes_per_row",
            "update_column",
            "update_ms_per_10k_rows",
            "update_wal_bytes_per_row",
            "write_note",
            "statements_using",
            "statements_measured",
            "statements_faster",
            "gain_ms",
            "kept",
            "reason");
    public static final List<String> FRONTIER_COLUMNS = List.of(
            "step",
            "adds",
            "size_mb",
            "build_s",
            "insert_ms_per_10k_rows",
            "insert_wal_bytes_per_row",
            "statements",
            "under_target",
            "p50_ms_saved",
            "chosen");
    public static final List<String> STATEMENT_COLUMNS = List.of(
            "statement",
            "weight",
            "before_p50_ms",
            "before_p99_ms",
            "before_over_cap",
            "served_by",
            "expected_p50_ms",
            "advised_p50_ms",
            "advised_p99_ms",
            "advised_over_cap",
            "advised_plan");
    private static final List<String> LATEST = List.of(
            "advise.sql", "frontier.csv", "candidates.csv", "statements.csv", "benchmarks.csv", "comparison.csv");

    private AdviceFiles() {}

    /** Writes every report; the bench-format report read back, as `report` would show it. */
    public static Report write(Advice a) {
        Path folder = a.folder();
        try {
            Files.createDirectories(folder);
            // what the run found first: the charts below read many files, and must not lose it
            Files.writeString(folder.resolve("advise.sql"), sql(a), StandardCharsets.UTF_8);
            BenchCsv.write(folder.resolve("frontier.csv"), frontier(a));
            BenchCsv.write(folder.resolve("candidates.csv"), candidates(a));
            BenchCsv.write(folder.resolve("statements.csv"), statements(a));
            Path benchmarks = folder.resolve("benchmarks.csv");
            BenchCsv.write(benchmarks, benchRows(a));
            Report report = ReportReader.read(benchmarks);
            BenchCsv.writeComparison(folder.resolve("comparison.csv"), report.speedUps());
            Files.writeString(
                    folder.resolve("report.html"),
                    HtmlReport.render(List.of(report), Optional.empty(), FrontierChart.html(a)),
                    StandardCharsets.UTF_8);
            writePlans(a, folder.resolve("plans"));
            for (String name : LATEST) {
                Files.copy(folder.resolve(name), a.settings().out().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return report;
        } catch (IOException | UncheckedIOException e) {
            throw new CrmbenchException("Could not write the reports under " + folder + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CrmbenchException(
                    "advise.sql, candidates.csv and statements.csv are in " + folder
                            + ", but the bench-format report could not be made: " + e.getMessage(),
                    e);
        }
    }

    private static List<String[]> frontier(Advice a) {
        List<String[]> lines = new ArrayList<>();
        lines.add(FRONTIER_COLUMNS.toArray(String[]::new));
        for (FrontierStep f : a.frontier()) {
            lines.add(new String[] {
                Integer.toString(f.step()),
                f.added() == null
                        ? ""
                        : f.added()
                                .definition(a.chosen()
                                        .getOrDefault(f.added(), f.added().readableName())),
                String.format(Locale.ROOT, "%.1f", f.sizeMb()),
                String.format(Locale.ROOT, "%.2f", f.buildSeconds()),
                figure("%.1f", f.writeMsPer10k()),
                figure("%.0f", f.walBytesPerRow()),
                Integer.toString(a.workload().statements().size()),
                Integer.toString(f.underTarget()),
                BenchCsv.ms(f.savedMs()),
                Boolean.toString(f.added() != null && a.chosen().containsKey(f.added()))
            });
        }
        return lines;
    }

    /** A measured figure, empty when not measured. */
    private static String figure(String format, Double value) {
        return value == null ? "" : String.format(Locale.ROOT, format, value);
    }

    /** An index's write cost as advise.sql says it. */
    static String writes(IndexWriteCost w) {
        if (w.insertMsPer10k() == null) {
            return "write cost not measured (" + w.note() + ")";
        }
        String text = String.format(
                Locale.ROOT,
                "inserts %+.1f ms per 10,000 rows and %+.0f WAL bytes per row",
                w.insertMsPer10k(),
                w.insertWalPerRow());
        return text
                + (w.updateMsPer10k() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", updates of %s %+.1f ms per 10,000 rows and %+.0f WAL bytes per row",
                                w.column(),
                                w.updateMsPer10k(),
                                w.updateWalPerRow()));
    }

    private static List<String[]> benchRows(Advice a) {
        List<String[]> lines = new ArrayList<>();
        lines.add(BenchCsv.BENCHMARK_COLUMNS.toArray(String[]::new));
        long rows =
                a.tableRows().values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (Map.Entry<String, Map<String, Timing>> state :
                Map.of(Advice.BEFORE, a.before(), Advice.ADVISED, a.advised()).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                        .toList()) {
            for (Workload.Statement st : a.workload().statements()) {
                Timing t = state.getValue().get(st.name());
                if (t != null) {
                    lines.add(benchLine(a, st, state.getKey(), t, rows));
                }
            }
        }
        return lines;
    }

    private static String[] benchLine(Advice a, Workload.Statement st, String state, Timing t, long rows) {
        ScenarioResult r = t.result();
        double cap = t.capMs();
        BenchRow row = r == null
                ? new BenchRow(
                        a.runId(),
                        a.startedAt().toString(),
                        st.name(),
                        state,
                        rows,
                        st.scenario().pageSize(),
                        0,
                        cap,
                        cap,
                        cap,
                        cap,
                        cap,
                        cap,
                        cap,
                        cap,
                        0,
                        t.planNodes())
                : BenchRun.row(a.runId(), a.startedAt(), rows, r);
        return BenchCsv.line(row);
    }

    private static List<String[]> candidates(Advice a) {
        List<String[]> lines = new ArrayList<>();
        lines.add(CANDIDATE_COLUMNS.toArray(String[]::new));
        int n = 0;
        for (Evaluated e : a.candidates()) {
            Decision d = a.decisions().get(e.candidate());
            String name = a.chosen().getOrDefault(e.candidate(), e.candidate().readableName());
            lines.add(new String[] {
                Integer.toString(++n),
                e.candidate().definition(name),
                e.candidate().kind(),
                String.format(Locale.ROOT, "%.2f", e.buildSeconds()),
                String.format(Locale.ROOT, "%.1f", e.sizeMb()),
                figure("%.1f", e.write().insertMsPer10k()),
                figure("%.0f", e.write().insertWalPerRow()),
                e.write().column(),
                figure("%.1f", e.write().updateMsPer10k()),
                figure("%.0f", e.write().updateWalPerRow()),
                e.writeNote(),
                Integer.toString(e.plansUsing()),
                Integer.toString(e.after().size()),
                Integer.toString(d.statements()),
                BenchCsv.ms(d.gainMs()),
                Boolean.toString(d.kept()),
                d.reason()
            });
        }
        return lines;
    }

    private static List<String[]> statements(Advice a) {
        List<String[]> lines = new ArrayList<>();
        lines.add(STATEMENT_COLUMNS.toArray(String[]::new));
        for (Workload.Statement st : a.workload().statements()) {
            Timing before = a.before().get(st.name());
            Timing advised = a.advised().get(st.name());
            Candidate by = a.servedBy().get(st.name());
            Double expected = a.expected().get(st.name());
            lines.add(new String[] {
                st.name(),
                String.format(Locale.ROOT, "%.4g", st.weight()),
                BenchCsv.ms(before.p50()),
                BenchCsv.ms(before.p99()),
                Boolean.toString(before.overCap()),
                by == null ? "" : a.chosen().get(by),
                expected == null ? "" : BenchCsv.ms(expected),
                advised == null ? "" : BenchCsv.ms(advised.p50()),
                advised == null ? "" : BenchCsv.ms(advised.p99()),
                advised == null ? "" : Boolean.toString(advised.overCap()),
                advised == null ? "" : advised.planNodes()
            });
        }
        return lines;
    }

    /** advise.sql: what was measured, then each chosen index with what it did. */
    static String sql(Advice a) {
        StringBuilder out = new StringBuilder(header(a));
        for (Evaluated e : a.candidates()) {
            String name = a.chosen().get(e.candidate());
            if (name != null) {
                out.append('\n').append(chosenIndex(a, e, name));
            }
        }
        return out.toString();
    }

    /** The file's opening comment: the run, the dataset, the workload, how it was measured, the outcome. */
    private static String header(Advice a) {
        long n = a.workload().statements().size();
        return String.format(
                        Locale.ROOT,
                        "-- crmbench advise, run %s (%s), %s%n",
                        a.runId(),
                        a.startedAt(),
                        String.join(
                                ", ",
                                a.tableRows().entrySet().stream()
                                        .map(e ->
                                                String.format(Locale.ROOT, "%,d rows in %s", e.getValue(), e.getKey()))
                                        .toList()))
                + "-- workload: " + a.workload().description() + ", " + n + " statements\n"
                + String.format(
                        Locale.ROOT,
                        "-- measured: up to %d executions after up to %d warm-up per statement and state (one"
                                + " when the first is over 1.5x the target); cap %d ms; %d candidates; %s%n",
                        a.settings().repetition().repeat(),
                        a.settings().repetition().warmup(),
                        a.settings().cap().toMillis(),
                        a.candidates().size(),
                        AdviceTables.clock(a.elapsed().toSeconds()))
                + String.format(
                        Locale.ROOT,
                        "-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): %d of %d statements"
                                + " before, %d of %d with these indexes built together%n",
                        a.underTarget(a.before()),
                        n,
                        a.underTargetWithSet(),
                        n)
                + String.format(
                        Locale.ROOT,
                        "-- %d indexes, %,.0f MB; measure them: crmbench bench --surface --index-sets"
                                + " baseline,THIS_FILE.sql%n",
                        a.chosen().size(),
                        a.chosenBytes() / 1048576.0);
    }

    /** One chosen index: what it was measured to do, three statements it serves, its CREATE INDEX. */
    private static String chosenIndex(Advice a, Evaluated e, String name) {
        Decision d = a.decisions().get(e.candidate());
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "-- %d statements faster, %s ms p50 saved in all; %.0f MB, built in %.1f s, %s%n",
                d.statements(),
                Figures.ms(d.gainMs()),
                e.sizeMb(),
                e.buildSeconds(),
                writes(e.write())));
        a.servedBy().entrySet().stream()
                .filter(s -> s.getValue().equals(e.candidate()))
                .limit(3)
                .forEach(s -> out.append(String.format(
                        Locale.ROOT,
                        "--   %s: %s -> %s ms%n",
                        s.getKey(),
                        a.before().get(s.getKey()).p50Text(),
                        Figures.ms(a.expected().get(s.getKey())))));
        return out.append(e.candidate().definition(name)).append(";\n").toString();
    }

    private static void writePlans(Advice a, Path plans) throws IOException {
        Files.createDirectories(plans);
        for (Map.Entry<String, Map<String, Timing>> state :
                Map.of(Advice.BEFORE, a.before(), Advice.ADVISED, a.advised()).entrySet()) {
            for (Map.Entry<String, Timing> t : state.getValue().entrySet()) {
                if (t.getValue().result() != null) {
                    Files.writeString(
                            plans.resolve(BenchCsv.fileName(t.getKey(), state.getKey(), ".txt")),
                            t.getValue().result().plan());
                }
            }
        }
    }
}
