package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.api.UsersApi;
import org.crmbench.db.Database;
import org.crmbench.query.Ordering;

/**
 * Every parameter of every endpoint, read from the served OpenAPI document (so a parameter added
 * later is fuzzed too), gets generated malformed values: bad percent-encoding, raw bytes that are
 * not UTF-8, control characters, very long values, wrong types, injections, forged and truncated
 * cursors, repeats and unknown names. Every answer must be below 500, JSON, and an error body
 * must not show SQL or a stack trace. The server requires a bearer token, which every probe
 * carries: the checks of the token come first and must let every malformed value through to them.
 */
class MalformedInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What our SQL, pgjdbc's errors or a stack trace would show; fuzzed values never contain these. */
    private static final List<String> LEAKS = List.of(
            "\"crmbench\".\"", "user_list", "pg_class", "explain (", "PSQLException", "SQLState", "at org.", "<html");

    private static Path dir;
    private static Database db;
    private static ApiServer server;
    private static List<Parameter> parameters;

    /** A parameter of an endpoint: in the query, or the path's {id}. */
    record Parameter(String path, String name, boolean inPath) {}

    /** One request: which parameter, its raw (already percent-encoded) value, and the query around it. */
    record Probe(Parameter parameter, String rawValue, String shape) {
        /**
         * Malformed whatever the parameter takes, so a 400: a query parameter given twice or
         * beside an unknown one, or a value that is not UTF-8 once decoded or holds a control
         * character. (A value that merely is not what the parameter takes, such as text for a
         * number, may also be a 404 or, for a filter, a 200 with no rows.)
         */
        boolean malformed() {
            if (parameter.inPath()) {
                return false; // Jetty checks the path before any route: its own 400s, or a 404
            }
            if (!shape.equals("single")) {
                return true;
            }
            return decoded(rawValue)
                    .map(v -> v.chars().anyMatch(Character::isISOControl))
                    .orElse(true);
        }

        /** The value percent-decoded as UTF-8; empty when it is not (bad escapes, bytes that are not UTF-8). */
        private static Optional<String> decoded(String raw) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%') {
                    if (i + 2 >= raw.length()) {
                        return Optional.empty();
                    }
                    int hi = Character.digit(raw.charAt(i + 1), 16);
                    int lo = Character.digit(raw.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return Optional.empty();
                    }
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else {
                    bytes.write(c == '+' ? ' ' : c);
                }
            }
            try {
                return Optional.of(StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                        .toString());
            } catch (java.nio.charset.CharacterCodingException e) {
                return Optional.empty();
            }
        }

        String target() {
            if (parameter.inPath()) {
                return parameter.path().replace("{id}", rawValue);
            }
            String pair = parameter.name() + "=" + rawValue;
            String query = switch (shape) {
                case "repeated" -> pair + "&" + pair;
                case "unknown" -> pair + "&" + rawValue + "=1";
                default -> pair;
            };
            return parameter.path() + "?" + query;
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("crmbench-fuzz");
        db = EmbeddedDatabase.open(dir, 4);
        EmbeddedDatabase.generate(db, 3_000);
        server = ApiServer.start(
                db,
                ServerSettings.defaults().withConnections(4, 1, ServerSettings.DEFAULT_LIST_SHARE_PERCENT),
                new ServerAccess(Optional.of(BearerToken.of(RawHttp.TOKEN)), Optional.empty()),
                "test");
        JsonNode doc = JSON.readTree(RawHttp.get(server.port(), "/api/schema/").body());
        List<Parameter> found = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> {
            JsonNode params = path.getValue().path("get").path("parameters");
            params.forEach(p -> found.add(new Parameter(
                    path.getKey(), p.get("name").asText(), p.get("in").asText().equals("path"))));
        });
        parameters = List.copyOf(found);
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 4_000, seed = "20261124")
    void everyMalformedValueIsAJson4xxWithoutSql(@ForAll("probes") Probe probe) throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.port(), probe.target());

        assertThat(reply.status())
                .as(probe.target() + " -> " + reply.body())
                .isLessThan(500)
                .isNotEqualTo(401);
        if (probe.malformed()) {
            assertThat(reply.status())
                    .as("malformed whatever the parameter: " + probe.target() + " -> " + reply.body())
                    .isEqualTo(400);
        }
        assertThat(reply.header("content-type")).as(probe.target()).startsWith("application/json");
        JsonNode body = JSON.readTree(reply.body());
        if (reply.status() >= 400) {
            assertThat(body.path("error").asText()).as(probe.target()).isNotBlank();
            assertThat(reply.body()).as(probe.target()).doesNotContain(LEAKS);
        }
    }

    /** The parameters the served document lists are exactly those each endpoint takes. */
    @Example
    void theOpenApiDocumentListsTheParametersTheServerTakes() {
        java.util.Map<String, java.util.Set<String>> documented = new java.util.TreeMap<>();
        for (Parameter p : parameters) {
            documented.computeIfAbsent(p.path(), k -> new java.util.TreeSet<>()).add(p.name());
        }
        assertThat(documented)
                .containsEntry("/api/users/", new java.util.TreeSet<>(UsersApi.LIST_PARAMETERS))
                .containsEntry("/api/run-query/", new java.util.TreeSet<>(UsersApi.RUN_QUERY_PARAMETERS))
                .containsEntry("/api/users/{id}/", new java.util.TreeSet<>(List.of("id")));
    }

    @Provide
    Arbitrary<Probe> probes() {
        return Combinators.combine(
                        Arbitraries.of(parameters), values(), Arbitraries.of("single", "single", "repeated", "unknown"))
                .as(Probe::new);
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                badPercentEncoding(),
                rawBytes(),
                Arbitraries.strings().ofMinLength(90).ofMaxLength(3_000).alpha().map(MalformedInputFuzzTest::encode),
                Arbitraries.of(
                                "-1",
                                "0",
                                "1e10",
                                "99999999999999999999",
                                "-9223372036854775809",
                                "NaN",
                                "1.5",
                                "0x10",
                                "+5",
                                " 1",
                                "١٢٣",
                                "",
                                "true",
                                "null",
                                "[]",
                                "{}")
                        .map(MalformedInputFuzzTest::encode),
                Arbitraries.of(
                                "' OR 1=1 --",
                                "1; DROP TABLE crmbench.app_user",
                                "\" OR \"\"=\"",
                                "$$",
                                "\\",
                                "${jndi:ldap://x/a}",
                                "<script>alert(1)</script>",
                                "../../etc/passwd",
                                "Ǆ🙂\u202e",
                                "-relationship__points;--",
                                "id,last_name")
                        .map(MalformedInputFuzzTest::encode),
                forgedCursors());
    }

    /** '%' without two hex digits, overlong and surrogate UTF-8, lone continuation bytes, NUL, controls. */
    private static Arbitrary<String> badPercentEncoding() {
        Arbitrary<String> bad = Arbitraries.of(
                "%",
                "%z",
                "%zz",
                "%2",
                "%g0",
                "%%",
                "%c0%af",
                "%ff%fe",
                "%ed%a0%80",
                "%f8%88%80%80%80",
                "%e2%82",
                "%80",
                "%00",
                "%0a",
                "%1b",
                "%7f");
        Arbitrary<String> around = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(5);
        return Combinators.combine(around, bad, around).as((a, b, c) -> a + b + c);
    }

    /** Random bytes, each percent-encoded: mostly not UTF-8. */
    private static Arbitrary<String> rawBytes() {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(1)
                .ofMaxSize(40)
                .map(bytes -> {
                    StringBuilder s = new StringBuilder();
                    for (byte b : bytes) {
                        s.append('%').append(HexFormat.of().toHexDigits(b));
                    }
                    return s.toString();
                });
    }

    /**
     * Tokens shaped like cursors: real ones cut short, JSON with wrong types or another ordering,
     * base64 of random bytes.
     */
    private static Arbitrary<String> forgedCursors() {
        Arbitrary<String> ordering = Arbitraries.of(Ordering.all()).map(Ordering::apiName);
        Arbitrary<String> value = Arbitraries.of(
                "\"2020-01-01T00:00:00Z\"",
                "\"smith\"",
                "12",
                "\"12.50\"",
                "\"x\"",
                "null",
                "{}",
                "[1]",
                "1e999",
                "\"2020-13-45T99:00:00Z\"",
                "\"" + "9".repeat(400) + "\"");
        Arbitrary<String> id = Arbitraries.of("1", "-5", "\"7\"", "1.5", "99999999999999999999", "null");
        Arbitrary<String> json = Combinators.combine(ordering, value, id)
                .as((o, v, i) -> "{\"o\":\"" + o + "\",\"v\":" + v + ",\"id\":" + i + "}");
        Arbitrary<String> encoded = json.map(
                j -> Base64.getUrlEncoder().withoutPadding().encodeToString(j.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> truncated = Combinators.combine(
                        encoded, Arbitraries.integers().between(1, 30))
                .as((token, cut) -> token.substring(0, Math.max(1, token.length() - cut)));
        Arbitrary<String> noise = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(60)
                .map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        return Arbitraries.oneOf(encoded, truncated, noise);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
