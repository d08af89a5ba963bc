package org.crmbench.load;

import java.util.List;
import java.util.Locale;
import org.crmbench.generate.RowRandom;

/** The requests simulated users send, and when a response counts as a success. */
public enum LoadScenario {
    /** The original locustfile: one random user through /api/run-query/. */
    RUN_QUERY,
    /** The bench scenarios over HTTP: filters, orderings, pages. */
    USERS_LIST,
    /** Nine lookups for one list request. */
    MIX,
    /** GET /health: a trivial endpoint, to measure the load generator itself. */
    HEALTH;

    private static final List<String> LIST_QUERIES = List.of(
            "/api/users/",
            "/api/users/?last_name=smith",
            "/api/users/?ordering=-relationship__points",
            "/api/users/?city=vienna&page=3",
            "/api/users/?tier=gold&ordering=-created",
            "/api/users/?city=london&ordering=last_name&page=2");

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LoadScenario parse(String name) {
        for (LoadScenario s : values()) {
            if (s.cliName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "--scenario must be run-query, users-list, mix or health but was '" + name + "'");
    }

    /** The next request of a user, from that user's random stream. */
    LoadRequest next(RowRandom random, long maxUserId) {
        return switch (this) {
            case RUN_QUERY -> runQuery(random, maxUserId);
            case USERS_LIST -> list(random);
            case MIX -> random.nextInt(10) == 0 ? list(random) : runQuery(random, maxUserId);
            case HEALTH -> new LoadRequest("/health", "/health");
        };
    }

    private static LoadRequest runQuery(RowRandom random, long maxUserId) {
        long id = 1 + Math.floorMod(random.nextLong(), maxUserId);
        // Locust names each request by its URL; one name per endpoint keeps the report readable
        return new LoadRequest("/api/run-query/", "/api/run-query/?count=1&type=get&user_id=" + id);
    }

    private static LoadRequest list(RowRandom random) {
        String path = LIST_QUERIES.get(random.nextInt(LIST_QUERIES.size()));
        return new LoadRequest(path, path);
    }

    private static final byte[] ERROR = "error".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The locustfile's rule: status 200 and no "error" in the body; null for a success. */
    static String failure(HttpConnection.Response response) {
        if (response.status() != 200) {
            return "HTTP " + response.status();
        }
        return response.bodyContains(ERROR) ? "body contains \"error\"" : null;
    }
}
