package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        try {
            replicas.start(1);
            EmbeddedSettings replica = replicas.replica(1);
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
        if (!System.getProperty("user.name").equals("root") || !Files.isExecutable(Path.of("/usr/bin/psql"))) {
            return; // switching accounts needs root, as in CI
        }
        String url = "postgresql://postgres@127.0.0.1:" + primary.port() + "/postgres?replication=database";
        String password = new SuperuserPassword(primary.passwordFile()).read().orElseThrow();
        assertThat(asNobody(Map.of(), url)).contains("no password supplied");
        assertThat(asNobody(Map.of("PGPASSWORD", "wrong"), url)).contains("password authentication failed");
        assertThat(asNobody(Map.of("PGPASSWORD", password), url)).contains("systemid");
    }

    private static String asNobody(Map<String, String> env, String url) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("runuser", "-u", "nobody", "--", "psql", "-X", "-w", url, "-c", "IDENTIFY_SYSTEM"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
