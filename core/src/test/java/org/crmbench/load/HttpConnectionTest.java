package org.crmbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP/1.1 client against a scripted socket server. */
class HttpConnectionTest {
    @Test
    void readsContentLengthAndChunkedBodiesOnOneKeepAliveConnectionAndHonoursClose() throws Exception {
        List<String> requests = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    requests.add(readRequest(in));
                    out.write(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCONTENT-LENGTH: 11\r\n\r\n{\"ok\":true}"
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    requests.add(readRequest(in));
                    out.write(("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + "7\r\n{\"error\r\n6;ext=1\r\n\":\"x\"}\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    requests.add(readRequest(in));
                    out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (HttpConnection connection =
                    new HttpConnection(URI.create("http://127.0.0.1:" + server.getLocalPort()), 5_000)) {
                HttpConnection.Response first = connection.get("/health");
                HttpConnection.Response second = connection.get("/api/run-query/?user_id=1");
                HttpConnection.Response third = connection.get("/x");

                assertThat(first.status()).isEqualTo(200);
                assertThat(new String(first.body(), StandardCharsets.US_ASCII)).isEqualTo("{\"ok\":true}");
                assertThat(first.bodyContains("error".getBytes())).isFalse();
                assertThat(second.status()).isEqualTo(404);
                assertThat(new String(second.body(), StandardCharsets.US_ASCII)).isEqualTo("{\"error\":\"x\"}");
                assertThat(second.bodyContains("error".getBytes())).isTrue();
                assertThat(third.status()).isEqualTo(503);
            }
            serving.join();
        }
        assertThat(requests)
                .containsExactly("GET /health HTTP/1.1", "GET /api/run-query/?user_id=1 HTTP/1.1", "GET /x HTTP/1.1");
    }

    /** Reads one request's head and returns its request line. */
    private static String readRequest(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        return head.substring(0, head.indexOf("\r\n"));
    }
}
