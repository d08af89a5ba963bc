package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.crmbench.measure.BenchRunner;
import org.crmbench.measure.Scenario;
import org.crmbench.measure.ScenarioResult;
import org.crmbench.results.Figures;

/** A progress line while measuring: redrawn in place on a terminal, one line per result otherwise. */
final class BenchProgress implements BenchRunner.Listener {
    private final PrintWriter err;
    private final boolean terminal = Terminal.attached();

    BenchProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void phase(String text) {
        err.println((terminal ? "\r\033[K" : "") + text + " ...");
        err.flush();
    }

    @Override
    public void measuring(String indexSet, Scenario scenario, long done, long planned) {
        if (terminal) {
            err.printf(Locale.ROOT, "\r\033[K%-8s %-40s %,d / %,d", indexSet, scenario.name(), done, planned);
            err.flush();
        }
    }

    @Override
    public void finished(ScenarioResult r, int finished, int total) {
        err.printf(
                Locale.ROOT,
                "%s%-8s %5s %-60s %,7d runs  p50 %9s ms  p99 %9s ms%n",
                terminal ? "\r\033[K" : "",
                r.indexSet(),
                finished + "/" + total,
                r.scenario().name(),
                r.executions(),
                Figures.ms(r.ms(50)),
                Figures.ms(r.ms(99)));
        err.flush();
    }
}
