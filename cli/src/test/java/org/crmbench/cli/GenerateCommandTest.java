package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateCommandTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--n|0|--n must be at least 1 but was 0",
                "--n|-5|--n must be at least 1 but was -5",
                "--n|abc|Invalid value for option '--n': 'abc' is not a long",
                "--chunk|0|--chunk must be at least 1 but was 0",
                "--threads|0|--threads must be between 1 and 64 but was 0"
            })
    void badNumbersAreUsageErrorsNamingTheOption(String option, String value, String message) {
        CliRun run = CliRun.of("generate", option, value, "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines().findFirst()).hasValue("error: " + message);
    }

    @Test
    void unreachableDatabaseExitsThree() {
        CliRun run = CliRun.of("generate", "--n", "10", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err()).contains("Cannot connect to PostgreSQL");
    }

    @Test
    void generatesIntoTheEmbeddedDatabaseAndPrintsTheSummary() throws Exception {
        String[] where = {"--data-dir", tmp.resolve("pgdata").toString(), "--db-port", "" + EmbeddedDatabase.freePort()
        };

        CliRun run = CliRun.of(DbCommandsTest.args("generate", "--seed=7", where, "--n", "5000"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Generated 5,000 users (seed 7, index set lean)")
                .containsPattern("app_user +5,000 ")
                .containsPattern("customer_relationship +5,000 ")
                .containsPattern("total +\\d+\\.\\d\\d");
        assertThat(CliRun.of(DbCommandsTest.args("db", "status", where)).out())
                .containsPattern("crmbench.address +5,000 rows");
    }
}
