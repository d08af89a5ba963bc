package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAndReportCommandTest {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/x";

    @TempDir
    Path tmp;

    @Test
    void unknownScenarioListsTheValidOnes() {
        CliRun run = CliRun.of("bench", "--scenario", "nope", "--jdbc-url", UNREACHABLE);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("error: unknown scenario 'nope'; valid: initial_page, filter_last_name");
    }

    @Test
    void repeatZeroAndMissingIndexFileAreUsageErrors() {
        assertThat(CliRun.of("bench", "--repeat", "0", "--jdbc-url", UNREACHABLE)
                        .err())
                .contains("--repeat must be at least 1 but was 0");
        CliRun missing = CliRun.of("bench", "--indexes", tmp.resolve("none.sql").toString(), "--jdbc-url", UNREACHABLE);
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("--indexes: no such index file");
        CliRun unknownSet = CliRun.of("bench", "--index-sets", "baseline,quick", "--jdbc-url", UNREACHABLE);
        assertThat(unknownSet.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownSet.err()).contains("--index-sets: unknown index set 'quick'");
        CliRun both = CliRun.of("bench", "--index-sets", "seed", "--baseline", "--jdbc-url", UNREACHABLE);
        assertThat(both.err()).contains("leave out --baseline and --indexes");
        assertThat(CliRun.of("bench", "--page-size", "500", "--jdbc-url", UNREACHABLE)
                        .err())
                .contains("--page-size applies to --surface only");
    }

    @Test
    void emptyDatabaseTellsToGenerateFirst() throws Exception {
        String[] where = {"--data-dir", tmp.resolve("pgdata").toString(), "--db-port", "" + EmbeddedDatabase.freePort()
        };

        CliRun run = CliRun.of(DbCommandsTest.args("bench", "--repeat=1", where));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("run 'crmbench generate' first");
    }

    @Test
    void benchThenReportPrintsAndComparesTheTable() throws Exception {
        String[] where = {"--data-dir", tmp.resolve("pgdata").toString(), "--db-port", "" + EmbeddedDatabase.freePort()
        };
        assertThat(CliRun.of(DbCommandsTest.args("generate", "--n=3000", where)).exitCode())
                .isZero();
        Path out = tmp.resolve("reports");

        CliRun bench = CliRun.of(DbCommandsTest.args(
                "bench",
                "--repeat=2",
                where,
                "--warmup=1",
                "--out",
                out.toString(),
                "--scenario",
                "lookup_user",
                "--scenario",
                "initial_page",
                "--baseline"));
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out())
                .containsPattern("initial_page +baseline +2 ")
                .containsPattern("lookup_user +lean +2 ")
                .contains("Speed-up of each index set over baseline");

        CliRun report = CliRun.of("report", out.resolve("benchmarks.csv").toString());
        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).containsPattern("lookup_user +baseline +2 ");

        CliRun compare = CliRun.of(
                "report",
                out.resolve("benchmarks.csv").toString(),
                out.resolve("benchmarks.csv").toString());
        assertThat(compare.exitCode()).isZero();
        assertThat(compare.out()).containsPattern("initial_page \\(lean\\) .* \\+0% .* same");
    }

    @Test
    void reportOfAFileThatIsNotABenchCsvIsAUsageError() throws Exception {
        Path other = Files.writeString(tmp.resolve("x.csv"), "a,b\n1,2\n");

        CliRun run = CliRun.of("report", other.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("has unknown columns (a,b)");
    }
}
