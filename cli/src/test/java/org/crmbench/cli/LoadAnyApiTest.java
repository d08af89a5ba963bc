package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * crmbench load against someone else's API (a local server, {@link TestApi}): a scenario file
 * with headers, a POST body, a 204, a redirect and a chunked body, over HTTPS with a self-signed
 * certificate on Jetty's client and over plain HTTP on the event-loop fast path; what load
 * reports per request name must equal what the server saw.
 */
class LoadAnyApiTest {
    private static final String PASSWORD = "test-secret";
    private static final String SCENARIO = """
            name: someone-else
            headers: {Accept: application/json}
            values:
              n: {uniform: [1, 1000]}
            requests:
              - name: headers
                path: /headers
                expect: {status: [200], body_contains: k-123}
              - name: echo
                method: POST
                path: /echo
                headers: {Content-Type: application/json}
                body: '{"n": ${n}}'
                expect: {status: [200], body_contains: '"n": '}
              - name: empty
                path: /empty
                expect: {status: [204]}
              - name: chunked
                path: /chunked
                expect: {status: [200], body_contains: END}
              - name: redirect
                path: /redirect
                expect: {status: [REDIRECT]}
            """;

    @TempDir
    static Path tmp;

    static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(TestApi.selfSignedKeystore(tmp, PASSWORD), PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https on Jetty's client following redirects,true", "plain HTTP on the event loop,false"})
    void everyRequestOfAScenarioFileIsCountedAsTheServerSawIt(String how, boolean https) throws Exception {
        Path file = Files.writeString(
                tmp.resolve(https ? "https.yaml" : "http.yaml"), SCENARIO.replace("REDIRECT", https ? "200" : "302"));
        String prefix = tmp.resolve(https ? "https/run" : "http/run").toString();
        List<String> args = new java.util.ArrayList<>(List.of(
                "load",
                "--scenario-file",
                file.toString(),
                "--host",
                https ? api.https() : api.http(),
                "-H",
                "X-Api-Key: k-123",
                "--users",
                "6",
                "--spawn-rate",
                "6",
                "--run-time",
                "2s",
                "--csv",
                prefix));
        if (https) {
            args.addAll(List.of("--insecure", "--follow-redirects"));
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Map<String, Long> counted = stats(prefix + "_stats.csv");
        assertThat(counted.get("GET headers")).isPositive().isEqualTo(api.count("GET /headers"));
        assertThat(counted.get("POST echo")).isPositive().isEqualTo(api.count("POST /echo"));
        assertThat(counted.get("GET empty")).isPositive().isEqualTo(api.count("GET /empty"));
        assertThat(counted.get("GET chunked")).isPositive().isEqualTo(api.count("GET /chunked"));
        assertThat(counted.get("GET redirect")).isPositive().isEqualTo(api.count("GET /redirect"));
        assertThat(api.count("GET /target")).isEqualTo(https ? api.count("GET /redirect") : 0);
        assertThat(counted.get("Aggregated"))
                .isEqualTo(counted.entrySet().stream()
                        .filter(e -> !e.getKey().equals("Aggregated"))
                        .mapToLong(Map.Entry::getValue)
                        .sum());
    }

    /**
     * A server that hangs up on a kept-alive connection after it received a POST: the POST may
     * have taken effect, so it is counted as failed, never sent again (a GET may be).
     */
    @Test
    void aPostIsNeverSentTwice() throws Exception {
        Path file = Files.writeString(tmp.resolve("vanish.yaml"), """
                requests:
                  - {name: ok, path: /health}
                  - {name: vanish, method: POST, path: /vanish, body: x}
                """);
        String prefix = tmp.resolve("vanish/run").toString();

        CliRun run = CliRun.of(
                "load",
                "--scenario-file",
                file.toString(),
                "--host",
                api.http(),
                "--users",
                "1",
                "--spawn-rate",
                "1",
                "--run-time",
                "2s",
                "--csv",
                prefix);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE); // every POST failed
        Map<String, Long> counted = stats(prefix + "_stats.csv");
        assertThat(counted.get("GET ok")).isPositive();
        assertThat(counted.get("POST vanish")).isGreaterThan(10).isEqualTo(api.count("POST /vanish"));
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessInsecure() {
        CliRun run = CliRun.of("load", "--scenario", "health", "--host", api.https(), "--run-time", "1s");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err()).contains("Cannot connect to " + api.https(), "TLS");
    }

    @Test
    void theSameSeedSendsTheSameRequests() throws Exception {
        Path file = Files.writeString(tmp.resolve("ids.yaml"), """
                values: {id: {uniform: [1, 1000000000]}}
                requests: [{path: "/items/${id}", expect: {status: [404]}}]
                """);
        List<List<String>> runs = new java.util.ArrayList<>();
        for (String seed : List.of("7", "7", "8")) {
            api.reset();
            CliRun run = CliRun.of(
                    "load",
                    "--scenario-file",
                    file.toString(),
                    "--host",
                    api.http(),
                    "--users",
                    "1",
                    "--spawn-rate",
                    "1",
                    "--run-time",
                    "1s",
                    "--seed",
                    seed);
            assertThat(run.exitCode()).as(run.err()).isZero();
            runs.add(List.copyOf(api.targets.subList(1, Math.min(api.targets.size(), 21)))); // after the probe
        }
        assertThat(runs.get(0)).hasSize(20).isEqualTo(runs.get(1));
        assertThat(runs.get(2)).doesNotContainAnyElementsOf(runs.get(0));
    }

    /**
     * A server that closes kept-alive connections once they are idle (as an idle timeout does): the
     * event loop notices the close while the connection waits, so the next request, a POST that
     * must never be sent twice, goes out on a new connection instead of failing on the dead one.
     */
    @Test
    void aConnectionClosedWhileIdleIsReopenedForTheNextRequestAlsoAPost() throws Exception {
        Path file = Files.writeString(
                tmp.resolve("idle.yaml"), "requests: [{name: idle, method: POST, path: /hang-up-later, body: x}]");
        String prefix = tmp.resolve("idle/run").toString();

        CliRun run = CliRun.of(
                "load",
                "--scenario-file",
                file.toString(),
                "--host",
                api.http(),
                "--rate",
                "5",
                "--max-in-flight",
                "1",
                "--run-time",
                "2s",
                "--csv",
                prefix);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Map<String, Long> counted = stats(prefix + "_stats.csv");
        assertThat(counted.get("POST idle")).isGreaterThanOrEqualTo(8).isEqualTo(api.count("POST /hang-up-later"));
        assertThat(csv(prefix + "_stats.csv").getLast()[3]).as("failures").isEqualTo("0");
    }

    /**
     * A request without an answer within --timeout fails on the event loop with that reason, and
     * the user's next one still goes out: two users, 1 s answers, a 200 ms timeout.
     */
    @Test
    void aRequestPastItsTimeoutFailsAndTheNextOneIsSent() throws Exception {
        Path slow = Files.writeString(tmp.resolve("timeout.yaml"), "requests: [{name: stall, path: /stall}]");
        String prefix = tmp.resolve("timeout/run").toString();

        CliRun run = CliRun.of(
                "load",
                "--scenario-file",
                slow.toString(),
                "--host",
                api.http(),
                "--client",
                "nio",
                "--users",
                "2",
                "--spawn-rate",
                "2",
                "--timeout",
                "200ms",
                "--run-time",
                "2s",
                "--csv",
                prefix);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURE);
        List<String[]> rows = csv(prefix + "_stats.csv");
        long requests = Long.parseLong(rows.getLast()[2]);
        assertThat(requests).as("requests").isGreaterThanOrEqualTo(10);
        assertThat(rows.getLast()[3]).as("failures").isEqualTo(Long.toString(requests));
        assertThat(Files.readString(Path.of(prefix + "_failures.csv"))).contains("timeout after 0.2 s");
    }

