package org.crmbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.http.Transports;
import org.crmbench.load.locust.LocustWorker;
import org.crmbench.load.locust.WorkerTests;
import org.crmbench.load.scenario.LoadScenario;
import org.crmbench.values.DatasetSource;

/** load as a Locust worker: the master decides when and how many users; the scenario decides what they send. */
final class LocustWorkerMode {
    private LocustWorkerMode() {}

    /** The master's address from --locust-master HOST[:PORT]; IllegalArgumentException naming the option. */
    static LocustWorker.Settings master(String hostPort, Duration masterTimeout) {
        String[] parts = hostPort.strip().split(":");
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new IllegalArgumentException("--locust-master must be HOST or HOST:PORT but was " + hostPort);
        }
        int port;
        try {
            port = parts.length == 2 ? Integer.parseInt(parts[1]) : LocustWorker.DEFAULT_PORT;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--locust-master's PORT must be a number but was " + parts[1]);
        }
        if (masterTimeout.isZero() || masterTimeout.isNegative()) {
            throw new IllegalArgumentException("--master-timeout must be above 0 but was " + masterTimeout);
        }
        return new LocustWorker.Settings(parts[0], port, masterTimeout, LocustWorker.Settings.newNodeId());
    }

    /** Works for the master until it quits; exit code 1 when a request of a test it ran failed. */
    static int run(
            LocustWorker.Settings master,
            LoadScenario.Definition definition,
            TransportSettings transport,
            Transports client,
            Function<HttpTransport, DatasetSource> dataset,
            long seed,
            String csvPrefix,
            PrintWriter out,
            PrintWriter err) {
        boolean[] failed = {false};
        WorkerTests tests = new WorkerTests(
                definition,
                transport,
                client,
                dataset,
                seed,
                csvPrefix,
                interval -> {
                    if (Math.round(interval.elapsedSeconds()) % LoadExecution.STATUS_EVERY_S == 0) {
                        LoadSummary.status(err, interval, false);
                    }
                },
                result -> {
                    failed[0] |= result.failureCount() > 0;
                    LoadSummary.print(out, result, csvPrefix);
                });
        err.printf(
                Locale.ROOT,
                "Worker of the Locust master at %s:%d: scenario %s%n",
                master.masterHost(),
                master.masterPort(),
                definition.name());
        err.flush();
        new LocustWorker(master, tests, text -> {
                    err.println("locust: " + text);
                    err.flush();
                })
                .run();
        return failed[0] ? ExitCode.FAILURE : ExitCode.OK;
    }
}
