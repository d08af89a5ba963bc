package org.crmbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.http.Transports;
import org.crmbench.load.scenario.LoadScenario;
import org.crmbench.query.Filter;
import org.crmbench.results.LoadResult;
import org.crmbench.values.DatasetSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoadRun#stop} (what Ctrl-C calls) ends a closed-model run whose users are all running,
 * when the run's own thread waits between its checks of the target: long before the run time,
 * with every request the server answered in the result.
 */
class LoadRunStopTest {
    private static final DatasetSource NO_DATASET = new DatasetSource() {
        @Override
        public long users() {
            return 1;
        }

        @Override
        public List<String> values(Filter column) {
            return List.of();
        }
    };

    private HttpServer server;
    private final LongAdder answered = new LongAdder();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", exchange -> {
            answered.increment(); // before the answer: a run that has ended has counted it too
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aStopEndsASettledClosedRunLongBeforeItsRunTimeAndKeepsWhatWasMeasured() throws Exception {
        URI host = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        TransportSettings transport =
                new TransportSettings(host, List.of(), Duration.ofSeconds(5), 4, false, false, false);
        LoadSettings settings =
                new LoadSettings(transport, new LoadSettings.Closed(4, 1_000), List.of(), Duration.ofSeconds(120), 1);
        LoadScenario health = LoadScenario.builtIn("health").compile(NO_DATASET);
        try (HttpTransport client = Transports.AUTO.open(transport)) {
            LoadRun run = new LoadRun(settings, health, client);
            CompletableFuture<LoadResult> result = CompletableFuture.supplyAsync(() -> run.run(interval -> {}));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((run.users() < 4 || answered.sum() < 200) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(run.users()).as("users running before the stop").isEqualTo(4);
            Thread.sleep(500); // the run's thread is now in its long waits between checks

            run.stop();

            // a run that missed the stop would go on for its 120 s
            LoadResult ended = result.get(20, TimeUnit.SECONDS);
            assertThat(ended.failureCount()).isZero();
            assertThat(ended.requests()).isPositive().isEqualTo(answered.sum());
            assertThat(run.users()).isZero();
        }
    }
}
