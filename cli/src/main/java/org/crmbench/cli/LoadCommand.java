package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmbench.db.Database;
import org.crmbench.load.LoadRun;
import org.crmbench.load.LoadSettings;
import org.crmbench.load.Probe;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.http.Transports;
import org.crmbench.load.locust.LocustWorker;
import org.crmbench.load.scenario.LoadScenario;
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
    /** A worker's connection pool: the master may ask for many users; they share these. */
    private static final int WORKER_CONNECTIONS = 10_000;

    @Mixin
    DbOptions db;

    @Mixin
    HttpOptions http;

    @Mixin
    LoadModelOptions model;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    LocustMasterOptions locust;

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
        LoadScenario.Definition definition = scenario.definition();
        Transports client = http.client();
        if (locust.worker()) {
            LocustWorker.Settings master = locust.settings();
            TransportSettings transport = http.transport(definition.host(), WORKER_CONNECTIONS);
            return LocustWorkerMode.run(
                    master,
                    definition,
                    transport,
                    client,
                    h -> dataset(h, transport, opened),
                    seed,
                    csvPrefix,
                    out,
                    err);
        }
        LoadSettings settings = model.settings(concurrency -> http.transport(definition.host(), concurrency), seed);
        try (HttpTransport transport = UsageErrors.orUsageError(db.spec, () -> client.open(settings.transport()))) {
            Probe.get(transport, settings.transport(), "/");
            ScenarioDataset dataset = dataset(transport, settings.transport(), opened);
            LoadScenario chosen = UsageErrors.orUsageError(db.spec, () -> definition.compile(dataset));
            return LoadExecution.run(new LoadRun(settings, chosen, transport), settings, chosen, csvPrefix, out, err);
        }
    }

    /** Scenario values from this dataset: ids up to the API's highest, names sampled from the database. */
    private ScenarioDataset dataset(HttpTransport transport, TransportSettings settings, List<Database> opened) {
        return new ScenarioDataset(
                maxUserId,
                () -> Probe.highestUserId(transport, settings),
                () -> {
                    Database database = Database.open(db.settings(2));
                    opened.add(database);
                    return database;
                },
                seed);
    }

    /** Options that do not apply to the chosen mode are usage errors, not silently ignored. */
    private void checkOptions() {
        locust.check();
        model.check();
    }
}
