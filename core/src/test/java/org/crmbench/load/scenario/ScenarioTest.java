package org.crmbench.load.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crmbench.api.UsersApi;
import org.crmbench.measure.Surface;
import org.crmbench.query.Filter;
import org.crmbench.query.Ordering;
import org.crmbench.values.DatasetSource;
import org.crmbench.values.RowRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LoadScenario files: their parsing and errors, the value generators, and the bundled files. */
class ScenarioTest {
    /** A dataset of 1,000 users whose cities are "vienna" three times as often as "rome". */
    private static final DatasetSource DATASET = new DatasetSource() {
        @Override
        public long users() {
            return 1_000;
        }

        @Override
        public List<String> values(Filter column) {
            return column == Filter.CITY
                    ? List.of("vienna", "vienna", "vienna", "rome")
                    : List.of(column.apiName() + "-1");
        }
    };

    private static LoadScenario compile(String yaml) {
        return LoadScenario.parse(yaml, Map.of("TOKEN", "s3cr3t")::get).compile(DATASET);
    }

    private static List<Request> draw(LoadScenario s, long seed, int n) {
        RowRandom random = new RowRandom();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(s.next(random.reset(seed, 0, i)));
        }
        return requests;
    }

    @Test
    void requestsAreFilledFromTheirValuesEncodedInThePathRawInTheBody() {
        LoadScenario s = compile("""
                name: shop
                headers: {Authorization: "Bearer ${env:TOKEN}"}
                values:
                  product: {uniform: [1, 5]}
                  query: {list: ["red shoes", "a&b"]}
                requests:
                  - name: search
                    path: /search?q=${query}&p=${product}
                  - method: post
                    path: /orders
                    headers: {Content-Type: application/json}
                    body: '{"product": ${product}, "note": "${query}"}'
                    expect: {status: [201], body_contains: '"id"'}
                """);

        List<Request> requests = draw(s, 42, 200);
        Request search = requests.stream()
                .filter(r -> r.name().equals("search"))
                .findFirst()
                .orElseThrow();
        assertThat(search.target()).matches("/search\\?q=(red\\+shoes|a%26b)&p=[1-5]");
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.headers()).containsExactly(Map.entry("Authorization", "Bearer s3cr3t"));
        Request order = requests.stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(order.name()).isEqualTo("/orders");
        assertThat(new String(order.body(), StandardCharsets.UTF_8))
                .matches("\\{\"product\": [1-5], \"note\": \"(red shoes|a&b)\"}");
        assertThat(order.headers()).contains(Map.entry("Content-Type", "application/json"));
        assertThat(order.expect().failure(201, "{\"id\":1}".getBytes(), 8)).isNull();
        assertThat(order.expect().failure(200, "{\"id\":1}".getBytes(), 8)).isEqualTo("HTTP 200");
        assertThat(order.expect().failure(201, "{}".getBytes(), 2)).isEqualTo("body lacks \"\"id\"\"");
    }

    @Test
    void theSameSeedDrawsTheSameRequestsAndWeightsAreHonoured() {
        LoadScenario s = compile("""
                values: {id: {uniform: [1, 1000000]}}
                requests:
                  - {name: a, path: "/a/${id}", weight: 9}
                  - {name: b, path: "/b/${id}"}
                """);

        assertThat(draw(s, 7, 50))
                .extracting(Request::target)
                .isEqualTo(draw(s, 7, 50).stream().map(Request::target).toList());
        assertThat(draw(s, 7, 50))
                .extracting(Request::target)
                .isNotEqualTo(draw(s, 8, 50).stream().map(Request::target).toList());
        long a = draw(s, 7, 10_000).stream().filter(r -> r.name().equals("a")).count();
        assertThat(a).isBetween(8_800L, 9_200L);
    }

    @Test
    void zipfValuesFallWithTheirRankAndDatasetValuesFollowTheData() {
        LoadScenario s = compile("""
                values:
                  rank: {zipf: {min: 1, max: 1000, exponent: 1.0}}
                  city: {dataset: city}
                  user: {dataset: user_id}
                requests: [{path: "/x?r=${rank}&c=${city}&u=${user}"}]
                """);

        Map<String, Long> ranks = new HashMap<>();
        Map<String, Long> cities = new HashMap<>();
        Set<Long> users = new TreeSet<>();
        for (Request r : draw(s, 1, 20_000)) {
            String[] q = r.target().substring(3).split("&");
            ranks.merge(q[0].substring(2), 1L, Long::sum);
            cities.merge(q[1].substring(2), 1L, Long::sum);
            users.add(Long.parseLong(q[2].substring(2)));
        }
        // Zipf, exponent 1, 1000 values: rank 1 takes about 13%, rank 2 half of that, rank 10 a tenth
        assertThat(ranks.get("1")).isBetween(2_300L, 3_100L);
        assertThat(ranks.get("2") * 2.0).isCloseTo(ranks.get("1"), org.assertj.core.data.Percentage.withPercentage(20));
        assertThat(ranks.get("10") * 10.0)
                .isCloseTo(ranks.get("1"), org.assertj.core.data.Percentage.withPercentage(35));
        assertThat(ranks.keySet())
                .allSatisfy(r -> assertThat(Integer.parseInt(r)).isBetween(1, 1000));
        assertThat(cities.get("vienna") / (double) cities.get("rome")).isBetween(2.6, 3.4);
        assertThat(users.iterator().next()).isGreaterThanOrEqualTo(1);
        assertThat(((TreeSet<Long>) users).last()).isLessThanOrEqualTo(1_000);
        assertThat(users).hasSizeGreaterThan(990);
    }

    @Test
    void aCsvColumnIsAValueList(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("skus.csv"), "sku,price\nA-1,3\nB-2,4\n\"C,3\",5\n");
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                values: {sku: {csv: {file: skus.csv, column: sku}}}
                requests: [{path: "/p/${sku}"}]
                """);

        LoadScenario s = LoadScenario.fromFile(file).compile(DATASET);

        assertThat(draw(s, 3, 300).stream().map(Request::target).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("/p/A-1", "/p/B-2", "/p/C%2C3");
        assertThat(s.name()).isEqualTo("s");
    }

    @Test
    void mistakesInAFileAreOneSentenceNamingWhere(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> compile("requests: [{path: /a}]\nheders: {A: b}"))
                .hasMessageContaining("line 2: unknown key 'heders'")
                .hasMessageContaining("headers");
        assertThatThrownBy(() -> compile("requests: [{path: '/a/${nope}'}]"))
                .hasMessageContaining("request 1 path uses ${nope}, which is not one of the values");
        assertThatThrownBy(() -> compile("requests: [{path: '/a', headers: {A: '${env:MISSING_VAR}'}}]"))
                .hasMessageContaining("environment variable MISSING_VAR is not set");
        assertThatThrownBy(() -> compile("requests: [{path: 'a'}]")).hasMessageContaining("path must start with '/'");
        assertThatThrownBy(() -> compile("requests: [{path: /a, method: FETCH}]"))
                .hasMessageContaining("method must be one of");
        assertThatThrownBy(() -> compile("requests: [{path: /a, weight: 0}]"))
                .hasMessageContaining("weight must be at least 1");
        assertThatThrownBy(() -> compile("requests: []")).hasMessageContaining("at least one request");
        assertThatThrownBy(() -> compile("values: {v: {list: [a], uniform: [1, 2]}}\nrequests: [{path: '/${v}'}]"))
                .hasMessageContaining("exactly one of uniform, zipf, list, csv or dataset");
        assertThatThrownBy(() -> compile("values: {v: {dataset: email}}\nrequests: [{path: '/${v}'}]"))
                .hasMessageContaining("dataset is user_id or one of last_name, first_name, city, tier");
        assertThatThrownBy(() -> compile("requests: [{path: /a, expect: {status: [999]}}]"))
                .hasMessageContaining("999 is not an HTTP status");
        assertThatThrownBy(() -> compile("requests: [{path: /a\n  - broken"))
                .hasMessageContaining("not valid YAML or JSON");
        Path csv = Files.writeString(
                dir.resolve("c.yaml"),
                "values: {v: {csv: {file: none.csv, column: x}}}\n" + "requests: [{path: '/${v}'}]");
        assertThatThrownBy(() -> LoadScenario.fromFile(csv).compile(DATASET)).hasMessageContaining("no such file");
        assertThatThrownBy(() -> LoadScenario.fromFile(dir.resolve("absent.yaml")))
                .hasMessageContaining("no such scenario file");
        assertThatThrownBy(() -> LoadScenario.builtIn("everything"))
                .hasMessageContaining("--scenario must be one of run-query, users-list, mix, health, surface");
    }

    @Test
    void jsonIsAScenarioFileToo() {
        LoadScenario s = compile("{\"requests\": [{\"path\": \"/health\", \"expect\": {\"status\": [200]}}]}");
        assertThat(draw(s, 1, 1).getFirst().target()).isEqualTo("/health");
    }

    @Test
    void everyBundledScenarioCompilesAndTheOriginalRuleIsKept() {
        for (String name : LoadScenario.BUILT_IN) {
            LoadScenario s = LoadScenario.builtIn(name).compile(DATASET);
            assertThat(draw(s, 42, 100))
                    .as(name)
                    .allSatisfy(r -> assertThat(r.target()).startsWith("/"));
        }
        Request runQuery =
                draw(LoadScenario.builtIn("run-query").compile(DATASET), 42, 1).getFirst();
        assertThat(runQuery.target()).matches("/api/run-query/\\?count=1&type=get&user_id=\\d+");
        assertThat(runQuery.expect().failure(200, "{\"error\":\"x\"}".getBytes(), 13))
                .isEqualTo("body contains \"error\"");
        assertThat(runQuery.expect().failure(404, new byte[0], 0)).isEqualTo("HTTP 404");
    }

    /** surface.yaml lists the orderings and filters by hand: this keeps it equal to the API's. */
    @Test
    void theSurfaceScenarioCoversEveryOrderingAndFilterSubsetOfTheApi() {
        List<Request> requests = draw(LoadScenario.builtIn("surface").compile(DATASET), 42, 20_000);
        Set<String> orderings = requests.stream()
                .map(r -> r.target().replaceAll(".*ordering=([^&]+).*", "$1"))
                .collect(Collectors.toSet());
        assertThat(orderings)
                .isEqualTo(Ordering.all().stream().map(Ordering::apiName).collect(Collectors.toSet()));
        Set<Set<String>> filterSets = requests.stream()
                .map(r -> Arrays.stream(r.target().replaceFirst("^[^?]*\\?", "").split("&"))
                        .map(p -> p.split("=")[0])
                        .filter(p -> Filter.byApiName(p).isPresent())
                        .collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        Set<Set<String>> expected = Surface.subsets().stream()
                .map(subset -> subset.stream().map(Filter::apiName).collect(Collectors.toSet()))
                .collect(Collectors.toCollection(java.util.HashSet::new));
        expected.add(Set.of());
        assertThat(filterSets).isEqualTo(expected);
        Set<String> parameters = requests.stream()
                .flatMap(r ->
                        Arrays.stream(r.target().replaceFirst("^[^?]*\\?", "").split("&")))
                .map(p -> p.split("=")[0])
                .collect(Collectors.toSet());
        assertThat(parameters)
                .containsAll(UsersApi.LIST_PARAMETERS.stream()
                        .filter(p -> !p.equals(UsersApi.CURSOR) && !p.equals(UsersApi.PAGE_SIZE))
                        .toList());
    }
}
