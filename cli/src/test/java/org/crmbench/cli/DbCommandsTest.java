package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database as a new user drives it: db start, status, psql, stop, reset. */
class DbCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void startStatusPsqlStopReset() throws Exception {
        String[] where = {
            "--data-dir", tmp.resolve("pgdata").toString(), "--db-port", Integer.toString(EmbeddedDatabase.freePort())
        };

        CliRun before = CliRun.of(args("db", "status", where));
        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).contains("not initialised yet").containsPattern("Running +no");

        CliRun start = CliRun.of(args("db", "start", where));
        try {
            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).startsWith("Started on 127.0.0.1:" + where[3]);

            CliRun status = CliRun.of(args("db", "status", where));
            assertThat(status.exitCode()).isZero();
            assertThat(status.out())
                    .containsPattern("Server +PostgreSQL 1[7-9]")
                    .containsPattern("Running +yes, on 127.0.0.1:" + where[3])
                    .contains(tmp.resolve("pgdata").toString(), " MB)")
                    .containsPattern("crmbench.app_user +0 rows")
                    .containsPattern("crmbench.address +0 rows")
                    .containsPattern("crmbench.customer_relationship +0 rows");

            String url = CliRun.of(args("db", "status", where, "--url")).out().strip();
            Path passfile = tmp.resolve("pgdata.pgpass");
            assertThat(url).isEqualTo("postgresql://postgres@127.0.0.1:" + where[3] + "/postgres?passfile=" + passfile);
            String password = Files.readString(passfile).replaceAll("(?s).*\\*:\\*:\\*:postgres:(\\S+).*", "$1");
            assertThat(password).hasSizeGreaterThan(20);
            assertThat(start.out() + start.err() + status.out() + status.err()).doesNotContain(password);
            assertThat(status.out()).contains("Login", passfile.toString());
            assertThat(psql(url, "\\dt crmbench.*")).contains("app_user", "address", "customer_relationship");
        } finally {
            CliRun stop = CliRun.of(args("db", "stop", where));
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.out()).startsWith("Stopped");
        }
        CliRun after = CliRun.of(args("db", "status", where));
        assertThat(after.out()).as(after.err()).containsPattern("Running +no \\(started for this");

        CliRun reset = CliRun.of(args("db", "reset", where, "--yes"));
        assertThat(reset.exitCode()).isZero();
        assertThat(tmp.resolve("pgdata")).doesNotExist();
    }

    @Test
    void portInUseExitsOneWithOneSentence() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of(
                    "db", "start", "--data-dir", tmp.resolve("d").toString(), "--db-port", "" + taken.getLocalPort());

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(run.err().lines()).singleElement().asString().contains("already in use");
        }
    }

    @Test
    void replicasStartWithThePrimaryStreamItsDataAndGoWithIt() throws Exception {
        int port = EmbeddedDatabase.freePortPair();
        String[] where = {"--data-dir", tmp.resolve("pgdata").toString(), "--db-port", Integer.toString(port)};
        assertThat(CliRun.of(args("db", "start", where, "--replicas", "10")).err())
                .contains("--replicas must be between 1 and 9 but was 10");

        CliRun start = CliRun.of(args("db", "start", where, "--replicas", "1"));
        try {
            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).contains("Replica on 127.0.0.1:" + (port + 1));
            String primary =
                    CliRun.of(args("db", "status", where, "--url")).out().strip();
            psql(primary, "create table crmbench.streamed as select 7 as x");
            String replica = "postgresql://postgres@127.0.0.1:" + (port + 1) + "/postgres?passfile="
                    + tmp.resolve("pgdata-replica-1.pgpass");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!psql(replica, "select to_regclass('crmbench.streamed')").contains("crmbench.streamed")) {
                assertThat(System.nanoTime())
                        .as("the table reached the replica")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(psql(replica, "select pg_is_in_recovery()")).contains(" t");
            assertThat(CliRun.of(args("db", "status", where)).out())
                    .containsPattern(
                            "Replica +127.0.0.1:" + (port + 1) + ", running \\(pid \\d+\\), [\\d,]+ bytes behind");
        } finally {
            assertThat(CliRun.of(args("db", "stop", where)).out()).contains("(and 1 replica)");
        }
        assertThat(CliRun.of(args("db", "reset", where, "--yes")).exitCode()).isZero();
        assertThat(tmp.resolve("pgdata-replica-1")).doesNotExist();
        assertThat(tmp.resolve("pgdata.replicas")).doesNotExist();
    }

    static String[] args(String a, String b, String[] where, String... more) {
        String[] all = new String[2 + where.length + more.length];
        all[0] = a;
        all[1] = b;
        System.arraycopy(where, 0, all, 2, where.length);
        System.arraycopy(more, 0, all, 2 + where.length, more.length);
        return all;
    }

    static String psql(String url, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", url, "-X", "-c", command)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
