package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.EmbeddedSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded primary with one replica made by {@code db start --replicas 1}; and losing it under load. */
class EmbeddedReplicaReadsTest extends ReplicaReadsContract {
    @TempDir
    static Path tmp;

    private EmbeddedSettings primarySettings;
    private EmbeddedReplicas replicas;

    @BeforeAll
    void primaryAndReplica() throws Exception {
        primarySettings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePortPair());
        replicas = new EmbeddedReplicas(primarySettings);
        replicas.start(1);
        serve(
                new DbSettings(null, primarySettings, 4),
                replicas.targets().getFirst(),
                new DbSettings(null, replicas.replica(1), 1));
    }

    @AfterAll
    void stopServers() {
        stopServing();
        if (replicas != null) {
            replicas.stopAll();
        }
        new EmbeddedPostgresServer(primarySettings).stop();
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
}
