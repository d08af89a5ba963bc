package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayLagTest {
    private static final long MS = 1_000_000L;

    @Test
    void unknownUntilThePrimaryIsSampled() {
        assertThat(new ReplayLag(Duration.ofSeconds(30)).of(100, 0)).isEmpty();
    }

    @Test
    void aReplicaAtTheLatestPositionHasNoLagHoweverLongThePrimaryWasIdle() {
        ReplayLag lag = new ReplayLag(Duration.ofSeconds(30));
        lag.primaryAt(0, 500);
        lag.primaryAt(10_000 * MS, 500);
        assertThat(lag.of(500, 20_000 * MS)).contains(Duration.ZERO);
    }

    @Test
    void behindIsTheTimeSinceThePrimaryPassedTheReplayedPositionInterpolated() {
        ReplayLag lag = new ReplayLag(Duration.ofSeconds(30));
        lag.primaryAt(0, 100);
        lag.primaryAt(500 * MS, 200);
        lag.primaryAt(1_000 * MS, 300);
        // 250 is halfway from 200 (at 500 ms) to 300 (at 1000 ms): passed at 750 ms
        assertThat(lag.of(250, 1_200 * MS)).contains(Duration.ofMillis(450));
        assertThat(lag.of(200, 1_200 * MS)).contains(Duration.ofMillis(700));
        assertThat(lag.of(100, 1_200 * MS)).contains(Duration.ofMillis(1_200));
        // a replica just behind a primary that writes all the time: just behind in time too
        assertThat(lag.of(299, 1_001 * MS)).contains(Duration.ofMillis(6));
    }

    @Test
    void behindEverySampleKeptIsAtLeastTheHistoryLong() {
        ReplayLag lag = new ReplayLag(Duration.ofSeconds(1));
        for (long t = 0; t <= 5_000; t += 500) {
            lag.primaryAt(t * MS, 1_000 + t);
        }
        assertThat(lag.of(0, 5_000 * MS).orElseThrow()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1_500));
    }
}
