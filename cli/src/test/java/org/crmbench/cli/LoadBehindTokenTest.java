package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.server.ApiServer;
import org.crmbench.server.BearerToken;
import org.crmbench.server.ServerAccess;
import org.crmbench.server.ServerSettings;
import org.crmbench.server.TlsFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crmbench load against a crmbench serve behind a token and TLS (a self-signed certificate): with
 * the token in -H it gets every answer, over HTTP/2 and HTTP/1.1; without it, it is told why; and
 * the token is in none of the files it writes, nor in what it prints.
 */
class LoadBehindTokenTest {
    private static final String TOKEN = "load-behind-token-" + "7e3b".repeat(6);

    @TempDir
    static Path tmp;

    static Database db;
    static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/openssl")))
                .as("openssl makes the certificate")
                .isTrue();
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=localhost",
                        "-newkey",
                        "rsa:2048",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, 1_000);
        server = ApiServer.start(
                db,
                ServerSettings.defaults().withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT),
                new ServerAccess(Optional.of(BearerToken.of(TOKEN)), Optional.of(new TlsFiles(cert, key))),
                "test");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            db.close();
        }
    }

    @Test
    void withTheTokenInAHeaderEveryRequestIsAnsweredOverHttp2AndHttp11() throws Exception {
        for (boolean http2 : new boolean[] {true, false}) {
            String prefix = tmp.resolve((http2 ? "h2" : "h1") + "/run").toString();
            List<String> args = new java.util.ArrayList<>(List.of(
                    "load",
                    "--host",
                    server.uri().toString(),
                    "--insecure",
                    "-H",
                    "Authorization: Bearer " + TOKEN,
                    "--scenario",
                    "run-query",
                    "--users",
                    "4",
                    "--spawn-rate",
                    "4",
                    "--run-time",
                    "2s",
                    "--csv",
                    prefix));
            if (http2) {
                args.add("--http2");
            }

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("/api/run-query/", " 0 failed").doesNotContain(TOKEN);
            assertThat(run.err()).doesNotContain(TOKEN);
            try (Stream<Path> files = Files.walk(tmp.resolve(http2 ? "h2" : "h1"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
                }
            }
        }
    }

    @Test
    void withoutTheTokenTheUserIsToldTheApiAnswered401() {
        CliRun run = CliRun.of(
                "load", "--host", server.uri().toString(), "--insecure", "--scenario", "run-query", "--run-time", "1s");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("HTTP 401", "-H 'Authorization: Bearer TOKEN'");
    }
}
