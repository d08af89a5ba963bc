package org.crmbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.schema.IndexSet;
import org.junit.jupiter.api.Test;

/** The default set's partial indexes name the cities the generator makes big. */
class BigCityIndexesTest {
    private static final Pattern CITY_LIST = Pattern.compile("WHERE city_key::text = ANY \\(ARRAY\\[([^]]*)]\\)");

    @Test
    void theBigCityIndexesListEveryCityGivenOnePercentOfUsers() {
        List<String> expected = ValuePools.citiesWithShareOfAtLeast(0.01).stream()
                .map(c -> c.toLowerCase(Locale.ROOT))
                .toList();
        assertThat(expected).hasSizeGreaterThan(3);
        List<String> partial = IndexSet.of(IndexSet.BEST).statements().stream()
                .filter(s -> s.contains("WHERE city_key"))
                .toList();
        assertThat(partial).as("one per sort key but the id").hasSize(4);
        for (String statement : partial) {
            Matcher m = CITY_LIST.matcher(statement);
            assertThat(m.find()).as(statement).isTrue();
            List<String> listed = Arrays.stream(m.group(1).split(","))
                    .map(v -> v.strip().replaceAll("^'|'$", ""))
                    .toList();
            assertThat(listed).as(statement).isEqualTo(expected);
        }
    }
}
