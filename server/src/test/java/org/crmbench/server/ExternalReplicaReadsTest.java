package org.crmbench.server;

import java.nio.file.Path;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * CI's Debian PostgreSQL 15 and a streaming replica of it made by {@code pg_basebackup -R}
 * (.ci/run starts both, with pg_stat_statements, and sets these variables).
 */
@EnabledIfEnvironmentVariable(named = "CRMBENCH_TEST_REPLICA_URL", matches = "jdbc:postgresql:.*")
class ExternalReplicaReadsTest extends ReplicaReadsContract {
    private static final String USER = System.getenv("CRMBENCH_TEST_USER");
    private static final String PASSWORD = System.getenv("CRMBENCH_TEST_PASSWORD");

    @BeforeAll
    void primaryAndReplica() throws Exception {
        EmbeddedSettings unused = new EmbeddedSettings(Path.of("unused"), 1);
        ConnectionTarget primary = new ConnectionTarget(System.getenv("CRMBENCH_TEST_JDBC_URL"), USER, PASSWORD);
        ConnectionTarget replica = new ConnectionTarget(System.getenv("CRMBENCH_TEST_REPLICA_URL"), USER, PASSWORD);
        serve(new DbSettings(primary, unused, 4), replica, new DbSettings(replica, unused, 1));
    }

    @AfterAll
    void stop() {
        stopServing();
    }
}
