package org.crmbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /**
     * COPY names the columns from the jOOQ table, and Dataset writes the values in its own code:
     * every value must land in the column of that name. Columns of the same type are told apart
     * by what only they hold (the e-mail starts with the first name; a credit limit is a whole
     * multiple of 500; a city code is three capitals).
     */
    @Test
    void everyValueIsInTheColumnTheGeneratedTableNamesAtItsPosition() {
        Dataset dataset = new Dataset(42, 2_000, POOLS);
        List<Map<String, String>> users = named(dataset.tables().get(0), 2_000);
        List<Map<String, String>> addresses = named(dataset.tables().get(1), 2_000);
        List<Map<String, String>> relationships = named(dataset.tables().get(2), 2_000);
        String timestamp = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+00";

        for (int i = 0; i < 2_000; i++) {
            String id = Integer.toString(i + 1);
            Map<String, String> u = users.get(i);
            assertThat(u.get("id")).isEqualTo(id);
            assertThat(Long.parseLong(u.get("customer_id")) / 1000).isEqualTo(1_000_000L + i + 1);
            assertThat(u.get("organization_id")).matches("\\d+");
            assertThat(u.get("email")).contains("@");
            assertThat(u.get("phone")).startsWith("+");
            assertThat(u.get("date_of_birth")).matches("\\d{4}-\\d\\d-\\d\\d");
            assertThat(u.get("created")).matches(timestamp);

            Map<String, String> a = addresses.get(i);
            assertThat(a.get("id")).isEqualTo(id);
            assertThat(a.get("user_id")).isEqualTo(id);
            assertThat(a.get("street")).matches(".* \\d+");
            assertThat(a.get("city_code")).matches("[A-Z]{3}");
            assertThat(a.get("postal_code")).isNotEqualTo(a.get("city_code"));

            Map<String, String> r = relationships.get(i);
            assertThat(r.get("id")).isEqualTo(id);
            assertThat(r.get("user_id")).isEqualTo(id);
            assertThat(r.get("points")).matches("\\d+");
            assertThat(r.get("tier")).isIn("bronze", "silver", "gold", "platinum", "diamond");
            assertThat(new java.math.BigDecimal(r.get("credit_limit")).remainder(java.math.BigDecimal.valueOf(500)))
                    .isZero();
            assertThat(r.get("lifetime_value")).matches("\\d+\\.\\d\\d");
            assertThat(r.get("last_activity")).matches(timestamp);
            assertThat(r.get("is_active")).isIn("t", "f");
        }
        // first and last names: the e-mail is first.last, lower case
        assertThat(users.stream()
                        .filter(u -> u.get("email")
                                .startsWith(letters(u.get("first_name")) + "." + letters(u.get("last_name")))))
                .hasSizeGreaterThan(1_900);
        assertThat(users.stream().filter(u -> u.get("last_name").equals("Smith")))
                .isNotEmpty();
        assertThat(users.stream().filter(u -> u.get("first_name").equals("Smith")))
                .isEmpty();
        // lifetime values are long-tailed money, not multiples of 500 like credit limits
        assertThat(relationships.stream().filter(r -> r.get("lifetime_value").endsWith("00.00")))
                .hasSizeLessThan(100);
        // the same city has the same code and country in every row
        Map<String, String> codeOfCity = new java.util.HashMap<>();
        addresses.forEach(a -> assertThat(codeOfCity.putIfAbsent(a.get("city"), a.get("city_code") + a.get("country")))
                .isIn(null, a.get("city_code") + a.get("country")));
    }

    /** Rows of a table as column name (from the jOOQ table, COPY's column list) to value. */
    private static List<Map<String, String>> named(TableRows table, int n) {
        org.jooq.Field<?>[] columns = table.table().fields();
        return rows(table, n, false).stream()
                .map(row -> {
                    String[] values = row.split("\t", -1);
                    Map<String, String> byName = new java.util.LinkedHashMap<>();
                    for (int c = 0; c < columns.length; c++) {
                        byName.put(columns[c].getName(), values[c]);
                    }
                    return byName;
                })
                .toList();
    }

    /** The ASCII letters of a name, lower case, as its e-mail spelling starts. */
    private static String letters(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(java.util.Locale.ROOT);
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
