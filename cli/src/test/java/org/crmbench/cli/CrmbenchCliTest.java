package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrmbenchCliTest {
    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generate", "bench", "serve", "load", "report", "db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "bench", "serve", "load", "report", "db", "db start", "db status"})
    void everyCommandHasHelpWithExamples(String command) {
        CliRun run = CliRun.of((command + " --help").split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: crmbench " + command).containsPattern("Examples?:");
    }

    @Test
    void versionNamesTheProductAndThePostgresBinaries() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("crmbench ").contains("embedded PostgreSQL 17");
    }

    @Test
    void unknownOptionIsAUsageErrorInOneSentence() {
        CliRun run = CliRun.of("db", "status", "--bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines()).hasSize(2).first().asString().contains("Unknown option: '--bogus'");
    }

    @Test
    void unreachableServerExitsThreeWithOneSentence() {
        CliRun run = CliRun.of("db", "status", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("error: Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x")
                .doesNotContain("Exception");
    }

    @Test
    void urlOfAnotherDatabaseIsAUsageError() {
        CliRun run = CliRun.of("db", "status", "--jdbc-url", "jdbc:mysql://h/x?password=secret");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("--jdbc-url must start with jdbc:postgresql://")
                .doesNotContain("secret");
    }

    @Test
    void dbCommandsRefuseAnExternalServer() {
        CliRun run = CliRun.of("db", "start", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("manages the embedded PostgreSQL only");
    }
}
