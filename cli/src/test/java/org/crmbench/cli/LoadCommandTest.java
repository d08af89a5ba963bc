package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** crmbench load against a real crmbench serve on a generated dataset. */
class LoadCommandTest {
    /** The headers of the files Locust 2 writes (copied from a real Locust run, reports/locust/). */
    private static final String LOCUST_STATS = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
            + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";

    private static final String LOCUST_HISTORY = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,"
            + "80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
            + "Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size";
    private static final String LOCUST_FAILURES = "Method,Name,Error,Occurrences";

    @TempDir
    static Path tmp;

    static Database db;
    static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, 2_000);
        server = ApiServer.start(
                db,
                ServerSettings.defaults()
                        .withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT)
                        .withTimeouts(
                                ServerSettings.DEFAULT_STATEMENT_TIMEOUT,
                                ServerSettings.DEFAULT_QUEUE_TIMEOUT,
                                Duration.ofSeconds(2)),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void writesLocustsFilesWithTheRequestsActuallyMade() throws Exception {
        long before = served("/api/run-query/", 200);
        String prefix = tmp.resolve("closed/run").toString();

        CliRun run = CliRun.of(
                "load", "--host", host(), "--users", "20", "--spawn-rate", "20", "--run-time", "3s", "--csv", prefix);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String[]> stats = csv(prefix + "_stats.csv");
        assertThat(String.join(",", stats.getFirst())).isEqualTo(LOCUST_STATS);
        assertThat(stats).hasSize(3);
        assertThat(stats.get(1)[0]).isEqualTo("GET");
        assertThat(stats.get(1)[1]).isEqualTo("/api/run-query/");
        assertThat(stats.get(2)[1]).isEqualTo("Aggregated");
        long requests = Long.parseLong(stats.get(2)[2]);
        assertThat(requests).isPositive().isEqualTo(served("/api/run-query/", 200) - before);
        assertThat(stats.get(2)[3]).isEqualTo("0");
        double p50 = Double.parseDouble(stats.get(2)[11]);
        double p99 = Double.parseDouble(stats.get(2)[18]);
        double max = Double.parseDouble(stats.get(2)[21]);
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(max); // Locust's rounding can break this; exact percentiles cannot

        List<String[]> history = csv(prefix + "_stats_history.csv");
        assertThat(String.join(",", history.getFirst())).isEqualTo(LOCUST_HISTORY);
        assertThat(history.size() - 1).isBetween(3, 5); // one row per second of a 3 s run, and the last partial one
        assertThat(history.getLast()[17]).isEqualTo(Long.toString(requests));
        assertThat(String.join(",", csv(prefix + "_failures.csv").getFirst())).isEqualTo(LOCUST_FAILURES);
        assertThat(tmp.resolve("closed/run_api_run_query.hlog")).exists();
    }

    @Test
    void openModelSendsAtTheRateAndKeepsTheUncorrectedFigure() throws Exception {
        String prefix = tmp.resolve("open/run").toString();

        CliRun run = CliRun.of("load", "--host", host(), "--rate", "200", "--run-time", "2s", "--csv", prefix);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] corrected = csv(prefix + "_stats.csv").getLast();
        String[] uncorrected = csv(prefix + "_stats_uncorrected.csv").getLast();
        assertThat(Long.parseLong(corrected[2])).isEqualTo(400);
        assertThat(run.out()).contains("uncorrected");
        // latency from the intended start includes any wait before the send: never below the actual one
        for (int column = 11; column < corrected.length; column++) {
            assertThat(Double.parseDouble(corrected[column]))
                    .as(LOCUST_STATS.split(",")[column])
                    .isGreaterThanOrEqualTo(Double.parseDouble(uncorrected[column]));
        }
    }

    /**
     * At 1,500 requests/s the dispatcher sends what fell due each millisecond together: still
     * every request of the run, none dropped, each measured from when it was due.
     */
    @Test
    void openModelAboveOneRequestPerMillisecondSendsEveryRequest() throws Exception {
        String prefix = tmp.resolve("open-fast/run").toString();

        CliRun run = CliRun.of(
                "load",
                "--host",
                host(),
                "--scenario",
                "health",
                "--rate",
                "1500",
                "--max-in-flight",
                "3000", // room for every request of the run: a slow machine makes them late, not dropped
                "--run-time",
                "2s",
                "--csv",
                prefix);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Long.parseLong(csv(prefix + "_stats.csv").getLast()[2])).isEqualTo(3_000);
        assertThat(run.out()).doesNotContain("dropped");
    }

    /** The bundled surface scenario draws its filter values from the database the server reads. */
    @Test
    void theSurfaceScenarioHitsTheListApiWithValuesFromTheDataset() throws Exception {
        long before = served("/api/users/", 200) + served("/api/users/", 404);
        String prefix = tmp.resolve("surface/run").toString();

        CliRun run = CliRun.of(
                "load",
                "--scenario",
                "surface",
                "--host",
                host(),
                "--users",
                "4",
                "--spawn-rate",
                "4",
                "--run-time",
                "3s",
                "--csv",
                prefix,
                "--jdbc-url",
                db.target().jdbcUrl(),
                "--user",
                db.target().user(),
                "--password", // the embedded server's, behind scram-sha-256 like any other
                db.target().password());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String[]> stats = csv(prefix + "_stats.csv");
        assertThat(stats.stream().map(r -> r[1]))
                .contains("/api/users/", "/api/users/?city", "/api/users/?last_name&city", "/api/users/?city&tier");
        long requests = Long.parseLong(stats.getLast()[2]);
        assertThat(requests).isPositive().isEqualTo(served("/api/users/", 200) + served("/api/users/", 404) - before);
        assertThat(served("/api/users/", 400))
                .as("every drawn request is one the API accepts")
                .isZero();
    }

    @Test
    void failedRequestsAreCountedByCauseAndExitOne() throws Exception {
        String prefix = tmp.resolve("fail/run").toString();

        // ids beyond the dataset: 404 with an "error" body, as the locustfile counts them
        CliRun run = CliRun.of(
                "load",
                "--host",
                host(),
                "--users",
                "2",
                "--spawn-rate",
                "10",
                "--run-time",
                "1s",
                "--max-user-id",
                "100000",
                "--csv",
                prefix);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        List<String[]> failures = csv(prefix + "_failures.csv");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(1)).startsWith("GET", "/api/run-query/", "HTTP 404");
        long failed = Long.parseLong(failures.get(1)[3]);
        List<String[]> stats = csv(prefix + "_stats.csv");
        long requests = Long.parseLong(stats.getLast()[2]);
        assertThat(Long.parseLong(stats.getLast()[3]))
                .as("failures in the stats")
                .isEqualTo(failed);
        // ids drawn from 1..100,000 over 2,000 users: about 98% are beyond the dataset
        assertThat((double) failed / requests).as("share of requests failed").isBetween(0.9, 1.0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--users|0|--users must be at least 1 but was 0",
                "--spawn-rate|0|--spawn-rate must be above 0 but was 0.0",
                "--run-time|soon|'soon' is not a duration",
                "--host|ftp://x|--host must be an http:// or https:// URL",
                "--scenario|all|--scenario must be one of run-query, users-list, mix, health, surface but was 'all'"
            })
    void badOptionsAreUsageErrors(String option, String value, String message) {
        CliRun run = CliRun.of("load", option, value);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message);
    }

    @Test
    void unreachableHostExitsThree() throws Exception {
        CliRun run = CliRun.of("load", "--host", "http://127.0.0.1:" + EmbeddedDatabase.freePort(), "--run-time", "1s");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().lines()).singleElement().asString().contains("Cannot connect to http://127.0.0.1:");
    }

    private static String host() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Requests the server counted for a route and status (its Prometheus /metrics). */
    private static long served(String route, int status) throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(host() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("crmbench_http_requests_total\\{route=\"" + Pattern.quote(route) + "\",status=\""
                        + status + "\"} (\\d+)")
                .matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static List<String[]> csv(String file) throws Exception {
        try (CSVReader reader = new CSVReader(new FileReader(file))) {
            return reader.readAll().stream()
                    .filter(r -> !(r.length == 1 && r[0].isEmpty()))
                    .toList();
        }
    }
}
