package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.opencsv.CSVReader;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.server.ApiServer;
import org.crmbench.server.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crmbench load as workers of a real Locust master (Debian's python3-locust 2.12.1, run with
 * /usr/bin/python3): the master's totals must be the sum of what the workers sent and of what the
 * server saw, and a worker whose master dies must stop and exit non-zero. Without Locust the
 * tests are skipped, unless CRMBENCH_TEST_LOCUST=required (CI installs it and sets that).
 */
class LocustWorkerTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path LOCUSTFILE =
            Path.of("..", "examples", "locustfile_workers.py").toAbsolutePath();

    @TempDir
    static Path tmp;

    static Database db;
    static ApiServer server;
    static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        boolean locust = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import locust")
                                .start()
                                .waitFor()
                        == 0;
        if (!locust && "required".equals(System.getenv("CRMBENCH_TEST_LOCUST"))) {
            throw new IllegalStateException("CRMBENCH_TEST_LOCUST=required but /usr/bin/python3 cannot import locust");
        }
        assumeTrue(locust, "Debian's python3-locust is not installed");
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, 2_000);
        server = ApiServer.start(
                db, ServerSettings.defaults().withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT), "test");
    }

    @AfterAll
    static void stop() {
        processes.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
            db.close();
        }
    }

    @Test
    void aLocustMasterAddsUpTwoCrmbenchWorkersAsTheServerCountedThem() throws Exception {
        long before = served();
        int port = EmbeddedDatabase.freePort();
        Process master = locustMaster(port, "--headless", "--expect-workers", "2", "-u", "10", "-r", "10", "-t", "6s");
        Process w1 = worker(port, "w1");
        Process w2 = worker(port, "w2");

        assertThat(master.waitFor(90, TimeUnit.SECONDS)).as(log("master")).isTrue();
        assertThat(master.exitValue()).as(log("master")).isZero();
        assertThat(w1.waitFor(30, TimeUnit.SECONDS) && w2.waitFor(30, TimeUnit.SECONDS))
                .isTrue();
        assertThat(w1.exitValue()).as(log("w1")).isZero();
        assertThat(w2.exitValue()).as(log("w2")).isZero();

        long atMaster = aggregated(tmp.resolve("master_stats.csv"));
        long fromWorkers = aggregated(tmp.resolve("w1_stats.csv")) + aggregated(tmp.resolve("w2_stats.csv"));
        assertThat(atMaster).isPositive().isEqualTo(fromWorkers).isEqualTo(served() - before);
        assertThat(log("w1"))
                .contains("connected to the Locust master", "the master started a test", "the master quit");

        // each worker's exact histogram, merged, holds every request of the run
        CliRun merge = CliRun.of(
                "report",
                "--merge",
                tmp.resolve("w1_api_run_query.hlog").toString(),
                tmp.resolve("w2_api_run_query.hlog").toString(),
                "--out",
                tmp.resolve("all.hlog").toString());
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).containsPattern("merged +-? +\\d+ +" + String.format("%,d", atMaster) + " ");
    }

    @Test
    void aWorkerWhoseMasterDiesStopsItsUsersAndExitsNonZero() throws Exception {
        int port = EmbeddedDatabase.freePort();
        Process master = locustMaster(port, "--headless", "--expect-workers", "1", "-u", "4", "-r", "4", "-t", "60s");
        Process worker = worker(port, "lost", "--master-timeout", "2s");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log("lost").contains("the master started a test") && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);

        master.destroyForcibly().waitFor();
        long killed = System.nanoTime();

        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as(log("lost")).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed)).isLessThan(10);
        assertThat(worker.exitValue()).isEqualTo(ExitCode.FAILURE);
        assertThat(log("lost")).contains("Lost the Locust master", "stopped the users");
        long after = served();
        Thread.sleep(1_000);
        assertThat(served()).as("no requests after the worker stopped").isEqualTo(after);
    }

    private static Process locustMaster(int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                PYTHON.toString(),
                "-m",
                "locust",
                "-f",
                LOCUSTFILE.toString(),
                "--master",
                "--master-bind-port",
                Integer.toString(port),
                "--host",
                "http://127.0.0.1:" + server.port(),
                "--csv",
                tmp.resolve("master").toString(),
                "--only-summary"));
        command.addAll(List.of(options));
        return start(command, "master");
    }

    private static Process worker(int port, String name, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "load",
                "--locust-master",
                "127.0.0.1:" + port,
                "--scenario",
                "run-query",
                "--max-user-id",
                "2000",
                "--csv",
                tmp.resolve(name).toString()));
        command.addAll(List.of(options));
        return start(command, name);
    }

    private static Process start(List<String> command, String name) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private static String log(String name) {
        try {
            return Files.readString(tmp.resolve(name + ".log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static long aggregated(Path stats) throws Exception {
        try (CSVReader reader = new CSVReader(new FileReader(stats.toFile()))) {
            List<String[]> rows = reader.readAll();
            int count = List.of(rows.getFirst()).indexOf("Request Count");
            int name = List.of(rows.getFirst()).indexOf("Name");
            return rows.stream()
                    .filter(r -> r.length > name && r[name].equals("Aggregated"))
                    .mapToLong(r -> Long.parseLong(r[count]))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Lookups the server answered, from its /metrics. */
    private static long served() throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("crmbench_http_requests_total\\{route=\"/api/run-query/\",status=\"200\"} (\\d+)")
                .matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
