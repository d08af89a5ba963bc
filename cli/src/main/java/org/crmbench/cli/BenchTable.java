package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.crmbench.bench.BenchCsv;
import org.crmbench.bench.BenchRow;

/** The readable tables of a bench run, printed by bench at the end and by report from the CSV. */
final class BenchTable {
    private static final String ROW = "%-18s %-9s %7s %9s %9s %9s %9s %9s %9s %9s  %s%n";
    private static final int PLAN_WIDTH = 70;

    private BenchTable() {}

    static void print(PrintWriter out, List<BenchRow> rows) {
        if (!rows.isEmpty()) {
            out.printf(
                    "%,d users in the database, run %s%n%n",
                    rows.getFirst().rowsInDb(), rows.getFirst().runId());
        }
        out.printf(
                ROW,
                "scenario",
                "mode",
                "runs",
                "mean ms",
                "min ms",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "qps",
                "plan");
        for (BenchRow r : rows) {
            out.printf(
                    ROW,
                    r.scenario(),
                    r.mode(),
                    r.executions(),
                    ms(r.meanMs()),
                    ms(r.minMs()),
                    ms(r.p50Ms()),
                    ms(r.p95Ms()),
                    ms(r.p99Ms()),
                    ms(r.maxMs()),
                    String.format("%,.0f", r.qps()),
                    plan(r.plan()));
        }
        List<BenchCsv.Comparison> comparisons = BenchCsv.compare(rows);
        if (!comparisons.isEmpty()) {
            out.printf(
                    "%n%-18s %12s %12s %9s %12s %12s %9s%n",
                    "scenario", "baseline p50", "indexed p50", "speed-up", "baseline p99", "indexed p99", "speed-up");
            for (BenchCsv.Comparison c : comparisons) {
                out.printf(
                        "%-18s %12s %12s %8.1fx %12s %12s %8.1fx%n",
                        c.scenario(),
                        ms(c.baselineP50Ms()),
                        ms(c.indexedP50Ms()),
                        c.speedupP50(),
                        ms(c.baselineP99Ms()),
                        ms(c.indexedP99Ms()),
                        c.speedupP99());
            }
        }
        out.flush();
    }

    static String ms(double value) {
        return value >= 100
                ? String.format("%.0f", value)
                : value >= 10 ? String.format("%.1f", value) : String.format("%.3f", value);
    }

    private static String plan(String plan) {
        return plan.length() <= PLAN_WIDTH ? plan : plan.substring(0, PLAN_WIDTH - 3) + "...";
    }
}
