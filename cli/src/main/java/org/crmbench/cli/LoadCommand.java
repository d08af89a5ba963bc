package org.crmbench.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crmbench.load.LoadResult;
import org.crmbench.load.LoadRun;
import org.crmbench.load.LoadScenario;
import org.crmbench.load.LoadSettings;
import org.crmbench.load.LocustCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Load-test an HTTP API the way Locust does, with exact percentiles and Locust's CSV files.",
            "Simulated users loop request, response, next request (--users, --spawn-rate, --run-time); with"
                    + " --rate, requests go out at a constant rate and latency counts from each request's intended"
                    + " start (coordinated omission corrected, as wrk2). Exit code 1 when a request failed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench load --users 1000 --spawn-rate 100 --run-time 60s --csv reports/load",
            "  crmbench load --scenario users-list --users 50 --spawn-rate 10 --run-time 2m",
            "  crmbench load --rate 5000 --run-time 30s --csv reports/open"
        })
final class LoadCommand implements Callable<Integer> {
    private static final int STATUS_EVERY_S = 3;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = "http://127.0.0.1:8000",
            description = "The API (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = {"--users", "-u"},
            defaultValue = "1000",
            description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = {"--spawn-rate", "-r"},
            defaultValue = "100",
            description = "Users started per second (default ${DEFAULT-VALUE}).")
    double spawnRate;

    @Option(
            names = {"--run-time", "-t"},
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to run, e.g. 60s, 5m, 1h30m (default ${DEFAULT-VALUE}).")
    Duration runTime;

    @Option(
            names = "--scenario",
            defaultValue = "run-query",
            description = "run-query (the original locustfile), users-list, mix, or health (a trivial endpoint) "
                    + "(default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(
            names = "--csv",
            paramLabel = "PREFIX",
            description = "Write PREFIX_stats.csv, PREFIX_stats_history.csv, "
                    + "PREFIX_failures.csv and a .hlog per endpoint.")
    String csvPrefix;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Open model: R requests per second in total, whatever the server does.")
    double rate;

    @Option(
            names = "--max-user-id",
            paramLabel = "N",
            defaultValue = "0",
            description = "Highest user id to ask for (default: the dataset size, read from the server).")
    long maxUserId;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "A request without an answer after this long fails (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        LoadSettings settings = UsageErrors.orUsageError(
                spec,
                () -> new LoadSettings(
                        URI.create(host.strip()),
                        users,
                        spawnRate,
                        runTime,
                        LoadScenario.parse(scenario),
                        rate,
                        maxUserId,
                        timeout));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadRun run = new LoadRun(settings);
        long ids = run.prepare();
        LocustCsv csv = csvPrefix == null ? null : new LocustCsv(csvPrefix);
        CountDownLatch written = new CountDownLatch(1);
        Thread interrupted = new Thread(() -> {
            run.stop();
            try {
                written.await(settings.timeout().toSeconds() + 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        err.printf(
                "Load on %s: %s, %s%n",
                settings.host(),
                settings.scenario().cliName(),
                settings.openModel()
                        ? String.format("%,.0f requests/s (open model)", settings.ratePerSecond())
                        : String.format("%,d users at %s/s (closed model)", settings.users(), settings.spawnRate()));
        try {
            LoadResult result = run.run(ids, interval -> {
                if (csv != null) {
                    csv.interval(interval);
                }
                if (Math.round(interval.elapsedSeconds()) % STATUS_EVERY_S == 0) {
                    LoadSummary.status(err, interval, settings.openModel());
                }
            });
            if (csv != null) {
                csv.finish(result);
                csv.close();
            }
            LoadSummary.print(out, result, csvPrefix);
            return result.failureCount() > 0 ? ExitCode.FAILURE : ExitCode.OK;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
    }
}
