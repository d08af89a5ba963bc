package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crmbench.load.LoadRun;
import org.crmbench.load.LoadSettings;
import org.crmbench.load.LocustCsv;
import org.crmbench.load.scenario.LoadScenario;
import org.crmbench.results.LoadResult;

/**
 * One load run to its end: the status line every few seconds, Locust's CSV files, the summary, and
 * Ctrl-C stopping the run so that what was measured is still written.
 */
final class LoadExecution {
    static final int STATUS_EVERY_S = 3;

    private LoadExecution() {}

    /** Runs to the end; exit code 1 when a request failed. */
    static int run(
            LoadRun run, LoadSettings settings, LoadScenario chosen, String csvPrefix, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        LocustCsv csv = csvPrefix == null ? null : new LocustCsv(csvPrefix);
        CountDownLatch written = new CountDownLatch(1);
        Thread interrupted = new Thread(() -> {
            run.stop();
            try {
                written.await(settings.transport().timeout().toSeconds() + 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        err.printf(
                Locale.ROOT,
                "Load on %s: scenario %s, %s%n",
                settings.transport().host(),
                chosen.name(),
                LoadSummary.describe(settings));
        try {
            LoadResult result = run.run(interval -> {
                if (csv != null) {
                    csv.interval(interval);
                }
                if (Math.round(interval.elapsedSeconds()) % STATUS_EVERY_S == 0) {
                    LoadSummary.status(err, interval, settings.openModel());
                }
            });
            if (csv != null) {
                csv.finish(result);
            }
            LoadSummary.print(out, result, csvPrefix);
            return result.failureCount() > 0 ? ExitCode.FAILURE : ExitCode.OK;
        } finally {
            if (csv != null) {
                csv.close(); // also when the run failed: the intervals written so far stay readable
            }
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
    }
}
