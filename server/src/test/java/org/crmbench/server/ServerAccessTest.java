package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve behind a bearer token and TLS: real servers on a generated dataset, real clients. */
class ServerAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test-token-" + "5f0c2a9e".repeat(3);

    @TempDir
    static Path tmp;

    static Database db;

    @BeforeAll
    static void dataset() throws Exception {
        db = EmbeddedDatabase.open(tmp, 6);
        EmbeddedDatabase.generate(db, 500);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void withoutItsTokenEveryDataRouteIsA401JsonAndOnlyHealthAndTheDocsStayOpen() throws Exception {
        try (ApiServer server = start(new ServerAccess(Optional.of(BearerToken.of(TOKEN)), Optional.empty()))) {
            for (String target : List.of(
                    "/api/users/",
                    "/api/users/1/",
                    "/api/run-query/?count=1&type=get&user_id=1",
                    "/metrics",
                    "/no/such/route")) {
                for (String authorization : List.of(
                        "",
                        "Authorization: Bearer wrong-" + TOKEN + "\r\n",
                        "Authorization: Basic " + TOKEN + "\r\n",
                        "Authorization: Bearer\r\n")) {
                    RawHttp.Reply reply = RawHttp.request(server.port(), "GET " + target + " HTTP/1.1", authorization);
                    assertThat(reply.status())
                            .as(target + " with " + authorization)
                            .isEqualTo(401);
                    assertThat(reply.header("content-type")).startsWith("application/json");
                    assertThat(reply.header("www-authenticate")).isEqualTo("Bearer realm=\"crmbench\"");
                    assertThat(JSON.readTree(reply.body()).path("error").asText())
                            .contains("Authorization: Bearer");
                    assertThat(reply.body()).doesNotContain(TOKEN);
                }
                RawHttp.Reply admitted = RawHttp.request(
                        server.port(), "GET " + target + " HTTP/1.1", "Authorization: bearer " + TOKEN + "\r\n");
                assertThat(admitted.status()).as(target).isIn(200, 404);
            }
            for (String open : List.of("/health", "/api/docs/", "/api/schema/")) {
                assertThat(RawHttp.request(server.port(), "GET " + open + " HTTP/1.1", "")
                                .status())
                        .as(open)
                        .isEqualTo(200);
            }
            String metrics = RawHttp.request(server.port(), "GET /metrics HTTP/1.1", bearer())
                    .body();
            assertThat(metrics).contains("status=\"401\"").doesNotContain(TOKEN);
        }
    }

    @Test
    void withoutATokenTheServerIsOpenAsBefore() throws Exception {
        try (ApiServer server = start(ServerAccess.open())) {
            assertThat(RawHttp.get(server.port(), "/api/users/?page_size=1").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void servesHttpsWithHttp2AndHttp11ByAlpnWithASelfSignedCertificate() throws Exception {
        TlsFiles tls = selfSigned("rsa:2048");
        try (ApiServer server = start(new ServerAccess(Optional.of(BearerToken.of(TOKEN)), Optional.of(tls)))) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            String url = server.uri() + "api/users/?page_size=2";
            for (boolean http2 : new boolean[] {true, false}) {
                HttpClient client = client(http2);
                try {
                    ContentResponse ok = client.newRequest(url)
                            .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + TOKEN))
                            .send();
                    assertThat(ok.getStatus()).isEqualTo(200);
                    assertThat(ok.getVersion()).isEqualTo(http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1);
                    assertThat(JSON.readTree(ok.getContentAsString()).path("results"))
                            .hasSize(2);
                    // next links point back at https
                    assertThat(JSON.readTree(ok.getContentAsString())
                                    .path("next")
                                    .asText())
                            .startsWith("https://");
                    assertThat(client.newRequest(url).send().getStatus()).isEqualTo(401);
                } finally {
                    client.stop();
                }
            }
            // plain HTTP on the TLS port gets no API answer
            assertThatThrownBy(() -> RawHttp.get(server.port(), "/health")).isNotNull();
        }
    }

    @Test
    void thePlainPortSpeaksHttp2ToClientsThatKnowIt() throws Exception {
        try (ApiServer server = start(ServerAccess.open())) {
            HttpClient client = client(true);
            try {
                ContentResponse ok = client.newRequest(server.uri() + "health").send();
                assertThat(ok.getStatus()).isEqualTo(200);
                assertThat(ok.getVersion()).isEqualTo(HttpVersion.HTTP_2);
            } finally {
                client.stop();
            }
        }
    }

    @Test
    void anOpenServerBeyondTheLoopbackIsRefusedUnlessTheUserSaysSo() {
        Optional<BearerToken> token = Optional.of(BearerToken.of(TOKEN));
        assertThatThrownBy(() -> ServerAccess.forBind("0.0.0.0", Optional.empty(), Optional.empty(), false))
                .hasMessageContaining("--bind 0.0.0.0")
                .hasMessageContaining("--token-file")
                .hasMessageContaining("--no-auth");
        assertThat(ServerAccess.forBind("0.0.0.0", Optional.empty(), Optional.empty(), true)
                        .token())
                .isEmpty();
        assertThat(ServerAccess.forBind("0.0.0.0", token, Optional.empty(), false)
                        .token())
                .isPresent();
        assertThat(ServerAccess.forBind("127.0.0.1", Optional.empty(), Optional.empty(), false)
                        .token())
                .isEmpty();
        assertThat(ServerAccess.forBind("localhost", Optional.empty(), Optional.empty(), false)
                        .token())
                .isEmpty();
        assertThat(ServerAccess.forBind("::1", Optional.empty(), Optional.empty(), false)
                        .token())
                .isEmpty();
        assertThatThrownBy(() -> ServerAccess.forBind("127.0.0.1", token, Optional.empty(), true))
                .hasMessage("give a token or --no-auth, not both");
    }

    @Test
    void aShortTokenOrOneOthersCanReadIsRefusedWithoutShowingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("token"), "short-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> BearerToken.fromFile(file))
                .hasMessageContaining("at least 16")
                .message()
                .doesNotContain("short-secret");
        Files.writeString(file, TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> BearerToken.fromFile(file)).hasMessageContaining("chmod 600 " + file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(BearerToken.fromFile(file).admits("Bearer " + TOKEN)).isTrue();
        assertThat(BearerToken.fromFile(file).toString()).doesNotContain(TOKEN);
    }

    @Test
    void keysCrmbenchCannotUseGetTheCommandThatConvertsThem() throws Exception {
        TlsFiles good = selfSigned("ec -pkeyopt ec_paramgen_curve:P-256");
        good.verify(); // an EC key reads too
        Path traditional = tmp.resolve("rsa-traditional.pem");
        openssl("genrsa", "-traditional", "-out", traditional.toString(), "2048");
        Files.setPosixFilePermissions(traditional, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> new TlsFiles(good.certificate(), traditional).verify())
                .hasMessageContaining("'RSA PRIVATE KEY' block")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + traditional);
        TlsFiles other = selfSigned("ec -pkeyopt ec_paramgen_curve:P-256");
        assertThatThrownBy(() -> new TlsFiles(good.certificate(), other.privateKey()).verify())
                .hasMessageContaining("belongs to the certificate");
    }

    private static ApiServer start(ServerAccess access) {
        return ApiServer.start(
                db,
                ServerSettings.defaults().withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT),
                access,
                "test");
    }

    private static String bearer() {
        return "Authorization: Bearer " + TOKEN + "\r\n";
    }

    /** Jetty's client, trusting any certificate (the test's own self-signed one). */
    private static HttpClient client(boolean http2) throws Exception {
        ClientConnector connector = new ClientConnector();
        SslContextFactory.Client trustAll = new SslContextFactory.Client(true);
        trustAll.setEndpointIdentificationAlgorithm(null);
        connector.setSslContextFactory(trustAll);
        HttpClient client = new HttpClient(
                http2
                        ? new HttpClientTransportOverHTTP2(new HTTP2Client(connector))
                        : new HttpClientTransportOverHTTP(connector));
        client.start();
        return client;
    }

    private static int certificates;

    /** A new self-signed certificate and its PKCS#8 key (openssl's default), key mode 0600. */
    private static TlsFiles selfSigned(String newkey) throws Exception {
        int n = ++certificates;
        Path cert = tmp.resolve("cert-" + n + ".pem");
        Path key = tmp.resolve("key-" + n + ".pem");
        List<String> args =
                new java.util.ArrayList<>(List.of("req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=localhost"));
        args.add("-newkey");
        args.addAll(List.of(newkey.split(" ")));
        args.addAll(List.of("-keyout", key.toString(), "-out", cert.toString()));
        openssl(args.toArray(String[]::new));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return new TlsFiles(cert, key);
    }

    private static void openssl(String... args) throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/openssl")))
                .as("openssl makes the certificates")
                .isTrue();
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }
}
