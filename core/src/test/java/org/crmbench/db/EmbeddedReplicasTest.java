package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded primary and a streaming replica made from it without pg_basebackup. */
class EmbeddedReplicasTest {
    @TempDir
    Path tmp;

    @Test
    void aReplicaFollowsThePrimaryReadOnlyAndReplicationAsksForThePassword() throws Exception {
        EmbeddedSettings primary = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePortPair());
        EmbeddedReplicas replicas = new EmbeddedReplicas(primary);
        // what a base backup cut short leaves: made again, not taken for a replica
        Path cutShort = Files.createDirectories(tmp.resolve("pgdata-replica-1.partial/base"));
        try {
            replicas.start(1);
            EmbeddedSettings replica = replicas.replica(1);
            assertThat(cutShort.getParent()).doesNotExist();
            assertThat(replica.port()).isEqualTo(primary.port() + 1);
            try (Database p = Database.open(new DbSettings(null, primary, 1));
                    Database r = Database.open(new DbSettings(null, replica, 1))) {
                assertThat(p.dsl().fetchValue("show wal_level")).isEqualTo("replica");
                p.dsl().execute("create table replicated as select 42 as x"); // table and row in one commit
                assertThat(r.dsl().fetchValue("select pg_is_in_recovery()")).isEqualTo(true);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (r.dsl()
                        .fetchValue("select to_regclass('replicated') is null")
                        .equals(true)) {
                    assertThat(System.nanoTime())
                            .as("the row reached the replica")
                            .isLessThan(deadline);
                    Thread.sleep(100);
                }
                assertThat(r.dsl().fetchValue("select x from replicated")).isEqualTo(42);
                assertThatThrownBy(() -> r.dsl().execute("insert into replicated values (1)"))
                        .hasMessageContaining("read-only");
                assertThat(r.target().password()).isEqualTo(p.target().password());
            }
            replicationAsksForThePassword(primary);
        } finally {
            replicas.stopAll();
            new EmbeddedPostgresServer(primary).stop();
        }
    }

    /** Now that the primary takes replication connections, they too need the password. */
    private static void replicationAsksForThePassword(EmbeddedSettings primary) throws Exception {
        if (!OtherAccount.available()) {
            return; // switching accounts needs root, as in CI
        }
        String url = "postgresql://postgres@127.0.0.1:" + primary.port() + "/postgres?replication=database";
        String password = new SuperuserPassword(primary.passwordFile()).read().orElseThrow();
        assertThat(OtherAccount.run(Map.of(), "psql", "-X", "-w", url, "-c", "IDENTIFY_SYSTEM"))
                .contains("no password supplied");
        assertThat(OtherAccount.run(Map.of("PGPASSWORD", "wrong"), "psql", "-X", "-w", url, "-c", "IDENTIFY_SYSTEM"))
                .contains("password authentication failed");
        assertThat(OtherAccount.run(Map.of("PGPASSWORD", password), "psql", "-X", "-w", url, "-c", "IDENTIFY_SYSTEM"))
                .contains("systemid");
    }
}
