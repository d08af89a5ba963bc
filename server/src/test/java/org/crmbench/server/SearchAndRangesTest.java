package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * search, ranges and __in on the list, over HTTP against a generated dataset, each checked against
 * SQL written independently of the server's (search as strpos over the source tables, so no LIKE
 * wildcard can make both sides agree by accident).
 */
class SearchAndRangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "from crmbench.app_user u join crmbench.address a on a.user_id = u.id"
            + " join crmbench.customer_relationship r on r.user_id = u.id";

    /** Users given names with LIKE's wildcards, its escape character and non-ASCII letters. */
    private static final List<String[]> ODD_NAMES = List.of(
            new String[] {"1", "Öztürk_50%", "ÇAĞLA"},
            new String[] {"2", "Öztürkx50x", "Zoë"},
            new String[] {"3", "back\\slash", "Ægir"},
            new String[] {"4", "Plain", "Zoe"});

    @TempDir
    static Path tmp;

    static Database db;
    static ApiServer server;
    static ApiCalls api;

    @BeforeAll
    static void start() throws IOException {
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, 20_000);
        for (String[] odd : ODD_NAMES) {
            rename(Long.parseLong(odd[0]), odd[1], odd[2]);
        }
        server = ApiServer.start(db, ServerSettings.defaults(), "test");
        api = new ApiCalls(server.port());
    }

    /** The same names in the source tables and the read table, as a load would have written them. */
    private static void rename(long id, String lastName, String firstName) {
        db.dsl()
                .execute(
                        "update crmbench.app_user set last_name = ?, first_name = ? where id = ?",
                        lastName,
                        firstName,
                        id);
        db.dsl()
                .execute(
                        "update crmbench.user_list set last_name = ?, first_name = ?, last_name_key = lower(?),"
                                + " first_name_key = lower(?) where user_id = ?",
                        lastName,
                        firstName,
                        lastName,
                        firstName,
                        id);
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
                "search=smi&ordering=-created|smi",
                "search=SMITH john&ordering=last_name|smith,john",
                "search=zzqx|zzqx",
                "search=ber, an&ordering=-relationship__points|ber,an",
                "search=mar&city__in=Vienna,berlin&ordering=relationship__lifetime_value|mar",
                "search=50%|50%",
                "search=_50|_50",
                "search=k\\s|k\\s",
                "search=öZTÜ&ordering=last_name|öztü",
                "search=çağ|çağ",
                "search=zoë|zoë",
            })
    void searchMatchesEachTermInSomeFieldLiterally(String query, String terms) throws Exception {
        StringBuilder where = new StringBuilder("true");
        for (String term : terms.split(",")) {
            String t = "'" + term.replace("'", "''") + "'";
            where.append(" and (strpos(lower(u.first_name), ")
                    .append(t)
                    .append(") > 0 or strpos(lower(u.last_name), ")
                    .append(t)
                    .append(") > 0 or strpos(lower(u.email), ")
                    .append(t)
                    .append(") > 0 or strpos(lower(a.city), ")
                    .append(t)
                    .append(") > 0)");
        }
        if (query.contains("city__in")) {
            where.append(" and lower(a.city) in ('vienna', 'berlin')");
        }
        assertPageMatches(query, where.toString());
    }

    @Test
    void wildcardsInATermMatchOnlyThemselves() throws Exception {
        // as wildcards, '50%' and 'k_50' would also match Öztürkx50x (user 2)
        assertThat(allIds("search=50%")).containsExactly(1L);
        assertThat(allIds("search=k_50")).containsExactly(1L);
        assertThat(allIds("search=k\\s")).containsExactly(3L);
        assertThat(allIds("search=ztürk")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(allIds("search=ÆGIR")).containsExactly(3L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "created__gte=2020-03-01&created__lte=2020-03-31&ordering=created"
                        + "|u.created >= '2020-03-01T00:00Z' and u.created < '2020-04-01T00:00Z'",
                "created__gte=2020-03-01T12:30:00+02:00&ordering=-created|u.created >= '2020-03-01T10:30Z'",
                "created__lte=2015-06-01T00:00:00Z|u.created <= '2015-06-01T00:00Z'",
                "relationship__points__gte=500&relationship__points__lte=600&tier=silver&ordering=-relationship__points"
                        + "|r.points between 500 and 600 and lower(r.tier) = 'silver'",
                "relationship__lifetime_value__gte=1000.005&relationship__lifetime_value__lte=2000.009"
                        + "&ordering=relationship__lifetime_value"
                        + "|r.lifetime_value >= 1000.01 and r.lifetime_value <= 2000.00",
                "tier__in=gold,PLATINUM&ordering=last_name|lower(r.tier) in ('gold', 'platinum')",
                "city__in=vienna&last_name__in=x|false",
                "tier__in=gold&tier=silver|false",
                "relationship__points__gte=7&relationship__points__lte=7|r.points = 7",
            })
    void rangesAndListsMatchSql(String query, String where) throws Exception {
        if (query.contains("last_name__in")) {
            // not a list filter: refused like any unknown parameter
            assertThat(api.get("/api/users/?" + encode(query)).statusCode()).isEqualTo(400);
            return;
        }
        assertPageMatches(query, where);
    }

    @Test
    void followingNextThroughASearchReturnsEveryMatchOnce() throws Exception {
        List<Long> expected = ids("select u.id " + FROM + " where strpos(lower(u.last_name || ' ' || u.first_name"
                + " || ' ' || u.email || ' ' || a.city), 'son') > 0 order by u.last_name desc, u.id desc");
        assertThat(expected).hasSizeGreaterThan(100);
        List<Long> walked = api.walk("/api/users/?search=son&ordering=-last_name&page_size=17");
        assertThat(walked).isEqualTo(expected).doesNotHaveDuplicates();
    }

    /** A range wider than page numbers reach: numbered pages, then cursors, every row once. */
    @Test
    void followingNextThroughARangeReturnsEveryMatchOnce() throws Exception {
        List<Long> expected = ids("select u.id " + FROM + " where r.points >= 100 order by r.points, u.id");
        assertThat(expected).hasSizeGreaterThan(10_000);
        List<Long> walked =
                api.walk("/api/users/?relationship__points__gte=100&ordering=relationship__points&page_size=500");
        assertThat(walked).isEqualTo(expected).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "search=%20,%20|search|no term",
                "search=ab|search|at least 3",
                "search=ab%20cd|search|at least 3",
                "search=abc%20d%20e%20f%20g%20h|search|at most 5",
                "created__gte=yesterday|created__gte|a date",
                "created__lte=2024-02-30|created__lte|a date",
                "created__gte=2024-02-01&created__lte=2024-01-31|created__gte|is above created__lte",
                "relationship__points__gte=1.5|relationship__points__gte|whole number",
                "relationship__points__lte=7&relationship__points__gte=8|relationship__points__gte|is above",
                "relationship__lifetime_value__gte=1e999999999|relationship__lifetime_value__gte|a number",
                "relationship__lifetime_value__lte=ten|relationship__lifetime_value__lte|a number",
                "tier__in=gold,,silver|tier__in|empty value",
                "tier__in=,|tier__in|empty value",
                "city__in=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u|city__in|1 to 20 values",
            })
    void badValuesAre400NamingTheParameter(String query, String parameter, String message) throws Exception {
        HttpResponse<String> response = api.get("/api/users/?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("parameter").asText()).isEqualTo(parameter);
        assertThat(error.get("error").asText()).contains(message);
    }

    @Test
    void nextLinksKeepTheFiltersAsGiven() throws Exception {
        JsonNode page = api.getJson(
                "/api/users/?" + encode("search=smi&tier__in=gold,silver&relationship__points__gte=1") + "&page_size=2",
                200);
        String next = page.get("next").asText();
        assertThat(next).contains("search=smi", "tier__in=gold%2Csilver", "relationship__points__gte=1", "page=2");
    }

    /** Page 1 of {@code query} is the first page of the SQL's rows, and the count is theirs. */
    private static void assertPageMatches(String query, String where) throws Exception {
        JsonNode page = api.getJson("/api/users/?" + encode(query) + "&page_size=20", 200);
        String orderBy = orderBy(query);
        List<Long> expected = ids("select u.id " + FROM + " where " + where + " order by " + orderBy);
        assertThat(ApiCalls.ids(page.get("results")))
                .as(query)
                .isEqualTo(expected.subList(0, Math.min(20, expected.size())));
        if (page.get("count_is_estimate").asBoolean()) {
            assertThat(expected.size()).as(query).isGreaterThan(20);
        } else {
            assertThat(page.get("count").asLong()).as(query).isEqualTo(expected.size());
        }
    }

    private static String orderBy(String query) {
        String ordering = query.contains("ordering=") ? query.replaceAll(".*ordering=([-\\w]+).*", "$1") : "id";
        boolean descending = ordering.startsWith("-");
        String column = switch (ordering.replace("-", "")) {
            case "id" -> "u.id";
            case "last_name" -> "u.last_name";
            case "created" -> "u.created";
            case "relationship__points" -> "r.points";
            case "relationship__lifetime_value" -> "r.lifetime_value";
            default -> throw new IllegalArgumentException(ordering);
        };
        String direction = descending ? " desc" : "";
        return column + direction + ", u.id" + direction;
    }

    /** Encodes each value (the CSV cases write them readable), keeping '=' and '&' as separators. */
    private static String encode(String query) {
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(pair.substring(0, eq + 1)
                    + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return String.join("&", pairs);
    }

    private static List<Long> allIds(String query) throws Exception {
        return api.walk("/api/users/?" + encode(query) + "&page_size=500");
    }

    private static List<Long> ids(String sql) {
        return db.dsl().fetchValues(sql).stream()
                .map(v -> ((Number) v).longValue())
                .toList();
    }
}
