package org.crmbench.load;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code crmbench load} does.
 *
 * @param host the API's base URL, e.g. http://127.0.0.1:8000
 * @param users simulated users (closed model), each looping request, response, next request
 * @param spawnRate users started per second until all run
 * @param runTime how long to run after the first user starts
 * @param scenario which requests users send
 * @param ratePerSecond if above 0: open model, requests sent at this total rate whatever the server does
 * @param maxUserId highest user id to ask for (0: ask the server for the dataset size)
 * @param timeout a request without a response after this long is a failure
 */
public record LoadSettings(
        URI host,
        int users,
        double spawnRate,
        Duration runTime,
        LoadScenario scenario,
        double ratePerSecond,
        long maxUserId,
        Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public LoadSettings {
        Objects.requireNonNull(host, "host");
        if (!"http".equals(host.getScheme()) || host.getHost() == null) {
            throw new IllegalArgumentException(
                    "--host must be an http:// URL such as http://127.0.0.1:8000 but was " + host);
        }
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1 but was " + users);
        }
        if (!(spawnRate > 0)) {
            throw new IllegalArgumentException("--spawn-rate must be above 0 but was " + spawnRate);
        }
        Objects.requireNonNull(runTime, "runTime");
        if (runTime.isZero() || runTime.isNegative()) {
            throw new IllegalArgumentException("--run-time must be above 0 but was " + runTime);
        }
        Objects.requireNonNull(scenario, "scenario");
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("--rate must not be negative but was " + ratePerSecond);
        }
        if (maxUserId < 0) {
            throw new IllegalArgumentException("--max-user-id must not be negative but was " + maxUserId);
        }
    }

    public boolean openModel() {
        return ratePerSecond > 0;
    }
}