    @Test
    void anOpenModelDropsWhatItCannotSendAndRampsWithStages() throws Exception {
        Path slow = Files.writeString(tmp.resolve("slow.yaml"), "requests: [{path: /slow}]");
        CliRun capped = CliRun.of(
                "load",
                "--scenario-file",
                slow.toString(),
                "--host",
                api.http(),
                "--rate",
                "200",
                "--max-in-flight",
                "2",
                "--run-time",
                "2s");
        assertThat(capped.exitCode()).as(capped.err()).isZero();
        assertThat(capped.out()).containsPattern("[1-9][0-9,]* dropped \\(--max-in-flight\\)");
        // two lanes of 100 ms requests carry at most about 40 of the 400 due in 2 s
        assertThat(api.count("GET /slow")).isBetween(20L, 60L);

        String prefix = tmp.resolve("stages/run").toString();
        CliRun ramp = CliRun.of(
                "load", "--scenario", "health", "--host", api.http(), "--stages", "2s:8,2s:0", "--csv", prefix);
        assertThat(ramp.exitCode()).as(ramp.err()).isZero();
        List<String[]> history = csv(prefix + "_stats_history.csv");
        List<Integer> users = history.subList(1, history.size()).stream()
                .map(r -> Integer.parseInt(r[1]))
                .toList();
        int peak = users.stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat(peak).isBetween(6, 8);
        assertThat(users.indexOf(peak)).isBetween(1, users.size() - 2); // up, then down
        assertThat(users.getLast()).isLessThanOrEqualTo(2);
    }

