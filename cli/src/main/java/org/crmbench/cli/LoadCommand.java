package org.crmbench.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crmbench.db.Database;
import org.crmbench.load.LoadRun;
import org.crmbench.load.LoadSettings;
import org.crmbench.load.LocustCsv;
import org.crmbench.load.Probe;
import org.crmbench.load.Stage;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.http.Transports;
import org.crmbench.load.locust.LocustWorker;
import org.crmbench.load.locust.WorkerTests;
import org.crmbench.load.scenario.LoadScenario;
import org.crmbench.results.LoadResult;
import org.crmbench.values.ScenarioDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Load-test an HTTP API the way Locust does, with exact percentiles and Locust's CSV files.",
            "What users send comes from a scenario: a bundled one (--scenario) or a file of your own"
                    + " (--scenario-file, YAML or JSON: requests with method, path, headers, body, weight and a"
                    + " success rule; values from ranges, Zipf, lists, CSV columns or the crmbench dataset).",
            "Closed model: --users loop request, response, next request, started at --spawn-rate. Open model"
                    + " (--rate): requests go out at a constant rate whatever the server does, at most"
                    + " --max-in-flight at once, latency counted from each request's intended start (coordinated"
                    + " omission corrected, as wrk2). --stages ramps either. Exit code 1 when a request failed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench load --users 1000 --spawn-rate 100 --run-time 60s --csv reports/load",
            "  crmbench load --scenario surface --users 50 --spawn-rate 10 --run-time 2m",
            "  crmbench load --rate 5000 --max-in-flight 500 --run-time 30s --csv reports/open",
            "  crmbench load --stages 30s:100,1m:1000,30s:0",
            "  crmbench load --locust-master 127.0.0.1 --scenario run-query     # a worker: Locust's UI drives it",
            "  crmbench load --scenario-file shop.yaml --host https://staging.example.com/v2 \\",
            "      -H 'Authorization: Bearer $TOKEN' --users 200 --spawn-rate 20 --run-time 5m",
            "",
            "Bundled scenarios: run-query (default), users-list, mix, health, surface."
        })
final class LoadCommand implements Callable<Integer> {
    private static final int STATUS_EVERY_S = 3;
    private static final String DEFAULT_HOST = "http://127.0.0.1:8000";

    @Mixin
    DbOptions db;

