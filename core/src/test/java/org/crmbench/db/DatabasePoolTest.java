package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session every pooled connection starts with. */
class DatabasePoolTest {
    @TempDir
    Path tmp;

    @Test
    void everyConnectionPlansSeriallyAndKeepsTheStatementTimeout() throws Exception {
        DbSettings settings = new DbSettings(
                        null, new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort()), 2)
                .withStatementTimeout(Duration.ofMillis(1500));
        try (Database db = Database.open(settings)) {
            for (int i = 0; i < 3; i++) { // more connections than the pool keeps idle
                assertThat(db.dsl().fetchValue("show max_parallel_workers_per_gather"))
                        .isEqualTo("0");
                assertThat(db.dsl().fetchValue("show statement_timeout")).isEqualTo("1500ms");
            }
        }
        DbSettings noTimeout =
                new DbSettings(null, new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort()), 2);
        try (Database db = Database.open(noTimeout)) {
            assertThat(db.dsl().fetchValue("show max_parallel_workers_per_gather"))
                    .isEqualTo("0");
            assertThat(db.dsl().fetchValue("show statement_timeout")).isEqualTo("0");
        }
    }
}