    /**
     * One lane of 100 ms requests and 20 due in 1 s, 50 ms apart. Waiting (--when-busy wait), each
     * goes out when the one before ends, later and later behind its due time, and its latency
     * counts from that due time (the 10th about 550 ms); what still waits at the end is counted
     * as dropped. Dropped instead (the default), the ones sent go out when due and take what the
     * server takes. Either way every due request is sent or counted.
     */
    @Test
    void anOpenModelThatWaitsWhenBusySendsLateAndCountsFromTheDueTime() throws Exception {
        Path slow = Files.writeString(tmp.resolve("slow-lane.yaml"), "requests: [{path: /slow}]");
        BusyRun waited = busyRun(slow, "wait");
        BusyRun dropped = busyRun(slow, "drop");

        assertThat(waited.requests() + waited.dropped()).isEqualTo(20);
        assertThat(waited.requests()).isGreaterThanOrEqualTo(5);
        assertThat(waited.output()).contains("one due beyond waits for one to end");
        assertThat(waited.maxMs()).isGreaterThanOrEqualTo(waited.uncorrectedMaxMs() + 200);

        assertThat(dropped.requests() + dropped.dropped()).isEqualTo(20);
        assertThat(dropped.dropped()).isPositive();
        assertThat(dropped.maxMs()).isLessThan(dropped.uncorrectedMaxMs() + 100);
    }

    /**
     * Waiting for a lane, the next request goes out as soon as a response frees one, not at the
     * event loop's next timer: the loop sets none for a dispatcher that waits for a lane, only its
     * sweep for timeouts every 10 ms. One lane, 1,000 due a second, on a route that answers at once.
     */
    @Test
    void anOpenModelThatWaitsSendsTheNextAsSoonAsALaneFrees() {
        CliRun run = CliRun.of(
                "load",
                "--scenario",
                "health",
                "--host",
                api.http(),
                "--rate",
                "1000",
                "--max-in-flight",
                "1",
                "--when-busy",
                "wait",
                "--run-time",
                "2s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // a lane turned over by the sweep alone would carry at most 200 in 2 s
        assertThat(api.count("GET /health")).isGreaterThan(600);
    }

    private record BusyRun(long requests, long dropped, double maxMs, double uncorrectedMaxMs, String output) {}

    private static BusyRun busyRun(Path scenario, String whenBusy) throws Exception {
        String prefix = tmp.resolve("busy-" + whenBusy + "/run").toString();
        CliRun run = CliRun.of(
                "load",
                "--scenario-file",
                scenario.toString(),
                "--host",
                api.http(),
                "--rate",
                "20",
                "--max-in-flight",
                "1",
                "--when-busy",
                whenBusy,
                "--run-time",
                "1s",
                "--csv",
                prefix);
        assertThat(run.exitCode()).as(run.err()).isZero();
        var dropped = Pattern.compile("([0-9,]+) dropped").matcher(run.out());
        List<String[]> corrected = csv(prefix + "_stats.csv");
        List<String[]> uncorrected = csv(prefix + "_stats_uncorrected.csv");
        int max = List.of(corrected.getFirst()).indexOf("Max Response Time");
        return new BusyRun(
                Long.parseLong(corrected.getLast()[2]),
                dropped.find() ? Long.parseLong(dropped.group(1).replace(",", "")) : 0,
                Double.parseDouble(corrected.getLast()[max]),
                Double.parseDouble(uncorrected.getLast()[max]),
                run.out() + run.err());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--rate 100 --users 5|--users is for the closed model",
                "--rate 100 --spawn-rate 5|--spawn-rate is for the closed model",
                "--max-in-flight 10|--max-in-flight is for the open model",
                "--when-busy wait|--when-busy is for the open model",
                "--rate 10 --when-busy queue|'queue' is not drop or wait",
                "--stages 10s:5 --run-time 5s|leave out --run-time",
                "--stages 10s:5 --users 3|leave out --users and --spawn-rate",
                "--stages 10s|--stages must be DURATION:TARGET pairs",
                "--scenario health --scenario-file x.yaml|give --scenario or --scenario-file, not both",
                "-H nocolon|--header must be 'NAME: VALUE'",
                "--client nio --host https://127.0.0.1:1|--client nio speaks plain HTTP/1.1 only",
                "--client quic|--client must be auto, jetty or nio",
            })
    void optionsThatDoNotApplyAreUsageErrors(String options, String message) {
        String host = options.contains("--host") ? "" : "--host " + api.http() + " ";
        CliRun run = CliRun.of(("load " + host + options).split(" "));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message);
    }

    private static Map<String, Long> stats(String file) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        List<String[]> rows = csv(file);
        for (String[] row : rows.subList(1, rows.size())) {
            counts.put(row[1].equals("Aggregated") ? "Aggregated" : row[0] + " " + row[1], Long.parseLong(row[2]));
        }
        return counts;
    }

    private static List<String[]> csv(String file) throws Exception {
        try (CSVReader reader = new CSVReader(new FileReader(file))) {
            return reader.readAll();
        }
    }
}
