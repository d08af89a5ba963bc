package org.crmbench.load.locust;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.crmbench.load.LoadListener;
import org.crmbench.load.LoadRun;
import org.crmbench.load.LoadSettings;
import org.crmbench.load.LocustCsv;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.http.Transports;
import org.crmbench.load.scenario.LoadScenario;
import org.crmbench.results.LoadResult;
import org.crmbench.values.DatasetSource;

/**
 * The tests a worker runs for its master: each one a closed-model {@link LoadRun} whose users
 * follow the master's spawn messages, against the master's host (or the worker's own --host),
 * with this worker's own exact files (Locust CSV and an .hlog per endpoint) under the prefix.
 */
public final class WorkerTests implements LocustWorker.Tests {
    /** A worker's test runs until the master stops it. */
    private static final Duration UNTIL_STOPPED = Duration.ofDays(365);

    private final LoadScenario.Definition scenario;
    private final TransportSettings transport;
    private final Transports client;
    private final Function<HttpTransport, DatasetSource> dataset;
    private final long seed;
    private final String csvPrefix;
    private final LoadListener status;
    private final Consumer<LoadResult> finished;

    /**
     * @param transport the settings for the worker's own host; the master's host replaces it
     * @param csvPrefix where the test's files go (null: none)
     * @param finished told of each test's result
     */
    public WorkerTests(
            LoadScenario.Definition scenario,
            TransportSettings transport,
            Transports client,
            Function<HttpTransport, DatasetSource> dataset,
            long seed,
            String csvPrefix,
            LoadListener status,
            Consumer<LoadResult> finished) {
        this.scenario = scenario;
        this.transport = transport;
        this.client = client;
        this.dataset = dataset;
        this.seed = seed;
        this.csvPrefix = csvPrefix;
        this.status = status;
        this.finished = finished;
    }

    @Override
    public LocustWorker.Running start(String host, IntSupplier users, LoadRun.RequestObserver observer) {
        TransportSettings settings = host == null
                ? transport
                : new TransportSettings(
                        URI.create(host),
                        transport.headers(),
                        transport.timeout(),
                        transport.connections(),
                        transport.insecure(),
                        transport.followRedirects(),
                        transport.http2());
        HttpTransport http = client.open(settings);
        LoadRun run = new LoadRun(
                        new LoadSettings(settings, new LoadSettings.Closed(1, 1), List.of(), UNTIL_STOPPED, seed),
                        scenario.compile(dataset.apply(http)),
                        http)
                .observe(observer)
                .usersFrom(users);
        LocustCsv csv = csvPrefix == null ? null : new LocustCsv(csvPrefix);
        Thread thread = Thread.ofPlatform().name("locust-worker-test").start(() -> {
            try {
                LoadResult result = run.run(interval -> {
                    if (csv != null) {
                        csv.interval(interval);
                    }
                    status.interval(interval);
                });
                if (csv != null) {
                    csv.finish(result);
                    csv.close();
                }
                finished.accept(result);
            } finally {
                http.close();
            }
        });
        return new LocustWorker.Running() {
            @Override
            public int users() {
                return run.users();
            }

            @Override
            public void stop() {
                run.stop();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
