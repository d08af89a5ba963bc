package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How serve bounds each request's time and what stays of abandoned work: statement timeouts,
 * queue deadlines that fire on time, lanes that keep lookups going while lists wait, cancellation
 * on stop, Jetty's errors in the API's JSON shape, and connections that are too slow or too many.
 * A list request is made to hang by locking the read table from the test.
 */
class ServerLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Clients that wait for their replies at the same time (the common pool has one thread on 2 cores). */
    private static final java.util.concurrent.ExecutorService CLIENTS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    static Path tmp;

    static Path dataDir;
    static int dbPort;
    static final List<ApiServer> servers = new ArrayList<>();
    static final List<Database> databases = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        dataDir = tmp.resolve("pgdata");
        dbPort = EmbeddedDatabase.freePort();
        try (Database db = Database.open(new DbSettings(null, new EmbeddedSettings(dataDir, dbPort), 4))) {
            EmbeddedDatabase.generate(db, 5_000);
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(ApiServer::close);
        servers.clear();
        databases.forEach(Database::close);
        databases.clear();
    }

    /** Each test's Database started the embedded server for its own lifetime: none may be left running. */
    @AfterAll
    static void noPostgresIsLeftRunning() {
        assertThat(new EmbeddedPostgresServer(new EmbeddedSettings(dataDir, dbPort)).running())
                .isEmpty();
    }

    /** A server on the test's database with {@code settings}, and its pool sized as serve sizes it. */
    private static ApiServer start(ServerSettings settings) {
        Database db = Database.open(
                ApiServer.databaseSettings(new DbSettings(null, new EmbeddedSettings(dataDir, dbPort), 1), settings));
        databases.add(db);
        // hostile traffic with the token on: every check below runs behind it
        ApiServer server = ApiServer.start(
                db, settings, new ServerAccess(Optional.of(BearerToken.of(RawHttp.TOKEN)), Optional.empty()), "test");
        servers.add(server);
        return server;
    }

    /** A connection of the test's own that holds an ACCESS EXCLUSIVE lock on user_list until closed. */
    private static Connection lockReadTable() throws Exception {
        return lock("user_list");
    }

    /** A connection of the test's own that holds an ACCESS EXCLUSIVE lock on {@code table} until closed. */
    private static Connection lock(String table) throws Exception {
        Database db = Database.open(new DbSettings(null, new EmbeddedSettings(dataDir, dbPort), 2));
        databases.add(db);
        Connection c = db.dataSource().getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("lock table crmbench." + table + " in access exclusive mode");
        }
        return c;
    }

    /** Statements of crmbench serve still running in PostgreSQL (not counting this query). */
    private static List<String> runningStatements() throws Exception {
        return runningStatements("user_list");
    }

    /** Statements reading {@code table} still running (not counting this query). */
    private static List<String> runningStatements(String table) throws Exception {
        try (Database db = Database.open(new DbSettings(null, new EmbeddedSettings(dataDir, dbPort), 1));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select query from pg_stat_activity where state = 'active'"
                        + " and query like '%" + table + "%' and pid <> pg_backend_pid()"
                        + " and query not like '%pg_stat_activity%' and query not like 'lock table%'")) {
            List<String> running = new ArrayList<>();
            while (rs.next()) {
                running.add(rs.getString(1));
            }
            return running;
        }
    }

    @Test
    void aStatementPastItsTimeBudgetIsCancelledAnd503WithRetryAfter() throws Exception {
        ApiServer server = start(ServerSettings.defaults()
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(1)));
        try (Connection lock = lockReadTable()) {
            long start = System.nanoTime();
            RawHttp.Reply reply = RawHttp.get(server.port(), "/api/users/?last_name=smith");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("retry-after")).isEqualTo("1");
            assertThat(json(reply).get("error").asText()).contains("time budget (300 ms)", "cancelled");
            assertThat(ms).isBetween(250L, 3_000L);
            assertThat(runningStatements()).as("cancelled by PostgreSQL").isEmpty();
            lock.rollback();
        }
        assertThat(RawHttp.get(server.port(), "/api/users/?last_name=smith").status())
                .isEqualTo(200);
    }

    @Test
    void aQueuedRequestGetsIts503AtItsDeadlineWhileLookupsGoOnInTheirLane() throws Exception {
        ApiServer server = start(ServerSettings.defaults()
                .withConnections(2, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(400), Duration.ofSeconds(1)));
        try (Connection lock = lockReadTable()) {
            // the one list worker hangs on the lock for up to 5 s
            CompletableFuture<RawHttp.Reply> hanging = CompletableFuture.supplyAsync(() -> get(server, "/api/users/"));
            Thread.sleep(200);

            long start = System.nanoTime();
            RawHttp.Reply queued = RawHttp.get(server.port(), "/api/users/?page=2");
            long queuedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(queued.status()).isEqualTo(503);
            assertThat(queued.header("retry-after")).isEqualTo("1");
            assertThat(json(queued).get("error").asText()).contains("waited its whole turn");
            assertThat(queuedMs)
                    .as("answered at the 400 ms deadline, not when the worker frees up")
                    .isBetween(350L, 1_500L);

            // bad input is answered before its wait: the 400 it is, not the deadline's 503
            RawHttp.Reply bad = RawHttp.get(server.port(), "/api/users/?lastname=smith");
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(json(bad).get("error").asText()).contains("unknown parameter 'lastname'");

            // lookups have their own worker: served while the list lane is stuck
            long lookupStart = System.nanoTime();
            assertThat(RawHttp.get(server.port(), "/api/run-query/?count=1&type=get&user_id=42")
                            .status())
                    .isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lookupStart))
                    .isLessThan(1_000);

            lock.rollback();
            assertThat(hanging.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(RawHttp.get(server.port(), "/metrics").body())
                .containsPattern("crmbench_db_requests_expired_total [1-9]");
    }

    @Test
    void stoppingTheServerCancelsTheStatementsStillRunning() throws Exception {
        ApiServer server = start(ServerSettings.defaults()
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(300)));
        try (Connection lock = lockReadTable()) {
            CompletableFuture.runAsync(() -> get(server, "/api/users/?city=vienna"));
            waitUntil(() -> !runningStatements().isEmpty());

            server.close();

            waitUntil(() -> runningStatements().isEmpty());
            assertThat(runningStatements()).isEmpty();
            lock.rollback();
        }
    }

    /**
     * HTTP/1.1 tells the server nothing when a client goes away mid-request (Jetty does not read
     * ahead while a request is handled); the kernel's TCP table does, and the statement is
     * cancelled long before its 60 s budget.
     */
    @Test
    void aClientThatDisconnectsHasItsStatementCancelled() throws Exception {
        ApiServer server = start(ServerSettings.defaults()
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1)));
        try (Connection lock = lockReadTable()) {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", server.port()));
                client.getOutputStream()
                        .write(("GET /api/users/ HTTP/1.1\r\nHost: x\r\n" + RawHttp.AUTHORIZATION + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                waitUntil(() -> !runningStatements().isEmpty());
                Thread.sleep(500); // still running with its client there: not cancelled
                assertThat(runningStatements()).hasSize(1);
            }
            long gone = System.nanoTime();
            waitUntil(() -> runningStatements().isEmpty());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - gone)).isLessThan(5_000);
            lock.rollback();
        }
        assertThat(metric(server, "crmbench_db_statements_abandoned_total")).isEqualTo(1);
    }

    /**
     * Lookups queued behind one that waits on a lock share one statement once it is released,
     * and every client gets its own user, or a 404 JSON for an id that does not exist, whether it
     * asked by path or through run-query.
     */
    @Test
    void lookupsSharingAStatementEachGetTheirOwnUserOrTheir404() throws Exception {
        ApiServer server = start(ServerSettings.defaults().withConnections(2, 1, 100));
        List<CompletableFuture<RawHttp.Reply>> replies = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (Connection lock = lock("address")) {
            for (long i = 0; i < 30; i++) {
                long id = i % 7 == 3 ? 100_000 + i : 1 + i * 150; // every seventh does not exist
                ids.add(id);
                String target =
                        i % 2 == 0 ? "/api/users/" + id + "/" : "/api/run-query/?count=1&type=get&user_id=" + id;
                replies.add(CompletableFuture.supplyAsync(() -> get(server, target), CLIENTS));
                if (i == 0) { // the first runs alone, waiting on the lock; the others queue behind it
                    waitUntil(() -> runningStatements("address").size() == 1);
                }
            }
            waitUntil(() -> metric(server, "crmbench_db_requests_waiting{lane=\"lookup\"}") == ids.size() - 1);
            lock.rollback();
        }
        for (int i = 0; i < ids.size(); i++) {
            RawHttp.Reply reply = replies.get(i).get(10, TimeUnit.SECONDS);
            if (ids.get(i) > 100_000) {
                assertJsonError(reply, 404);
                assertThat(json(reply).get("error").asText()).isEqualTo("user " + ids.get(i) + " does not exist");
            } else {
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(json(reply).get("id").asLong()).isEqualTo(ids.get(i));
            }
        }
        assertThat(metric(server, "crmbench_db_shared_statements_total")).isEqualTo(1);
        assertThat(metric(server, "crmbench_db_shared_lookups_total")).isEqualTo(ids.size() - 1);
    }

    /** A shared statement keeps the time budget: past it, each request that shared it gets its 503. */
    @Test
    void aSharedStatementPastItsTimeBudgetIs503ForEachRequestThatSharedIt() throws Exception {
        ApiServer server = start(ServerSettings.defaults()
                .withConnections(2, 1, 100)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(1)));
        List<CompletableFuture<RawHttp.Reply>> replies = new ArrayList<>();
        try (Connection lock = lock("address")) {
            for (int i = 1; i <= 5; i++) {
                String target = "/api/users/" + i + "/";
                replies.add(CompletableFuture.supplyAsync(() -> get(server, target), CLIENTS));
            }
            for (CompletableFuture<RawHttp.Reply> reply : replies) {
                RawHttp.Reply answer = reply.get(10, TimeUnit.SECONDS);
                assertJsonError(answer, 503);
                assertThat(json(answer).get("error").asText()).contains("time budget (500 ms)");
            }
            lock.rollback();
        }
        assertThat(metric(server, "crmbench_db_shared_statements_total")).isPositive();
        assertThat(RawHttp.get(server.port(), "/api/users/1/").status()).isEqualTo(200);
    }

    /**
     * A statement several clients share is cancelled when all of them have hung up, not before:
     * the others still want their users.
     */
    @Test
    void aSharedStatementIsCancelledOnlyOnceAllItsClientsHaveHungUp() throws Exception {
        ApiServer server = startForHangUps();
        assertCancelledOnlyOnceAllHungUp(
                server,
                "address",
                "lookup",
                List.of("/api/users/1/", "/api/users/2/", "/api/users/3/", "/api/users/4/"));
        assertThat(metric(server, "crmbench_db_shared_statements_total")).isEqualTo(1);
    }

    /**
     * Identical list requests queued behind one that waits on a lock share one read once it is
     * released: each client gets the page a request alone gets, and different ones queued among
     * them run their own statements.
     */
    @Test
    void identicalListRequestsWaitingTogetherShareOneReadAndEachGetsItsPage() throws Exception {
        ApiServer server = start(ServerSettings.defaults().withConnections(2, 1, 100));
        String identical = "/api/users/?ordering=-relationship__points&tier=gold&page=2";
        List<String> targets = new ArrayList<>();
        List<CompletableFuture<RawHttp.Reply>> replies = new ArrayList<>();
        try (Connection lock = lockReadTable()) {
            replies.add(CompletableFuture.supplyAsync(() -> get(server, "/api/users/?page=5"), CLIENTS));
            targets.add("/api/users/?page=5");
            waitUntil(() -> runningStatements().size() == 1); // the first runs alone, waiting on the lock
            for (int i = 0; i < 12; i++) {
                // the same parameters in another order are the same request; three different ones among them
                String target = i % 4 == 3
                        ? "/api/users/?page=" + (i + 10)
                        : i % 2 == 0 ? identical : "/api/users/?page=2&tier=gold&ordering=-relationship__points";
                targets.add(target);
                replies.add(CompletableFuture.supplyAsync(() -> get(server, target), CLIENTS));
            }
            waitUntil(() -> metric(server, "crmbench_db_requests_waiting{lane=\"list\"}") == 12);
            lock.rollback();
        }
        for (int i = 0; i < targets.size(); i++) {
            RawHttp.Reply reply = replies.get(i).get(10, TimeUnit.SECONDS);
            RawHttp.Reply alone = get(server, targets.get(i));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(json(reply)).as(targets.get(i)).isEqualTo(json(alone));
            assertThat(json(reply).get("results")).hasSize(50);
        }
        assertThat(json(replies.get(1).get())
                        .get("results")
                        .get(0)
                        .at("/relationship/tier")
                        .asText())
                .isEqualTo("gold");
        assertThat(metric(server, "crmbench_db_shared_list_reads_total")).isEqualTo(1);
        assertThat(metric(server, "crmbench_db_shared_list_requests_total")).isEqualTo(9);
    }

    /**
     * A shared read keeps the time budget: past it, each request that shared it gets its 503, and
     * identical requests of another kind queued behind them share their own read, which succeeds.
     */
    @Test
    void aSharedListReadThatFailsFailsOnlyTheRequestsThatSharedIt() throws Exception {
        ApiServer server = start(ServerSettings.defaults()
                .withConnections(2, 1, 100)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(1)));
        List<CompletableFuture<RawHttp.Reply>> failing = new ArrayList<>();
        List<CompletableFuture<RawHttp.Reply>> served = new ArrayList<>();
        try (Connection lock = lockReadTable()) {
            CompletableFuture<RawHttp.Reply> first = CompletableFuture.supplyAsync(() -> get(server, "/api/users/"));
            waitUntil(() -> runningStatements().size() == 1);
            for (int i = 0; i < 4; i++) {
                failing.add(CompletableFuture.supplyAsync(() -> get(server, "/api/users/?city=vienna"), CLIENTS));
            }
            waitUntil(() -> metric(server, "crmbench_db_requests_waiting{lane=\"list\"}") == 4);
            for (int i = 0; i < 3; i++) {
                served.add(CompletableFuture.supplyAsync(() -> get(server, "/api/users/?page=3"), CLIENTS));
            }
            waitUntil(() -> metric(server, "crmbench_db_requests_waiting{lane=\"list\"}") == 7);
            assertJsonError(first.get(10, TimeUnit.SECONDS), 503);
            // the four share one read, which the lock holds past its budget; then the lock goes
            waitUntil(() -> metric(server, "crmbench_db_shared_list_reads_total") == 1);
            lock.rollback();
        }
        for (CompletableFuture<RawHttp.Reply> reply : failing) {
            RawHttp.Reply answer = reply.get(10, TimeUnit.SECONDS);
            assertJsonError(answer, 503);
            assertThat(json(answer).get("error").asText()).contains("time budget (500 ms)");
        }
        RawHttp.Reply alone = get(server, "/api/users/?page=3");
        for (CompletableFuture<RawHttp.Reply> reply : served) {
            RawHttp.Reply answer = reply.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(json(answer)).isEqualTo(json(alone));
        }
        assertThat(metric(server, "crmbench_db_shared_list_reads_total")).isEqualTo(2);
        assertThat(metric(server, "crmbench_db_shared_list_requests_total")).isEqualTo(7);
    }

    /** A read identical list requests share is cancelled when all their clients have hung up, not before. */
    @Test
    void aSharedListReadIsCancelledOnlyOnceAllItsClientsHaveHungUp() throws Exception {
        ApiServer server = startForHangUps();
        String city = "/api/users/?city=vienna";
        assertCancelledOnlyOnceAllHungUp(server, "user_list", "list", List.of("/api/users/?page=7", city, city, city));
        assertThat(metric(server, "crmbench_db_shared_list_reads_total")).isEqualTo(1);
    }

    /** A server whose statements may run a minute: only a hang-up or the test ends them. */
    private static ApiServer startForHangUps() {
        return start(ServerSettings.defaults()
                .withConnections(2, 1, 100)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }

    /**
     * Sends the four {@code targets} (raw sockets) while {@code table} is locked: the first runs
     * alone and its client hangs up (cancelled); the other three then share one statement, which
     * runs on while two of their clients hang up and is cancelled when the third does.
     */
    private static void assertCancelledOnlyOnceAllHungUp(
            ApiServer server, String table, String lane, List<String> targets) throws Exception {
        String waiting = "crmbench_db_requests_waiting{lane=\"" + lane + "\"}";
        List<Socket> clients = new ArrayList<>();
        try (Connection lock = lock(table)) {
            for (String target : targets) {
                Socket client = new Socket();
                clients.add(client);
                client.connect(new InetSocketAddress("127.0.0.1", server.port()));
                client.getOutputStream()
                        .write(("GET " + target + " HTTP/1.1\r\nHost: x\r\n" + RawHttp.AUTHORIZATION + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                if (clients.size() == 1) {
                    waitUntil(() -> runningStatements(table).size() == 1); // the first runs alone
                }
            }
            waitUntil(() -> metric(server, waiting) == 3);
            clients.getFirst().close(); // the lone statement's client: cancelled, then the three share one
            waitUntil(() -> metric(server, "crmbench_db_statements_abandoned_total") == 1);
            // the three taken together (none waits) and their one statement running (its text is cut short there)
            waitUntil(() ->
                    metric(server, waiting) == 0 && runningStatements(table).size() == 1);

            clients.get(1).close();
            clients.get(2).close();
            Thread.sleep(800); // the watch looks every 200 ms: one client of three is still there
            assertThat(runningStatements(table)).hasSize(1);

            clients.get(3).close();
            waitUntil(() -> runningStatements(table).isEmpty());
            lock.rollback();
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
        assertThat(metric(server, "crmbench_db_statements_abandoned_total")).isEqualTo(2);
    }

    /**
     * A list worker rests after each list request while lookups come in (so dear lists cannot
     * crowd them off the CPU), and does not rest when no lookup came in the last second.
     */
    @Test
    void listWorkersRestInProportionWhileLookupsComeInAndOnlyThen() throws Exception {
        ApiServer server = start(ServerSettings.defaults().withConnections(3, 1, 20));
        String dear = "/api/users/?page_size=500&ordering=-relationship__lifetime_value";
        for (int i = 0; i < 10; i++) {
            assertThat(get(server, dear).status()).isEqualTo(200);
        }
        assertThat(metric(server, "crmbench_db_list_rest_seconds_total"))
                .as("no lookups: lists use the cores")
                .isZero();

        AtomicBoolean listsDone = new AtomicBoolean();
        CompletableFuture<Void> lookups = CompletableFuture.runAsync(() -> {
            for (int i = 1; !listsDone.get(); i++) {
                get(server, "/api/run-query/?count=1&type=get&user_id=" + (1 + i % 5_000));
            }
        });
        waitUntil(() -> metric(server, "crmbench_http_requests_total{route=\"/api/run-query/\",status=\"200\"}") > 0);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(get(server, dear).status()).isEqualTo(200);
        }
        double listSeconds = (System.nanoTime() - start) / 1e9;
        listsDone.set(true);
        lookups.get(30, TimeUnit.SECONDS);
        double rest = metric(server, "crmbench_db_list_rest_seconds_total");
        // share 20%: the one list worker rests 4 times each request's time, so most of the wall
        // time of ten requests in a row is rest (the last rest may still be under way)
        assertThat(rest).as("rested %.3f s of %.3f s", rest, listSeconds).isGreaterThan(0.5 * listSeconds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ambiguous dot segment|GET /api/users/%2e%2e/ HTTP/1.1|400",
                "empty segment|GET //api/users/ HTTP/1.1|400",
                "HTTP version|GET /health HTTP/3.0|505",
                "bad request line|GARBAGE|400",
                // the Host header names the server's own port: with another authority, Jetty refuses it (400)
                "CONNECT|CONNECT 127.0.0.1:{port} HTTP/1.1|405",
            })
    void jettysOwnErrorsAreJsonWithoutServerName(String what, String requestLine, int status) throws Exception {
        ApiServer server = start(ServerSettings.defaults());

        RawHttp.Reply reply = RawHttp.request(
                server.port(), requestLine.replace("{port}", Integer.toString(server.port())), RawHttp.AUTHORIZATION);

        assertJsonError(reply, status);
    }

    @Test
    void aLongUriHugeHeadersAndABodyGetJsonErrorsToo() throws Exception {
        ApiServer server = start(ServerSettings.defaults());

        assertJsonError(RawHttp.get(server.port(), "/api/users/?last_name=" + "x".repeat(20_000)), 414);
        assertJsonError(
                RawHttp.request(
                        server.port(),
                        "GET /health HTTP/1.1",
                        RawHttp.AUTHORIZATION + "X-Big: " + "y".repeat(20_000) + "\r\n"),
                431);
        assertJsonError(
                RawHttp.request(
                        server.port(),
                        "POST /api/users/ HTTP/1.1",
                        RawHttp.AUTHORIZATION + "Content-Length: 10000000\r\n"),
                413);
        RawHttp.Reply post = RawHttp.request(
                server.port(), "POST /api/users/ HTTP/1.1", RawHttp.AUTHORIZATION + "Content-Length: 0\r\n");
        assertJsonError(post, 405);
        assertThat(post.header("allow")).isEqualTo("GET, HEAD");
    }

    /**
     * Jetty 12.1.14 answers a 431 on another thread and could then hand the bad request's
     * buffer to the next connection while still reading into it, so that the next client's
     * request failed ("400 No URI", an empty reply) a few times in these 3,000 pairs
     * ({@link SerialHttpConnectionFactory}). Two spinning threads supply the CPU contention it
     * needs.
     */
    @Test
    void hugeHeadersDoNotSpoilTheNextClientsRequest() throws Exception {
        ApiServer server = start(ServerSettings.defaults());
        String hugeHeader = RawHttp.AUTHORIZATION + "X-Big: " + "y".repeat(20_000) + "\r\n";
        AtomicBoolean spin = new AtomicBoolean(true);
        List<Thread> spinners = List.of(
                Thread.ofPlatform().start(() -> spinWhile(spin)),
                Thread.ofPlatform().start(() -> spinWhile(spin)));
        List<String> spoiled = new ArrayList<>();
        try {
            for (int i = 0; i < 3_000; i++) {
                String huge = replyOrFailure(() -> RawHttp.request(server.port(), "GET /health HTTP/1.1", hugeHeader));
                // the server closes with the rest of the headers unread, so a reset may overtake its
                // 431: no reply is fair here, another reply is not
                if (!huge.startsWith("431 ") && !huge.startsWith("no reply")) {
                    spoiled.add("to the huge request: " + huge);
                }
                int n = i;
                String reply = replyOrFailure(() -> RawHttp.get(server.port(), "/health?n=" + n));
                if (!reply.startsWith("400 ") || !reply.contains("unknown")) {
                    spoiled.add(reply);
                }
            }
        } finally {
            spin.set(false);
            for (Thread spinner : spinners) {
                spinner.join();
            }
        }
        assertThat(spoiled)
                .as("replies to GET /health?n=i after a 431, and to the huge requests")
                .isEmpty();
    }

    private static void spinWhile(AtomicBoolean spin) {
        while (spin.get()) {
            Thread.onSpinWait();
        }
    }

    private interface RawRequest {
        RawHttp.Reply send() throws IOException;
    }

    private static String replyOrFailure(RawRequest request) {
        try {
            RawHttp.Reply reply = request.send();
            return reply.status() + " " + reply.body();
        } catch (IOException | IllegalStateException e) {
            return "no reply: " + e.getMessage();
        }
    }

    @Test
    void slowAndSurplusConnectionsAreClosedAndTheServerKeepsServing() throws Exception {
        ApiServer server = start(
                ServerSettings.defaults().withConnectionLimits(Duration.ofMillis(800), Duration.ofMillis(500), 20));
        List<Socket> slow = new ArrayList<>();
        try {
            // slowloris: 20 connections that trickle a request line and never finish it
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET /health HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            // a byte every 150 ms for 2 s: the idle timeout (800 ms) never fires, the header deadline must
            for (int i = 0; i < 13; i++) {
                Thread.sleep(150);
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write('a');
                    } catch (IOException closed) {
                        // closed by the server: what we want
                    }
                }
            }
            // all 20 slots were taken; the header deadline (500 ms, at most twice that) freed them
            long start = System.nanoTime();
            assertThat(RawHttp.get(server.port(), "/health").status()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
            for (Socket s : slow) {
                s.setSoTimeout(2_000);
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                // closed by the server, after a JSON error or without a word
                assertThat(answer)
                        .satisfiesAnyOf(
                                a -> assertThat(a).isEmpty(),
                                a -> assertThat(a)
                                        .startsWith("HTTP/1.1 4")
                                        .contains("application/json", "{\"error\":"));
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        ApiServer server = start(
                ServerSettings.defaults().withConnectionLimits(Duration.ofMillis(400), Duration.ofSeconds(10), 100));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(3_000);
            long start = System.nanoTime();
            byte[] buffer = new byte[4096];
            while (s.getInputStream().read(buffer) > 0) {
                // the response, then the close
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 2_500L);
        }
    }

    private static void assertJsonError(RawHttp.Reply reply, int status) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.header("server")).isNull();
        assertThat(json(reply).get("error").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("<html", "Exception", "jetty");
    }

    /** The value of a metric in /metrics, its labels part of the name; 0 before it is first counted. */
    private static double metric(ApiServer server, String name) {
        return get(server, "/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    private static JsonNode json(RawHttp.Reply reply) throws IOException {
        return JSON.readTree(reply.body());
    }

    private static RawHttp.Reply get(ApiServer server, String target) {
        try {
            return RawHttp.get(server.port(), target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Check check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}
