package org.crmbench.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.crmbench.load.http.TransportSettings;

/**
 * What {@code crmbench load} does: where and how requests go, the model that decides when, how
 * long, and the seed of every drawn value.
 *
 * @param stages a ramp (empty: the model's users or rate for the whole run time)
 * @param runTime how long to run; the stages' total when there are stages
 * @param seed the seed of the request streams (same seed, same requests)
 */
public record LoadSettings(TransportSettings transport, Model model, List<Stage> stages, Duration runTime, long seed) {

    /** When requests are sent. */
    public sealed interface Model {
        /** The largest number of requests in flight at once (connections needed). */
        int concurrency();
    }

    /**
     * Locust's model: {@code users} each loop request, response, next request; they start at
     * {@code spawnRate} per second (or follow the stages' targets).
     */
    public record Closed(int users, double spawnRate) implements Model {
        public Closed {
            if (users < 1) {
                throw new IllegalArgumentException("--users must be at least 1 but was " + users);
            }
            if (!(spawnRate > 0)) {
                throw new IllegalArgumentException("--spawn-rate must be above 0 but was " + spawnRate);
            }
        }

        @Override
        public int concurrency() {
            return users;
        }
    }

    /**
     * wrk2's and k6's arrival-rate model: requests go out at {@code ratePerSecond} (or the stages'
     * targets) whatever the server does, at most {@code maxInFlight} at once; what happens to one
     * due while that many are out is {@code whenBusy}'s.
     */
    public record Open(double ratePerSecond, int maxInFlight, WhenBusy whenBusy) implements Model {
        public Open {
            Objects.requireNonNull(whenBusy, "whenBusy");
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("--rate must be above 0 but was " + ratePerSecond);
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("--max-in-flight must be at least 1 but was " + maxInFlight);
            }
        }

        @Override
        public int concurrency() {
            return maxInFlight;
        }
    }

    /** What the open model does with a request due while --max-in-flight are out. */
    public enum WhenBusy {
        /** Not sent, counted as dropped (k6's dropped iterations): the rate is kept, the load is not. */
        DROP,
        /**
         * Sent when one of them ends, its latency counted from when it was due (wrk2 sends a late
         * request on its connection as soon as the response comes); the ones still waiting when
         * the run ends are counted as dropped.
         */
        WAIT
    }

    public LoadSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(model, "model");
        stages = List.copyOf(stages);
        Objects.requireNonNull(runTime, "runTime");
        if (runTime.isZero() || runTime.isNegative()) {
            throw new IllegalArgumentException("--run-time must be above 0 but was " + runTime);
        }
        if (!stages.isEmpty() && !runTime.equals(Stage.total(stages))) {
            throw new IllegalArgumentException("with --stages the run lasts as long as the stages ("
                    + Stage.total(stages) + "); leave out --run-time");
        }
    }

    public boolean openModel() {
        return model instanceof Open;
    }
}
