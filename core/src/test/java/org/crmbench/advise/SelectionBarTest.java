package org.crmbench.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a candidate not built yet cannot reach the set the frontier so far makes. */
class SelectionBarTest {
    private static final TableName USERS = new TableName("crmbench", "user_list");

    /** A set saving 10,000 ms, its least efficient step 1 ms per MB; the smallest index 100 MB. */
    private static final Selection.Bar BAR = new Selection.Bar(
            5,
            10_000,
            1.0,
            Map.of(USERS, 100.0),
            Map.of("a", 1.0, "b", 1.0, "slow", 1.0),
            Map.of("a", 10.0, "b", 10.0, "slow", 10.0));

    @Test
    void statementsUnderTargetWithLittleToSaveAreBeyondReach() {
        assertThat(BAR.beyondReach(USERS, Map.of("a", 2.0, "b", 3.0))).startsWith("beyond the knee");
    }

    @Test
    void aStatementOverItsTargetCouldBeBroughtUnder() {
        assertThat(BAR.beyondReach(USERS, Map.of("a", 2.0, "slow", 12.0))).isNull();
    }

    @Test
    void enoughToSaveForAKneeStepOrMoreThanTheLeastEfficientStepPerMbReaches() {
        // 1% of 10,000 ms
        Selection.Bar cheapIndexes = new Selection.Bar(5, 200, 1.0, Map.of(USERS, 1.0), BAR.weights(), BAR.targets());
        assertThat(cheapIndexes.beyondReach(USERS, Map.of("a", 2.0, "b", 3.0))).isNull();
        Selection.Bar bigSet = new Selection.Bar(5, 10_000, 0.01, Map.of(USERS, 100.0), BAR.weights(), BAR.targets());
        assertThat(bigSet.beyondReach(USERS, Map.of("a", 2.0, "b", 3.0))).isNull();
    }

    @Test
    void beforeAnySetOrOnATableWithNothingBuiltEveryCandidateReaches() {
        Selection.Bar none = new Selection.Bar(0, 0, Double.MAX_VALUE, Map.of(), BAR.weights(), BAR.targets());
        assertThat(none.beyondReach(USERS, Map.of("a", 2.0))).isNull();
        assertThat(BAR.beyondReach(new TableName("crmbench", "address"), Map.of("a", 2.0)))
                .isNull();
    }
}
