package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The --jdbc-url path against a separately started PostgreSQL (.ci/run starts Debian's
 * PostgreSQL 15 with password authentication and sets these variables).
 */
@EnabledIfEnvironmentVariable(named = "CRMBENCH_TEST_JDBC_URL", matches = "jdbc:postgresql:.*")
class ExternalServerTest {
    private static final String URL = System.getenv("CRMBENCH_TEST_JDBC_URL");
    private static final String USER = System.getenv("CRMBENCH_TEST_USER");
    private static final String PASSWORD = System.getenv("CRMBENCH_TEST_PASSWORD");

    @Test
    void statusOfAnExternalServerNeverShowsThePassword() {
        CliRun run = CliRun.of("db", "status", "--jdbc-url", URL, "--user", USER, "--password", PASSWORD);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("Server +PostgreSQL \\d+")
                .contains("external server", "postgresql://" + USER + "@")
                .doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordExitsThreeWithOneSentence() {
        CliRun run = CliRun.of("db", "status", "--jdbc-url", URL, "--user", USER, "--password", "wrong-" + PASSWORD);

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("password authentication failed")
                .doesNotContain("wrong-" + PASSWORD);
    }
}
