package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database stops under a running server, then comes back: 503s with a JSON body, then 200s again by itself. */
class DatabaseDownTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStoppedDatabaseGives503AndTheServerRecoversWhenItReturns() throws Exception {
        EmbeddedSettings embedded = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort());
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(embedded);
        postgres.startInBackground();
        try (Database db = Database.open(new DbSettings(null, embedded, 2, 1_000, Duration.ZERO))) {
            EmbeddedDatabase.generate(db, 2_000);
            try (ApiServer server = ApiServer.start(
                    db,
                    ServerSettings.defaults()
                            .withConnections(2, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT)
                            .withTimeouts(
                                    ServerSettings.DEFAULT_STATEMENT_TIMEOUT,
                                    ServerSettings.DEFAULT_QUEUE_TIMEOUT,
                                    Duration.ofSeconds(2)),
                    "test")) {
                URI base = server.uri();
                assertThat(get(base, "/api/run-query/?count=1&type=get&user_id=5")
                                .statusCode())
                        .isEqualTo(200);

                postgres.stop();
                // more requests than connections at once: each is answered, none hangs or gets a 500
                List<CompletableFuture<HttpResponse<String>>> down = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    down.add(HTTP.sendAsync(
                            HttpRequest.newBuilder(base.resolve("/api/users/" + i + "/"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> f : down) {
                    HttpResponse<String> response = f.get();
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.body()).contains("\"error\"").doesNotContainIgnoringCase("select");
                }
                assertThat(get(base, "/health").statusCode()).isEqualTo(503);

                postgres.startInBackground();
                int status = 0;
                for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
                    status = get(base, "/api/run-query/?count=1&type=get&user_id=5")
                            .statusCode();
                    if (status != 200) {
                        Thread.sleep(500);
                    }
                }
                assertThat(status).isEqualTo(200);
                assertThat(get(base, "/health").statusCode()).isEqualTo(200);
            }
        } finally {
            postgres.stop();
        }
    }
}
