package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.EmbeddedSettings;
import org.crmbench.db.ReadRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real embedded primary with one streaming replica behind {@code serve}: each server's own
 * pg_stat_statements says which one ran the API's statements.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration MAX_LAG = Duration.ofSeconds(1);
    /** The API's statements name the schema; the router's checks do not (new connections' SETs name the application). */
    private static final String API_CALLS = "select coalesce(sum(calls), 0)::bigint from pg_stat_statements"
            + " where query like '%crmbench%' and query not like 'SET %' and query not like '%pg_stat_statements%'";

    @TempDir
    static Path tmp;

    private static EmbeddedSettings primarySettings;
    private static EmbeddedReplicas replicas;
    private static Database primary;
    private static Database replica;
    private static ReadRouting reads;
    private static ApiServer server;

    @BeforeAll
    static void primaryAndReplica() throws Exception {
        primarySettings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePortPair());
        replicas = new EmbeddedReplicas(primarySettings);
        replicas.start(1);
        ServerSettings settings =
                ServerSettings.defaults().withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT);
        DbSettings db = ApiServer.databaseSettings(new DbSettings(null, primarySettings, 4), settings);
        primary = Database.open(db);
        EmbeddedDatabase.generate(primary, 2_000);
        primary.dsl().execute("create extension if not exists pg_stat_statements");
        replica = Database.open(new DbSettings(null, replicas.replica(1), 1));
        reads = ReadRouting.open(
                primary, replicas.targets(), db, new ReadRouting.Settings(MAX_LAG, Duration.ofMillis(100)));
        server = ApiServer.start(primary, reads, settings, ServerAccess.open(), "test");
        waitFor("the replica has the dataset and reads go to it", () -> replicaReads(true));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (reads != null) {
            reads.close();
        }
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
        if (replicas != null) {
            replicas.stopAll();
        }
        new EmbeddedPostgresServer(primarySettings).stop();
    }

    @Test
    @Order(1)
    void listsAndLookupsRunOnTheReplicaNotThePrimary() throws Exception {
        long onPrimary = apiCalls(primary);
        long onReplica = apiCalls(replica);
        for (int i = 1; i <= 20; i++) {
            assertThat(get("/api/users/" + i + "/").statusCode()).isEqualTo(200);
            assertThat(get("/api/users/?page_size=5&page=" + i).statusCode()).isEqualTo(200);
        }
        assertThat(apiCalls(replica) - onReplica)
                .as("statements the replica ran")
                .isGreaterThanOrEqualTo(40);
        assertThat(apiCalls(primary) - onPrimary)
                .as("statements the primary ran")
                .isZero();

        JsonNode health = JSON.readTree(get("/health").body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("hosts")).hasSize(2);
        JsonNode replicaHost = health.get("hosts").get(1);
        assertThat(replicaHost.get("role").asText()).isEqualTo("replica");
        assertThat(replicaHost.get("reads").asBoolean()).isTrue();
        assertThat(replicaHost.get("requests").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(get("/metrics").body())
                .contains("crmbench_db_host_requests_total{host=\"127.0.0.1:" + (primarySettings.port() + 1)
                        + "\",role=\"replica\"}")
                .contains("crmbench_db_host_replay_lag_seconds");
    }

    @Test
    @Order(2)
    void aReplicaFurtherBehindThanTheLimitIsSkippedUntilItCatchesUp() throws Exception {
        replica.dsl().execute("select pg_wal_replay_pause()");
        try {
            primary.dsl().execute("create table written_while_paused as select 1 as x");
            waitFor("the paused replica is skipped", () -> replicaReads(false));
            long onPrimary = apiCalls(primary);
            assertThat(get("/api/users/7/").statusCode()).isEqualTo(200);
            assertThat(apiCalls(primary) - onPrimary)
                    .as("the lookup ran on the primary")
                    .isEqualTo(1);
            JsonNode lagging = JSON.readTree(get("/health").body()).get("hosts").get(1);
            assertThat(lagging.get("replay_lag_seconds").asDouble()).isGreaterThan(MAX_LAG.toMillis() / 1000.0);
            assertThat(lagging.get("state").asText()).contains("over the 1000 ms limit");
        } finally {
            replica.dsl().execute("select pg_wal_replay_resume()");
        }
        waitFor("reads return to the replica once it caught up", () -> replicaReads(true));
    }

    /**
     * Killed as pg_ctl -m immediate does (SIGQUIT to the postmaster) while requests come in: none
     * gets a 500 or waits past the pool timeout, and after a restart reads go back to it.
     */
    @Test
    @Order(3)
    void losingTheReplicaUnderLoadGivesNo500AndReadsReturnAfterItRestarts() throws Exception {
        EmbeddedPostgresServer replicaServer = new EmbeddedPostgresServer(replicas.replica(1));
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong slowestMs = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        for (int i = 0; i < 8; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < until) {
                    long id = ThreadLocalRandom.current().nextLong(1, 2_001);
                    String path = id % 4 == 0 ? "/api/users/?page_size=10&city=london" : "/api/users/" + id + "/";
                    long start = System.nanoTime();
                    int status = statusOf(path);
                    slowestMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
            }));
        }
        Thread.sleep(1_000);
        long pid = replicaServer.running().orElseThrow().pid();
        assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                        .start()
                        .waitFor())
                .isZero();
        for (Thread client : clients) {
            client.join();
        }
        assertThat(statuses.keySet()).as("statuses while the replica died").isSubsetOf(200, 503);
        assertThat(statuses.get(200).sum()).isGreaterThan(100);
        assertThat(slowestMs.get())
                .as("slowest request, ms")
                .isLessThan(ServerSettings.DEFAULT_POOL_WAIT.toMillis() + 1_000);
        waitFor("the killed replica is no longer used", () -> replicaReads(false));
        assertThat(get("/api/users/3/").statusCode()).isEqualTo(200);

        replicaServer.startInBackground();
        waitFor("reads return to the restarted replica", () -> replicaReads(true));
        long onReplica = apiCalls(replica);
        assertThat(get("/api/users/3/").statusCode()).isEqualTo(200);
        assertThat(apiCalls(replica) - onReplica).isEqualTo(1);
    }

    private static long apiCalls(Database db) {
        return ((Number) db.dsl().fetchValue(API_CALLS)).longValue();
    }

    private static boolean replicaReads(boolean expected) {
        try {
            JsonNode hosts = JSON.readTree(get("/health").body()).get("hosts");
            return hosts.get(1).get("reads").asBoolean() == expected;
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int statusOf(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        URI uri = server.uri().resolve(path);
        return HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
