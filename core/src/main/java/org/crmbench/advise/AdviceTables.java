package org.crmbench.advise;

import static org.crmbench.report.TextTable.Column.number;
import static org.crmbench.report.TextTable.Column.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmbench.report.TextTable;
import org.crmbench.results.Figures;

/** The tables an advise run prints beside bench's: its candidates and its interaction check. */
public final class AdviceTables {
    private AdviceTables() {}

    /** Each candidate: what it cost, what it did, and whether it was kept. */
    public static TextTable candidates(Advice a) {
        TextTable t = new TextTable(
                String.format(
                        Locale.ROOT,
                        "%d candidates, each built and measured alone (p50 ms saved over the statements it makes faster)",
                        a.candidates().size()),
                List.of(
                        text("index"),
                        text("kind"),
                        number("build s"),
                        number("MB"),
                        number("write ms/10k"),
                        number("plans using"),
                        number("measured"),
                        number("faster"),
                        number("saves ms"),
                        text("decision")));
        for (Evaluated e : a.candidates()) {
            Decision d = a.decisions().get(e.candidate());
            String name = a.chosen().get(e.candidate());
            t.row(
                    e.candidate().signature(),
                    e.candidate().kind(),
                    String.format(Locale.ROOT, "%.1f", e.buildSeconds()),
                    String.format(Locale.ROOT, "%.0f", e.sizeMb()),
                    e.writeMsPer10k() == null ? "-" : String.format(Locale.ROOT, "%+.1f", e.writeMsPer10k()),
                    Integer.toString(e.plansUsing()),
                    Integer.toString(e.after().size()),
                    Integer.toString(d.statements()),
                    Figures.ms(d.gainMs()),
                    d.kept() ? "kept as " + name : d.reason());
        }
        return t;
    }

    /**
     * The price/performance frontier: each step adds the index that saves the most p50 ms per MB
     * over the steps before; the last column says which steps --max-size (or no limit) chose.
     */
    public static TextTable frontier(Advice a) {
        int statements = a.workload().statements().size();
        TextTable t = new TextTable(
                "Frontier: what each MB of index buys (statements at or under their p50 target, of " + statements + ")",
                List.of(
                        number("step"),
                        text("adds"),
                        number("MB"),
                        number("build s"),
                        number("insert ms/10k"),
                        number("WAL B/row"),
                        number("under target"),
                        number("p50 ms saved"),
                        text("")));
        for (FrontierStep f : a.frontier()) {
            t.row(
                    Integer.toString(f.step()),
                    f.added() == null ? "(as found)" : f.added().signature(),
                    String.format(Locale.ROOT, "%.0f", f.sizeMb()),
                    String.format(Locale.ROOT, "%.1f", f.buildSeconds()),
                    f.writeMsPer10k() == null ? "-" : String.format(Locale.ROOT, "%+.1f", f.writeMsPer10k()),
                    f.walBytesPerRow() == null ? "-" : String.format(Locale.ROOT, "%+.0f", f.walBytesPerRow()),
                    Integer.toString(f.underTarget()),
                    String.format(Locale.ROOT, "%,.0f", f.savedMs()),
                    f.added() != null && a.chosen().containsKey(f.added()) ? "chosen" : "");
        }
        return t;
    }

    /** Statements slower with the chosen set together than their best single measurement promised. */
    public static TextTable interactions(Advice a) {
        List<String[]> rows = new ArrayList<>();
        a.advised().forEach((name, t) -> {
            Double expected = a.expected().get(name);
            if (expected != null && t.p50() > expected * 1.5 && t.p50() - expected > 0.5) {
                rows.add(new String[] {name, Figures.ms(expected), t.p50Text(), t.planNodes()});
            }
        });
        TextTable table = new TextTable(
                rows.isEmpty()
                        ? "Interaction check: with the chosen indexes together, no statement is slower than measured"
                                + " with its best index alone"
                        : "Interaction check: " + rows.size() + " statements slower together than with their best"
                                + " index alone (the planner chose another index)",
                List.of(text("statement"), number("alone p50 ms"), number("together p50 ms"), text("plan")));
        rows.stream().limit(10).forEach(table::row);
        return table;
    }

    /** The check together: each index found making a statement slower than as found, the rule's figures and what it decided. */
    public static TextTable verification(Advice a) {
        TextTable table = new TextTable(
                a.verification().isEmpty()
                        ? "Check together: with the chosen set, no statement is slower than as found (report --compare's"
                                + " rule, " + Verification.EXECUTIONS
                                + " executions with and without each index it uses)"
                        : "Check together: " + a.verification().size() + " chosen indexes make a statement slower than"
                                + " without them (report --compare's rule, " + Verification.EXECUTIONS
                                + " executions each way)",
                List.of(
                        text("index"),
                        text("statement"),
                        number("without p50 ms"),
                        number("with p50 ms"),
                        number("loss ms"),
                        number("index saves ms"),
                        text("decision")));
        for (Verification.Finding f : a.verification()) {
            for (Verification.Slower s : f.slower()) {
                table.row(
                        f.index().signature(),
                        s.statement(),
                        s.without().p50Text(),
                        s.with().p50Text(),
                        Figures.ms(s.lossMs()),
                        Figures.ms(f.gainMs()),
                        f.dropped() ? "dropped: loses at least what it saves" : "kept, flagged: saves more");
            }
        }
        return table;
    }

    /** A run's duration as "12 min 03 s". */
    public static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
