package org.crmbench.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Someone else's API, for load tests: plain HTTP and HTTPS with a self-signed certificate, under
 * the base path /v2. It echoes headers and bodies, answers 204, redirects, sends a chunked body,
 * sleeps on request, and counts every request it saw by method and path.
 */
final class TestApi implements AutoCloseable {
    final Map<String, LongAdder> seen = new ConcurrentHashMap<>();
    final List<String> targets = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Server server = new Server();
    private final ServerConnector http;
    private final ServerConnector https;

    TestApi(Path keystore, String password) throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer(false));
        http = new ServerConnector(server, new HttpConnectionFactory(config));
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword(password);
        https = new ServerConnector(
                server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
        server.addConnector(http);
        server.addConnector(https);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request).replaceFirst("^/v2", "");
                seen.computeIfAbsent(request.getMethod() + " " + path, k -> new LongAdder())
                        .increment();
                targets.add(request.getHttpURI().getPathQuery());
                switch (path) {
                    case "/headers" ->
                        write(
                                response,
                                callback,
                                200,
                                "{\"key\":\"" + request.getHeaders().get("X-Api-Key") + "\",\"agent\":\""
                                        + request.getHeaders().get(HttpHeader.USER_AGENT) + "\"}");
                    case "/echo" -> {
                        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                        write(response, callback, 200, body);
                    }
                    case "/empty" -> {
                        response.setStatus(204);
                        callback.succeeded();
                    }
                    case "/redirect" -> {
                        response.setStatus(302);
                        response.getHeaders().put(HttpHeader.LOCATION, "/v2/target");
                        response.write(true, ByteBuffer.allocate(0), callback);
                    }
                    case "/target" -> write(response, callback, 200, "target reached");
                    case "/health" -> write(response, callback, 200, "{\"status\":\"ok\"}");
                    case "/vanish" -> {
                        // the request arrived; the server hangs up without a byte of response
                        request.getConnectionMetaData()
                                .getConnection()
                                .getEndPoint()
                                .close();
                        callback.failed(new java.io.IOException("hung up"));
                    }
                    case "/chunked" -> {
                        response.setStatus(200);
                        StringBuilder big = new StringBuilder();
                        for (int i = 0; i < 4_000; i++) {
                            big.append("line ").append(i).append('\n');
                        }
                        response.write(
                                false, ByteBuffer.wrap(big.toString().getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
                        response.write(true, ByteBuffer.wrap("END".getBytes(StandardCharsets.UTF_8)), callback);
                    }
                    case "/hang-up-later" -> {
                        // answers, then closes the kept-alive connection while it is idle (an idle timeout)
                        write(response, callback, 200, "{}");
                        var endPoint =
                                request.getConnectionMetaData().getConnection().getEndPoint();
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
                                .execute(endPoint::close);
                    }
                    case "/slow" -> {
                        Thread.sleep(100);
                        write(response, callback, 200, "slow");
                    }
                    case "/stall" -> { // past any client timeout a test sets
                        Thread.sleep(1_000);
                        write(response, callback, 200, "stalled");
                    }
                    default -> write(response, callback, path.equals("/") ? 200 : 404, "{}");
                }
                return true;
            }
        });
        server.start();
    }

    private static void write(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A PKCS12 keystore with a self-signed certificate for localhost and 127.0.0.1, made by keytool. */
    static Path selfSignedKeystore(Path dir, String password) throws Exception {
        Path keystore = dir.resolve("test.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "test",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password)
                .redirectErrorStream(true)
                .start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        return keystore;
    }

    String http() {
        return "http://127.0.0.1:" + http.getLocalPort() + "/v2";
    }

    String https() {
        return "https://127.0.0.1:" + https.getLocalPort() + "/v2";
    }

    long count(String methodAndPath) {
        LongAdder n = seen.get(methodAndPath);
        return n == null ? 0 : n.sum();
    }

    void reset() {
        seen.clear();
        targets.clear();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
