package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.crmbench.advise.AdviceTables;
import org.crmbench.advise.Advisor;
import org.crmbench.advise.Evaluated;

/** Progress on stderr: a line redrawn in place on a terminal, a line per step otherwise. */
final class AdviseProgress implements Advisor.Listener {
    private final PrintWriter err;
    private final boolean terminal = Terminal.attached();
    private final long start = System.nanoTime();
    private int lastTenth = -1;

    AdviseProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void phase(String text) {
        err.println((terminal ? "\r\033[K" : "") + "[" + clock() + "] " + text + " ...");
        err.flush();
        lastTenth = -1;
    }

    @Override
    public synchronized void measured(String state, int done, int total) {
        int tenth = done * 10 / total;
        if (terminal) {
            err.print("\r\033[K" + bar(state, done, total));
        } else if (tenth != lastTenth) {
            err.println(bar(state, done, total));
        }
        lastTenth = tenth;
        err.flush();
    }

    @Override
    public synchronized void evaluated(Evaluated e, int done, int total) {
        String what = e.failure() != null
                ? "not built: " + e.failure()
                : String.format(
                        Locale.ROOT,
                        "%.1f s, %.0f MB, used by %d plans, %d measured",
                        e.buildSeconds(),
                        e.sizeMb(),
                        e.plansUsing(),
                        e.after().size());
        err.printf(
                Locale.ROOT,
                "%s%-30s %s%n",
                terminal ? "\r\033[K" : "",
                bar("candidate", done, total),
                e.candidate().signature() + ": " + what);
        err.flush();
    }

    private String bar(String what, int done, int total) {
        int width = 20;
        int filled = total == 0 ? width : done * width / total;
        return String.format(
                Locale.ROOT,
                "%-9s %4d/%-4d [%s%s] %s",
                what,
                done,
                total,
                "#".repeat(filled),
                ".".repeat(width - filled),
                clock());
    }

    /** The time since advise started, so each phase's share of a run can be read from its lines. */
    private String clock() {
        return AdviceTables.clock((System.nanoTime() - start) / 1_000_000_000L);
    }
}
