package org.crmbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntervalReporterTest {
    @Test
    void theWindowHoldsTheLastTenIntervalsAndTheTotalAllOfThem() {
        EndpointStats endpoint = new EndpointStats("GET", "/x", false);
        List<LoadInterval> reported = new ArrayList<>();
        IntervalReporter reporter = new IntervalReporter(Map.of("/x", endpoint), new AtomicInteger(1), reported::add);
        for (int second = 1; second <= 14; second++) {
            for (int i = 0; i < second; i++) { // second k: k requests of k ms each
                endpoint.record(second * 1_000_000L, second * 1_000_000L, 10, false);
            }
            reporter.report();
        }
        reporter.stop();

        LoadInterval last = reported.get(13);
        assertThat(last.window().getTotalCount()).isEqualTo(5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14);
        assertThat(last.window().getMinValue()).isEqualTo(5_000);
        assertThat(last.window().getMaxValue()).isBetween(14_000L, 14_020L);
        assertThat(last.total().getTotalCount()).isEqualTo(14 * 15 / 2);
        assertThat(last.total().getMinValue()).isEqualTo(1_000);
        assertThat(reported.get(3).window().getTotalCount()).isEqualTo(1 + 2 + 3 + 4);
        assertThat(reported.get(3).window().getMinValue()).isEqualTo(1_000);
    }
}
