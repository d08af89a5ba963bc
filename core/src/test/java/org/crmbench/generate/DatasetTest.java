package org.crmbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row generation without a database: determinism, column counts and skew. */
class DatasetTest {
    private static final ValuePools POOLS = ValuePools.forSeed(42);

    @Test
    void rowsAreAFunctionOfSeedAndIdOnly() {
        Dataset a = new Dataset(42, 1000, POOLS);
        Dataset b = new Dataset(42, 1000, ValuePools.forSeed(42));
        Dataset other = new Dataset(43, 1000, ValuePools.forSeed(43));

        for (int t = 0; t < 3; t++) {
            // b writes the ids in reverse order, as another thread split would
            assertThat(rows(b.tables().get(t), 1000, true))
                    .isEqualTo(rows(a.tables().get(t), 1000, false));
            assertThat(rows(other.tables().get(t), 1000, false))
                    .isNotEqualTo(rows(a.tables().get(t), 1000, false));
        }
    }

    @Test
    void everyRowHasOneValuePerColumnOfTheGeneratedTable() {
        for (TableRows table : new Dataset(42, 500, POOLS).tables()) {
            for (String row : rows(table, 500, false)) {
                assertThat(row.split("\t", -1))
                        .as(table.table().getName() + ": " + row)
                        .hasSize(table.table().fields().length)
                        .allSatisfy(v -> assertThat(v).isNotEmpty());
            }
        }
    }

    @Test
    void smithIsAboutOnePercentAndTheTailIsLong() {
        List<String> users = rows(new Dataset(42, 100_000, POOLS).tables().get(0), 100_000, false);
        long smiths =
                users.stream().filter(r -> r.split("\t")[4].equals("Smith")).count();
        long distinctSurnames =
                users.stream().map(r -> r.split("\t")[4]).distinct().count();

        assertThat(smiths).isBetween(800L, 1200L);
        assertThat(distinctSurnames).isGreaterThan(300);
    }

    @Test
    void viennaIsAboutOnePercentOfAddresses() {
        List<String> addresses = rows(new Dataset(42, 100_000, POOLS).tables().get(1), 100_000, false);
        long vienna = addresses.stream()
                .filter(r -> r.split("\t")[3].equals("Vienna"))
                .count();

        assertThat(vienna).isBetween(800L, 1200L);
    }

    private static List<String> rows(TableRows table, int n, boolean reverse) {
        String[] rows = new String[n];
        CopyBuffer out = new CopyBuffer(1024);
        for (int i = 0; i < n; i++) {
            long id = reverse ? n - i : i + 1;
            out.clear();
            table.write(id, out);
            rows[(int) id - 1] = new String(out.array(), 0, out.length() - 1, StandardCharsets.UTF_8);
        }
        return Arrays.asList(rows);
    }
}
