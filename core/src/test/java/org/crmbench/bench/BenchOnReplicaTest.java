package org.crmbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.EmbeddedSettings;
import org.crmbench.db.ReplicaReplay;
import org.crmbench.schema.IndexSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench builds each index set on the primary and measures on a real streaming replica once it replayed it. */
class BenchOnReplicaTest {
    /**
     * The API's statements, as jOOQ renders them (quoted names); not the dataset's DDL, the index
     * builds, the count that checks a dataset exists, nor the EXPLAIN of the plans.
     */
    private static final String BENCH_CALLS = "select coalesce(sum(calls), 0)::bigint from pg_stat_statements"
            + " where query like 'select %' and query like '%\"crmbench\".%' and query not like 'select count(*)%'";

    private static final String SECONDARY_INDEXES =
            "select count(*) from pg_indexes where schemaname = 'crmbench' and indexname not like '%pkey'";

    @TempDir
    Path tmp;

    @Test
    void theStatementsRunOnTheReplicaWithTheIndexesBuiltOnThePrimary() throws Exception {
        EmbeddedSettings primarySettings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePortPair());
        EmbeddedReplicas replicas = new EmbeddedReplicas(primarySettings);
        replicas.start(1);
        try (Database primary = Database.open(new DbSettings(null, primarySettings, 2));
                Database replica = Database.open(new DbSettings(null, replicas.replica(1), 2))) {
            EmbeddedDatabase.generate(primary, 5_000, IndexSet.of(IndexSet.BASELINE));
            primary.dsl().execute("create extension if not exists pg_stat_statements");
            assertThatThrownBy(() -> ReplicaReplay.requireReplica(primary))
                    .isInstanceOf(CrmbenchException.class)
                    .hasMessageContaining("is not a streaming replica");
            ReplicaReplay.requireReplica(replica);
            ReplicaReplay.await(primary, replica, Duration.ofMinutes(1));
            long onPrimary = calls(primary);
            long onReplica = calls(replica);

            List<String> phases = new ArrayList<>();
            BenchSettings settings = new BenchSettings(
                    4,
                    1,
                    Duration.ZERO,
                    List.of("filter_last_name"),
                    false,
                    50,
                    List.of(IndexSet.of(IndexSet.BEST)),
                    tmp.resolve("reports"),
                    42);
            Bench.Outcome outcome = Bench.run(primary, replica, settings, new BenchTest.RecordingListener(phases));

            assertThat(phases).anyMatch(p -> p.startsWith("waiting for the replica to replay the index set"));
            assertThat(outcome.run().results())
                    .singleElement()
                    .satisfies(r -> assertThat(r.plan())
                            .as("the plan, from the replica, uses an index the set built on the primary")
                            .containsPattern("Index (Only )?Scan"));
            assertThat(calls(replica) - onReplica)
                    .as("bench statements on the replica")
                    .isGreaterThanOrEqualTo(5);
            assertThat(calls(primary) - onPrimary)
                    .as("bench statements on the primary")
                    .isZero();
            // the indexes as found are put back on the primary, and the replica follows
            ReplicaReplay.await(primary, replica, Duration.ofMinutes(1));
            assertThat(replica.dsl().fetchValue(SECONDARY_INDEXES))
                    .isEqualTo(primary.dsl().fetchValue(SECONDARY_INDEXES));
        } finally {
            replicas.stopAll();
            new EmbeddedPostgresServer(primarySettings).stop();
        }
    }

    private static long calls(Database db) {
        return ((Number) db.dsl().fetchValue(BENCH_CALLS)).longValue();
    }
}
