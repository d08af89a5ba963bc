package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.api.UsersApi;
import org.crmbench.db.Database;
import org.crmbench.query.Filter;
import org.crmbench.query.Ordering;
import org.crmbench.query.UserQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The real server on a free port over a generated dataset, called over HTTP and checked against SQL. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Database db;
    static ApiServer server;
    static ApiCalls api;

    @BeforeAll
    static void start() throws IOException {
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, 20_000);
        server = ApiServer.start(
                db,
                ServerSettings.defaults()
                        .withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT)
                        .withTimeouts(
                                ServerSettings.DEFAULT_STATEMENT_TIMEOUT,
                                ServerSettings.DEFAULT_QUEUE_TIMEOUT,
                                Duration.ofSeconds(2)),
                "test");
        api = new ApiCalls(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "last_name=SMITH|lower(u.last_name) = 'smith'|u.id",
                "city=vienna&ordering=-relationship__points|lower(a.city) = 'vienna'|r.points desc, u.id desc",
                "first_name=mary&ordering=last_name|lower(u.first_name) = 'mary'|u.last_name, u.id",
                "tier=GOLD&ordering=-created&page=2&page_size=7|lower(r.tier) = 'gold'|u.created desc, u.id desc",
                "ordering=relationship__lifetime_value&page=3&page_size=10|true|r.lifetime_value, u.id"
            })
    void listFiltersOrderingsAndPagesMatchSql(String query, String where, String orderBy) throws Exception {
        JsonNode page = api.getJson("/api/users/?" + query, 200);

        int size = query.contains("page_size=") ? Integer.parseInt(query.replaceAll(".*page_size=(\\d+).*", "$1")) : 50;
        int pageNumber = query.contains("page=") ? Integer.parseInt(query.replaceAll(".*[?&]?page=(\\d+).*", "$1")) : 1;
        List<Long> expected = ids("select u.id from crmbench.app_user u join crmbench.address a on a.user_id = u.id "
                + "join crmbench.customer_relationship r on r.user_id = u.id where " + where + " order by " + orderBy
                + " offset " + (pageNumber - 1) * size + " limit " + size);
        assertThat(ApiCalls.ids(page.get("results"))).isEqualTo(expected);
        long total = ids("select u.id from crmbench.app_user u join crmbench.address a on a.user_id = u.id "
                        + "join crmbench.customer_relationship r on r.user_id = u.id where " + where)
                .size();
        if (page.get("count_is_estimate").asBoolean()) {
            // the planner's estimate from ANALYZE statistics: near the truth, and only for big counts
            assertThat(total).isGreaterThanOrEqualTo(UserQueries.EXACT_COUNT_LIMIT / 2);
            assertThat(page.get("count").asDouble()).isCloseTo(total, withinPercentage(20));
        } else {
            assertThat(page.get("count").asLong()).isEqualTo(total);
        }
        assertThat(page.get("next").isNull()).isEqualTo((long) pageNumber * size >= total);
        assertThat(page.get("previous").isNull()).isEqualTo(pageNumber == 1);
    }

    @Test
    void resultsNestAddressAndRelationshipLikeDjangoRestFramework() throws Exception {
        JsonNode user = api.getJson("/api/users/42/", 200);

        assertThat(user.get("id").asLong()).isEqualTo(42);
        assertThat(user.get("last_name").asText())
                .isEqualTo(db.dsl()
                        .fetchValue("select last_name from crmbench.app_user where id = 42")
                        .toString());
        assertThat(user.get("address").get("city").asText())
                .isEqualTo(db.dsl()
                        .fetchValue("select city from crmbench.address where user_id = 42")
                        .toString());
        assertThat(user.get("relationship").get("lifetime_value").isTextual()).isTrue();
        assertThat(user.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(api.getJson("/api/run-query/?count=1&type=get&user_id=42", 200))
                .isEqualTo(user);
    }

    /**
     * tier=bronze matches more users (about 11,600) than page numbers reach (10,000 rows): the
     * walk goes through numbered pages, then the 'next' links switch to cursors.
     */
    @ParameterizedTest
    @MethodSource("orderings")
    void followingNextFromPage1ReturnsEveryMatchingUserOnceInOrder(String ordering) throws Exception {
        Ordering o = Ordering.parse(ordering);
        List<String> links = new ArrayList<>();
        List<Long> walked = api.walk("/api/users/?tier=bronze&page_size=500&ordering=" + ordering, links);

        String column = o.key().source().getQualifiedName().last();
        String alias = o.key().source().getQualifiedName().first().equals("customer_relationship") ? "r" : "u";
        String direction = o.descending() ? " desc" : "";
        List<Long> expected = ids("select u.id from crmbench.app_user u join crmbench.address a on a.user_id = u.id "
                + "join crmbench.customer_relationship r on r.user_id = u.id where lower(r.tier) = 'bronze' order by "
                + alias + "." + column + direction + ", u.id" + direction);
        assertThat(expected).hasSizeGreaterThan((int) UsersApi.DEFAULT_MAX_RESULT_WINDOW);
        assertThat(walked).isEqualTo(expected);
        assertThat(links.getFirst()).contains("page=2").doesNotContain("cursor=");
        assertThat(links.getLast()).contains("cursor=").doesNotContain("page=");
    }

    /**
     * Several filters at once: the commonest pair and triple of values in the dataset, walked a few
     * rows per page through 'next', in both directions of a sort that is not the id. Every page
     * says how many match in all, exactly (these match fewer than 1,000 users).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"city,tier,relationship__points,7", "first_name,city,tier,-last_name,1", "city,tier,-created,7"})
    void followingNextThroughSeveralFiltersReturnsEveryMatchingUserOnce(String line) throws Exception {
        List<String> parts = List.of(line.split(","));
        List<Filter> filters = parts.subList(0, parts.size() - 2).stream()
                .map(name -> Filter.byApiName(name).orElseThrow())
                .toList();
        Ordering o = Ordering.parse(parts.get(parts.size() - 2));
        String columns = filters.stream().map(f -> f.key().getName()).collect(Collectors.joining(", "));
        org.jooq.Record commonest = db.dsl()
                .fetchOne("select " + columns + ", count(*) from crmbench.user_list group by " + columns
                        + " order by count(*) desc, " + columns + " limit 1");
        StringBuilder query =
                new StringBuilder("/api/users/?page_size=" + parts.getLast() + "&ordering=" + o.apiName());
        StringBuilder where = new StringBuilder("true");
        for (int i = 0; i < filters.size(); i++) {
            String value = commonest.get(i, String.class);
            query.append('&').append(filters.get(i).apiName()).append('=').append(value.replace(" ", "%20"));
            where.append(" and lower(")
                    .append(filters.get(i).source().getQualifiedName().last())
                    .append(") = '")
                    .append(value.replace("'", "''"))
                    .append("'");
        }
        String column = o.key().source().getQualifiedName().last();
        String alias = o.key().source().getQualifiedName().first().equals("customer_relationship") ? "r" : "u";
        String direction = o.descending() ? " desc" : "";
        List<Long> expected = ids("select u.id from crmbench.app_user u join crmbench.address a on a.user_id = u.id "
                + "join crmbench.customer_relationship r on r.user_id = u.id where " + where + " order by " + alias
                + "." + column + direction + ", u.id" + direction);
        assertThat(expected.size()).as(query.toString()).isGreaterThan(3 * Integer.parseInt(parts.getLast()));

        List<String> links = new ArrayList<>();
        List<Long> walked = api.walk(query.toString(), links);
        assertThat(walked).as(query.toString()).isEqualTo(expected).doesNotHaveDuplicates();
        for (String link : links) {
            JsonNode page = api.getJson(link.replaceFirst("^http://[^/]+", ""), 200);
            assertThat(page.get("count").asLong()).as(link).isEqualTo(expected.size());
            assertThat(page.get("count_is_estimate").asBoolean()).isFalse();
        }
    }

    static List<String> orderings() {
        return Ordering.all().stream().map(Ordering::apiName).toList();
    }

    @Test
    void pagesStopAtTheResultWindowNamingPageAndPointingToTheCursor() throws Exception {
        JsonNode last = api.getJson("/api/users/?page=200", 200);
        assertThat(last.get("next").asText()).contains("cursor=").doesNotContain("page=");
        assertThat(last.get("previous").asText()).contains("page=199");

        for (String path : List.of("/api/users/?page=201", "/api/users/?page=21&page_size=500")) {
            JsonNode error = api.getJson(path, 400);
            assertThat(error.get("parameter").asText()).isEqualTo("page");
            assertThat(error.get("error").asText()).contains("10,000", "cursor");
        }
        assertThat(api.getJson("/api/users/?page=20&page_size=500", 200).get("results"))
                .hasSize(500);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/users/?page=abc|400|page",
                "/api/users/?page=-1|400|page",
                "/api/users/?page=0|400|page",
                "/api/users/?page=99999999999999999999|400|page",
                "/api/users/?page_size=100000|400|page_size",
                "/api/users/?ordering=password|400|ordering",
                "/api/users/?ordering=-id;drop%20table%20x|400|ordering",
                "/api/users/?cursor=not-a-cursor|400|cursor",
                "/api/users/?last_name=smith&page=100|404|page",
                "/api/users/abc/|400|id",
                "/api/users/-4/|400|id",
                "/api/users/99999999/|404|",
                "/api/run-query/?count=1&type=put&user_id=1|400|type",
                "/api/run-query/?count=1&user_id=1|400|type",
                "/api/run-query/?count=x&type=get&user_id=1|400|count",
                "/api/run-query/?count=1&type=get&user_id=0|400|user_id",
                "/api/run-query/?count=1&type=get|400|user_id",
                "/api/run-query/?count=1&type=get&user_id=20001|404|user_id",
                "/nowhere|404|"
            })
    void badInputIsAJsonErrorNamingTheParameterNeverA500(String path, int status, String parameter) throws Exception {
        JsonNode body = api.getJson(path, status);

        assertThat(body.has("error")).isTrue();
        assertThat(body.path("parameter").asText()).isEqualTo(parameter == null ? "" : parameter);
        assertThat(body.toString().toLowerCase()).doesNotContain("select ", "exception", "crmbench.app_user");
    }

    /** What the JDK's client refuses to send, sent raw: each a 400 JSON naming the parameter. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/users/?last_name=%zz|last_name|two hex digits",
                "/api/users/?city=%c0%af|city|not valid UTF-8",
                "/api/users/?last_name=%ff%fe|last_name|not valid UTF-8",
                "/api/users/?ordering=%|ordering|two hex digits",
                "/api/users/?cursor=%2|cursor|two hex digits",
                "/api/users/?first_name=a%00b|first_name|control character",
                "/api/users/?tier=gold&tier=silver|tier|more than once",
                "/api/users/?lastname=smith|lastname|unknown parameter 'lastname'",
                "/api/users/?last_name=smith&page=2&cursor=eyJ9|page|page or cursor",
                "/api/run-query/?count=1&type=get&user_id=1&debug=1|debug|unknown parameter",
                "/api/users/42/?verbose=1|verbose|takes none",
                "/api/users/?cursor=eyJvIjoiaWQiLCJ2IjoiMTIiLCJpZCI6IjEyIn0|cursor|not valid",
                "/api/users/?ordering=-created&cursor=eyJvIjoiaWQiLCJ2IjoiMTIiLCJpZCI6MTJ9|cursor|made for ordering 'id'",
            })
    void malformedQueryStringsAre400NamingTheParameter(String target, String parameter, String message)
            throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), target);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("content-type")).startsWith("application/json");
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("error").asText()).contains(message);
    }

    @Test
    void aCursorOfEveryOrderingCutShortIsA400() throws Exception {
        for (Ordering ordering : Ordering.all()) {
            JsonNode page = api.getJson("/api/users/?page=200&ordering=" + ordering.apiName(), 200);
            String cursor = page.get("next").asText().replaceFirst(".*cursor=", "");
            assertThat(api.getJson("/api/users/?ordering=" + ordering.apiName() + "&cursor=" + cursor, 200)
                            .get("results"))
                    .hasSize(50);
            for (int cut = 1; cut < cursor.length(); cut += 7) {
                RawHttp.Reply reply = RawHttp.get(
                        server.port(),
                        "/api/users/?ordering=" + ordering.apiName() + "&cursor=" + cursor.substring(0, cut));
                assertThat(reply.status())
                        .as(ordering.apiName() + " cut at " + cut)
                        .isEqualTo(400);
                assertThat(JSON.readTree(reply.body()).get("parameter").asText())
                        .isEqualTo("cursor");
            }
        }
    }

    @Test
    void sqlInjectionInAFilterIsJustAValue() throws Exception {
        JsonNode page = api.getJson("/api/users/?last_name=x%27%3B%20DROP%20TABLE%20crmbench.app_user%3B--", 200);

        assertThat(page.get("results")).isEmpty();
        assertThat(page.get("count").asLong()).isZero();
        assertThat(db.dsl().fetchCount(org.crmbench.jooq.Tables.APP_USER)).isEqualTo(20_000);
    }

    @Test
    void schemaIsAValidOpenApiDocumentOfTheseEndpoints() throws Exception {
        HttpResponse<String> schema = api.get("/api/schema/");
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(schema.body());

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths().keySet())
                .contains("/api/users/", "/api/users/{id}/", "/api/run-query/", "/health", "/metrics");
        assertThat(parsed.getOpenAPI().getPaths().get("/api/users/").getGet().getParameters())
                .extracting(p -> p.getName())
                .containsExactlyInAnyOrder(
                        "page",
                        "page_size",
                        "last_name",
                        "first_name",
                        "city",
                        "tier",
                        "ordering",
                        "cursor",
                        "search",
                        "city__in",
                        "tier__in",
                        "created__gte",
                        "created__lte",
                        "relationship__points__gte",
                        "relationship__points__lte",
                        "relationship__lifetime_value__gte",
                        "relationship__lifetime_value__lte");
    }

    @Test
    void docsHealthAndMetrics() throws Exception {
        assertThat(api.get("/api/docs/").body()).contains("swagger-ui-bundle.js", "/api/schema/");
        assertThat(api.get("/api/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        // Jetty refuses the ambiguous encoded path itself: a 400 in the API's JSON shape
        RawHttp.Reply traversal = RawHttp.get(server.port(), "/api/docs/..%2F..%2Fpom.properties");
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(JSON.readTree(traversal.body()).get("error").asText()).startsWith("Bad Request");
        assertThat(api.get("/api/docs/pom.properties").statusCode()).isEqualTo(404);
        assertThat(api.getJson("/health", 200).get("database").asText()).isEqualTo("up");
        api.get("/api/users/42/");
        assertThat(api.get("/metrics").body())
                .containsPattern("crmbench_http_requests_total\\{route=\"/api/users/\\{id}/\",status=\"200\"} \\d+")
                .contains("crmbench_db_connections{state=\"active\"}", "quantile=\"0.99\"");
    }

    private static List<Long> ids(String sql) {
        return db.dsl().fetchValues(sql).stream()
                .map(v -> ((Number) v).longValue())
                .toList();
    }
}
