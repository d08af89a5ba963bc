package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void portOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "70000", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--port must be between 0 and 65535 but was 70000");
    }

    @Test
    void listShareIsAWholePercentageFromOneToAHundred() {
        String[] where = {"--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x"};
        CliRun fraction = CliRun.of(DbCommandsTest.args("serve", "--list-share=12.5%", where));
        assertThat(fraction.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(fraction.err()).contains("'12.5%' is not a whole percentage");

        CliRun zero = CliRun.of(DbCommandsTest.args("serve", "--list-share=0%", where));
        assertThat(zero.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zero.err()).contains("--list-share must be between 1% and 100% but was 0%");

        CliRun above = CliRun.of(DbCommandsTest.args("serve", "--list-share=101", where));
        assertThat(above.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(above.err()).contains("--list-share must be between 1% and 100% but was 101%");
    }

    @Test
    void anyAddressWithoutATokenIsRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.of("serve", "--bind", "0.0.0.0", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--bind 0.0.0.0 lets other machines in, and there is no token");
    }

    @Test
    void halfATlsPairIsAUsageError() {
        CliRun run = CliRun.of("serve", "--tls-cert", "cert.pem", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void replicaOptionsAreCheckedBeforeAnythingStarts() {
        CliRun withEmbedded = CliRun.of(
                "serve",
                "--data-dir",
                tmp.resolve("pgdata").toString(),
                "--replica-url",
                "jdbc:postgresql://127.0.0.1:1/x");
        assertThat(withEmbedded.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(withEmbedded.err()).contains("--replica-url goes with --jdbc-url");
        assertThat(tmp.resolve("pgdata")).doesNotExist();

        CliRun notJdbc = CliRun.of(
                "serve", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x", "--replica-url", "db2:5432?password=secret");
        assertThat(notJdbc.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notJdbc.err())
                .contains("--replica-url must start with jdbc:postgresql://")
                .doesNotContain("secret");

        CliRun noLag = CliRun.of("serve", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x", "--max-replica-lag", "0s");
        assertThat(noLag.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noLag.err()).contains("--max-replica-lag must be above 0");
    }

    @Test
    void portInUseIsOneSentenceAndExitOne() throws Exception {
        String[] where = {"--data-dir", tmp.resolve("pgdata").toString(), "--db-port", "" + EmbeddedDatabase.freePort()
        };
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of(DbCommandsTest.args("serve", "--port=" + taken.getLocalPort(), where));

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(run.err().lines())
                    .singleElement()
                    .asString()
                    .contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port");
        }
    }
}
