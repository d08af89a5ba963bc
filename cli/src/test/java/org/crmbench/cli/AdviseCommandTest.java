package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviseCommandTest {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/x";

    @TempDir
    Path tmp;

    @Test
    void badOptionsAndWorkloadFilesAreUsageErrorsInOneSentence() throws Exception {
        CliRun cap = CliRun.of("advise", "--cap", "9ms", "--jdbc-url", UNREACHABLE);
        assertThat(cap.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cap.err())
                .contains("--cap must be at least 10ms (the planner's EXPLAIN runs under it too) but was 9ms");

        CliRun top = CliRun.of("advise", "--from-pg-stat-statements", "0", "--jdbc-url", UNREACHABLE);
        assertThat(top.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(top.err()).contains("--from-pg-stat-statements must be at least 1 but was 0");

        CliRun both =
                CliRun.of("advise", "--from-pg-stat-statements", "--workload", "w.yaml", "--jdbc-url", UNREACHABLE);
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("mutually exclusive");

        CliRun size = CliRun.of("advise", "--max-size", "lots", "--jdbc-url", UNREACHABLE);
        assertThat(size.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(size.err()).contains("--max-size");
    }

    @Test
    void aWorkloadFileIsAdvisedIntoAnIndexSetAndAReport() throws Exception {
        String[] where = {"--data-dir", tmp.resolve("pgdata").toString(), "--db-port", "" + EmbeddedDatabase.freePort()
        };
        assertThat(CliRun.of(DbCommandsTest.args("generate", "--n=30000", where, "--no-indexes"))
                        .exitCode())
                .isZero();

        Path typo = tmp.resolve("typo.yaml");
        Files.writeString(typo, "name: t\nstatments:\n  - sql: select 1\n");
        CliRun bad = CliRun.of(DbCommandsTest.args("advise", "--workload=" + typo, where));
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("typo.yaml line 2: unknown key 'statments'");

        Path out = tmp.resolve("advise");
        Path workload = Path.of("..", "examples", "advise", "workload.yaml").toAbsolutePath();
        CliRun run = CliRun.of(DbCommandsTest.args(
                "advise", "--workload=" + workload, where, "--repeat=3", "--warmup=1", "--out", out.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("measuring 3 statements as the database is");
        assertThat(run.out())
                .contains("candidates, each built and measured alone")
                .contains("indexes recommended");
        // the city filter then the sort by lifetime value is the index the first statement needs
        String sql = Files.readString(out.resolve("advise.sql"));
        assertThat(sql).containsPattern("(?i)create index \\S+ on crmbench\\.user_list \\(city_key, lifetime_value");
        assertThat(Files.readAllLines(out.resolve("benchmarks.csv"))).hasSize(1 + 2 * 3);

        CliRun report = CliRun.of("report", out.resolve("benchmarks.csv").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("biggest spenders in a city");
    }
}