    @Option(
            names = "--host",
            paramLabel = "URL",
            description = "The API's base URL; a path in it prefixes every request (default: the scenario's"
                    + " host, else " + DEFAULT_HOST + ").")
    String host;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            description = "A bundled scenario: run-query, users-list, mix, health or surface (default run-query).")
    String scenario;

    @Option(names = "--scenario-file", paramLabel = "FILE", description = "A scenario file of your own (YAML or JSON).")
    Path scenarioFile;

    @Option(
            names = {"--users", "-u"},
            defaultValue = "1000",
            description = "Closed model: simulated users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = {"--spawn-rate", "-r"},
            defaultValue = "100",
            description = "Closed model: users started per second (default ${DEFAULT-VALUE}).")
    double spawnRate;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = "Open model: R requests per second in total, whatever the server does.")
    Double rate;

    @Option(
            names = "--max-in-flight",
            paramLabel = "N",
            description = "Open model: requests out at once at most; one due beyond is dropped and counted"
                    + " (default 1000).")
    Integer maxInFlight;

    @Option(
            names = "--stages",
            paramLabel = "STAGES",
            description = "A ramp of DURATION:TARGET stages, e.g. 30s:100,1m:1000,30s:0: users in the closed"
                    + " model, requests/s with --rate; the run lasts as long as the stages.")
    String stages;

    @Option(
            names = {"--run-time", "-t"},
            converter = DurationConverter.class,
            description = "How long to run, e.g. 60s, 5m, 1h30m (default 60s).")
    Duration runTime;

    @Option(
            names = {"--header", "-H"},
            paramLabel = "'NAME: VALUE'",
            description = "A header sent with every request (repeatable), e.g. -H 'Authorization: Bearer x'.")
    List<String> headers = List.of();

    @Option(names = "--insecure", description = "Accept any TLS certificate (a self-signed test server).")
    boolean insecure;

    @Option(names = "--follow-redirects", description = "Follow 3xx responses (else a 3xx is the response).")
    boolean followRedirects;

    @Option(names = "--http2", description = "Speak HTTP/2 (TLS by ALPN, or clear text with prior knowledge).")
    boolean http2;

    @Option(
            names = "--locust-master",
            paramLabel = "HOST[:PORT]",
            description = "Run as a worker of this Locust master (port 5557 unless given): its web UI or"
                    + " --headless run starts, resizes and stops the users; this scenario does the requests.")
    String locustMaster;

    @Option(
            names = "--master-timeout",
            paramLabel = "TIME",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "As a worker: a master unreachable this long ends the worker, exit code 1"
                    + " (default ${DEFAULT-VALUE}).")
    Duration masterTimeout;

    @Option(
            names = "--client",
            paramLabel = "CLIENT",
            defaultValue = "auto",
            description = "HTTP client: auto (crmbench's event loop for plain HTTP/1.1, Jetty's HttpClient for"
                    + " https, --http2 or redirects), jetty or nio (default ${DEFAULT-VALUE}).")
    String client;

    @Option(
            names = "--csv",
            paramLabel = "PREFIX",
            description = "Write PREFIX_stats.csv, PREFIX_stats_history.csv, "
                    + "PREFIX_failures.csv and a .hlog per endpoint.")
    String csvPrefix;

    @Option(
            names = "--max-user-id",
            paramLabel = "N",
            defaultValue = "0",
            description = "Highest user id for dataset user_id values (default: the dataset size, asked from the API).")
    long maxUserId;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "A request without an answer after this long fails (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of every drawn value: same seed, same requests (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        List<Database> opened = new ArrayList<>();
        try {
            return run(opened);
        } finally {
            opened.forEach(Database::close);
        }
    }

    private int run(List<Database> opened) throws InterruptedException {
        checkOptions();
        PrintWriter out = db.spec.commandLine().getOut();
        PrintWriter err = db.spec.commandLine().getErr();
        // the scenario is read first (a file may name the host); its values are drawn once the host answers
        LoadScenario.Definition definition = UsageErrors.orUsageError(
                db.spec,
                () -> scenarioFile != null
                        ? LoadScenario.fromFile(scenarioFile)
                        : LoadScenario.builtIn(scenario == null ? "run-query" : scenario));
        if (locustMaster != null) {
            return worker(definition, opened, out, err);
        }
        LoadSettings settings = UsageErrors.orUsageError(db.spec, () -> settings(definition));
        Transports clientKind = UsageErrors.orUsageError(db.spec, () -> Transports.parse(client));
        try (HttpTransport http = UsageErrors.orUsageError(db.spec, () -> clientKind.open(settings.transport()))) {
            Probe.get(http, settings.transport(), "/");
            ScenarioDataset dataset = dataset(http, settings.transport(), opened);
            LoadScenario chosen = UsageErrors.orUsageError(db.spec, () -> definition.compile(dataset));
            return execute(new LoadRun(settings, chosen, http), settings, chosen, out, err);
        }
    }

    /** LoadScenario values from this dataset: ids up to the API's highest, names sampled from the database. */
    private ScenarioDataset dataset(HttpTransport http, TransportSettings transport, List<Database> opened) {
        return new ScenarioDataset(
                maxUserId,
                () -> Probe.highestUserId(http, transport),
                () -> {
                    Database database = Database.open(db.settings(2));
                    opened.add(database);
                    return database;
                },
                seed);
    }

    /** A Locust worker: the master decides when and how many users; this scenario decides what they send. */
    private int worker(LoadScenario.Definition definition, List<Database> opened, PrintWriter out, PrintWriter err) {
        String[] hostPort = locustMaster.strip().split(":");
        LocustWorker.Settings master = UsageErrors.orUsageError(db.spec, () -> {
            if (hostPort.length > 2 || hostPort[0].isBlank()) {
                throw new IllegalArgumentException("--locust-master must be HOST or HOST:PORT but was " + locustMaster);
            }
            int port = hostPort.length == 2 ? Integer.parseInt(hostPort[1]) : LocustWorker.DEFAULT_PORT;
            if (masterTimeout.isZero() || masterTimeout.isNegative()) {
                throw new IllegalArgumentException("--master-timeout must be above 0 but was " + masterTimeout);
            }
            return new LocustWorker.Settings(hostPort[0], port, masterTimeout, LocustWorker.Settings.newNodeId());
        });
        Transports clientKind = UsageErrors.orUsageError(db.spec, () -> Transports.parse(client));
        TransportSettings transport = UsageErrors.orUsageError(
                db.spec,
                () -> new TransportSettings(
                        hostUri(definition), headers(), timeout, 10_000, insecure, followRedirects, http2));
        boolean[] failed = {false};
        WorkerTests tests = new WorkerTests(
                definition,
                transport,
                clientKind,
                http -> dataset(http, transport, opened),
                seed,
                csvPrefix,
                interval -> {
                    if (Math.round(interval.elapsedSeconds()) % STATUS_EVERY_S == 0) {
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

    private int execute(LoadRun run, LoadSettings settings, LoadScenario chosen, PrintWriter out, PrintWriter err)
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
                describe(settings));
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

    /** Options that do not apply to the chosen model are usage errors, not silently ignored. */
    private void checkOptions() {
        var parsed = db.spec.commandLine().getParseResult();
        if (scenario != null && scenarioFile != null) {
            throw usage("give --scenario or --scenario-file, not both");
        }
        if (locustMaster != null) {
            for (String masterDecides :
                    List.of("--users", "--spawn-rate", "--run-time", "--rate", "--max-in-flight", "--stages")) {
                if (parsed.hasMatchedOption(masterDecides)) {
                    throw usage("as a Locust worker the master decides users and time: leave out " + masterDecides);
                }
            }
        } else if (parsed.hasMatchedOption("--master-timeout")) {
            throw usage("--master-timeout is for --locust-master");
        }
        if (rate != null) {
            for (String closedOnly : List.of("--users", "--spawn-rate")) {
                if (parsed.hasMatchedOption(closedOnly)) {
                    throw usage(closedOnly + " is for the closed model; --rate sends at a rate, with at most"
                            + " --max-in-flight requests out (leave out " + closedOnly + ")");
                }
            }
        } else if (maxInFlight != null) {
            throw usage("--max-in-flight is for the open model: give --rate too");
        }
        if (stages != null) {
            if (parsed.hasMatchedOption("--run-time")) {
                throw usage("with --stages the run lasts as long as the stages: leave out --run-time");
            }
            if (parsed.hasMatchedOption("--spawn-rate") || parsed.hasMatchedOption("--users")) {
                throw usage("--stages sets the users over time: leave out --users and --spawn-rate");
            }
        }
    }

    private LoadSettings settings(LoadScenario.Definition chosen) {
        List<Stage> ramp = stages == null ? List.of() : Stage.parse(stages, DurationConverter::parse);
        double peak = ramp.stream().mapToDouble(Stage::target).max().orElse(0);
        LoadSettings.Model model;
        if (rate != null) {
            model = new LoadSettings.Open(
                    ramp.isEmpty() ? rate : Math.max(peak, 1), maxInFlight == null ? 1000 : maxInFlight);
        } else {
            model = ramp.isEmpty()
                    ? new LoadSettings.Closed(users, spawnRate)
                    : new LoadSettings.Closed(Math.max(1, (int) Math.ceil(peak)), 1);
        }
        Duration length = ramp.isEmpty() ? (runTime == null ? Duration.ofSeconds(60) : runTime) : Stage.total(ramp);
        return new LoadSettings(
                new TransportSettings(
                        hostUri(chosen), headers(), timeout, model.concurrency(), insecure, followRedirects, http2),
                model,
                ramp,
                length,
                seed);
    }

    private URI hostUri(LoadScenario.Definition chosen) {
        String text =
                host != null ? host.strip() : chosen.host().map(URI::toString).orElse(DEFAULT_HOST);
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--host must be a URL such as " + DEFAULT_HOST + " but was " + text);
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--host must be an http:// or https:// URL such as " + DEFAULT_HOST + " but was " + text);
        }
        return uri;
    }

    private List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0 || h.substring(0, colon).isBlank()) {
                throw new IllegalArgumentException("--header must be 'NAME: VALUE' but was '" + h + "'");
            }
            list.add(Map.entry(
                    h.substring(0, colon).strip(), h.substring(colon + 1).strip()));
        }
        return list;
    }

    private static String describe(LoadSettings settings) {
        String ramp = settings.stages().isEmpty()
                ? ""
                : " ramped over " + settings.stages().size() + " stages";
        return switch (settings.model()) {
            case LoadSettings.Open open ->
                String.format(
                        Locale.ROOT,
                        "%s requests/s%s, at most %,d in flight (open model)",
                        settings.stages().isEmpty()
                                ? String.format(Locale.ROOT, "%,.0f", open.ratePerSecond())
                                : "up to",
                        ramp,
                        open.maxInFlight());
            case LoadSettings.Closed closed ->
                settings.stages().isEmpty()
                        ? String.format(
                                Locale.ROOT, "%,d users at %s/s (closed model)", closed.users(), closed.spawnRate())
                        : String.format(Locale.ROOT, "up to %,d users%s (closed model)", closed.users(), ramp);
        };
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(db.spec.commandLine(), message);
    }
}
