package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * advise on a server it did not start, from the traffic pg_stat_statements saw (.ci/run preloads
     * it): PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN), so the generic plans come from a prepared
     * statement. The indexes it recommends come from the traffic, and the server's indexes are
     * left as found.
     */
    @Test
    void adviseFromPgStatStatementsLeavesTheServerAsFound(@TempDir Path out) throws Exception {
        CliRun generate = CliRun.of(
                "generate", "--n", "20000", "--no-indexes", "--jdbc-url", URL, "--user", USER, "--password", PASSWORD);
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        List<String> indexesBefore;
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            for (String city : List.of("london", "paris", "berlin")) {
                s.executeQuery("select user_id from crmbench.user_list where tier_key = 'gold' and city_key = '" + city
                                + "' order by points desc limit 10")
                        .close();
            }
            indexesBefore = indexes(s);
        }

        CliRun advise = CliRun.of(
                "advise",
                "--from-pg-stat-statements",
                "10",
                "--jdbc-url",
                URL,
                "--user",
                USER,
                "--password",
                PASSWORD,
                "--out",
                out.toString());

        assertThat(advise.exitCode()).as(advise.err()).isZero();
        // the list query of the traffic, measured with values from the columns it compares
        assertThat(advise.out()).containsPattern("top1_\\w+ +before +\\d+");
        assertThat(Files.readString(out.resolve("advise.sql")))
                .containsPattern("(?i)create index .* on crmbench\\.user_list \\(tier_key, city_key, points");
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            assertThat(indexes(s)).isEqualTo(indexesBefore);
        }
        assertThat(advise.out() + advise.err()).doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PASSWORD);
            }
        }
    }

    private static List<String> indexes(Statement s) throws Exception {
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select indexdef from pg_indexes where schemaname not in ('pg_catalog')"
                + " order by schemaname, tablename, indexname")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        return indexes;
    }
}
