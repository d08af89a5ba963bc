package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.ReadRouting;
import org.crmbench.db.ReplicaReplay;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code serve} in front of a primary and one streaming replica: each server's own
 * pg_stat_statements says which one ran the API's statements. The embedded pair and CI's
 * PostgreSQL 15 pair (made by pg_basebackup -R) run the same checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ReplicaReadsContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration MAX_LAG = Duration.ofSeconds(1);
    /** The API's statements name the schema; the router's checks do not (new connections' SETs name the application). */
    private static final String API_CALLS = "select coalesce(sum(calls), 0)::bigint from pg_stat_statements"
            + " where query like '%crmbench%' and query not like 'SET %' and query not like '%pg_stat_statements%'";

    Database primary;
    Database replica;
    ReadRouting reads;
    ApiServer server;

    /**
     * Generates a dataset on {@code primary} (a pool of the server's size on it, with {@code
     * settings}), then serves it with reads routed to {@code replicaTarget}.
     */
    void serve(DbSettings primarySettings, ConnectionTarget replicaTarget, DbSettings replicaSettings)
            throws Exception {
        ServerSettings settings =
                ServerSettings.defaults().withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT);
        DbSettings db = ApiServer.databaseSettings(primarySettings, settings);
        primary = Database.open(db);
        EmbeddedDatabase.generate(primary, 2_000);
        primary.dsl().execute("create extension if not exists pg_stat_statements");
        replica = Database.open(replicaSettings);
        ReplicaReplay.await(primary, replica, Duration.ofMinutes(1)); // the dataset and the extension
        reads = ReadRouting.open(
                primary, List.of(replicaTarget), db, new ReadRouting.Settings(MAX_LAG, Duration.ofMillis(100)));
        server = ApiServer.start(primary, reads, settings, ServerAccess.open(), "test");
        waitFor("the replica has the dataset and reads go to it", () -> replicaReads(true));
    }

    /** Stops what {@link #serve} started; the servers themselves are the subclass's. */
    void stopServing() {
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
                .contains("crmbench_db_host_requests_total{host=\""
                        + replica.target().address() + "\",role=\"replica\"}")
                .contains("crmbench_db_host_replay_lag_seconds");
    }

    @Test
    @Order(2)
    void aReplicaFurtherBehindThanTheLimitIsSkippedUntilItCatchesUp() throws Exception {
        replica.dsl().execute("select pg_wal_replay_pause()");
        try {
            primary.dsl().execute("create table if not exists written_while_paused as select 1 as x");
            primary.dsl().execute("insert into written_while_paused values (2)");
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

    static long apiCalls(Database db) {
        return ((Number) db.dsl().fetchValue(API_CALLS)).longValue();
    }

    boolean replicaReads(boolean expected) {
        try {
            JsonNode hosts = JSON.readTree(get("/health").body()).get("hosts");
            return hosts.get(1).get("reads").asBoolean() == expected;
        } catch (Exception e) {
            return false;
        }
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    int statusOf(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        URI uri = server.uri().resolve(path);
        return HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
