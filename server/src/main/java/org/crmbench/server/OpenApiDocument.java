package org.crmbench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.crmbench.api.UsersApi;
import org.crmbench.query.Filter;
import org.crmbench.query.Ordering;
import org.crmbench.query.RangeFilter;
import org.crmbench.query.Search;
import org.crmbench.query.UserFilter;
import org.jooq.Field;

/**
 * The OpenAPI 3 description of the endpoints in {@link Routes}, with their parameters and shapes,
 * read from the same definitions the server uses ({@link UsersApi}, {@link Filter}, {@link
 * Ordering}).
 *
 * <p>Written with Jackson's tree model rather than swagger-core's models: serving the document
 * needs nothing swagger-core adds (no annotation scanning, no YAML), and swagger-core would put
 * its Jackson modules, jakarta.xml.bind, jakarta.validation and commons-lang3 on serve's class path for one JSON
 * file written once at start. What the models would guarantee, a valid document, is checked
 * instead in ApiServerTest by swagger-parser, which reads the served document as a client does.
 */
final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocument() {}

    static byte[] build(String version) {
        ObjectNode doc = JSON.createObjectNode().put("openapi", "3.0.3");
        doc.putObject("info")
                .put("title", "crmbench API")
                .put("version", version)
                .put("description", "Users with their address and customer relationship, from crmbench generate.");
        ObjectNode paths = doc.putObject("paths");
        listUsers(paths);
        getUser(paths);
        runQuery(paths);

        ObjectNode health = get(paths, "/health", "health", "Whether the database is reachable");
        health.putObject("responses").putObject("200").put("description", "database reachable");
        health.with("responses").putObject("503").put("description", "database unreachable");
        get(paths, "/metrics", "metrics", "Prometheus metrics")
                .putObject("responses")
                .putObject("200")
                .put("description", "Prometheus text format");
        ObjectNode schema = get(paths, UsersApi.SCHEMA_PATH, "schema", "This document");
        schema.putObject("responses").putObject("200").put("description", "OpenAPI 3 JSON");

        ObjectNode components = doc.putObject("components");
        schemas(components.putObject("schemas"));
        bearerToken(doc, components, health, schema);
        return doc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void listUsers(ObjectNode paths) {
        ObjectNode list = get(paths, UsersApi.LIST_PATH, "listUsers", "List users (page number or keyset cursor)");
        ArrayNode params = list.putArray("parameters");
        query(
                params,
                UsersApi.PAGE,
                integer(1, UsersEndpoints.MAX_PAGE),
                "Page number, from 1; page × page_size stops at the server's max result window ("
                        + UsersApi.DEFAULT_MAX_RESULT_WINDOW
                        + " rows by default): past it, follow 'next', which switches to a cursor");
        query(
                params,
                UsersApi.PAGE_SIZE,
                integer(1, UsersApi.MAX_PAGE_SIZE).put("default", UsersApi.DEFAULT_PAGE_SIZE),
                "Users per page");
        for (Filter filter : Filter.values()) {
            query(params, filter.apiName(), string(), "Case-insensitive exact match");
            if (filter.takesList()) {
                query(
                        params,
                        filter.anyOfName(),
                        string(),
                        "Comma-separated values, one of which must match exactly, case-insensitive (at most "
                                + UserFilter.MAX_ANY_OF + ")");
            }
        }
        for (RangeFilter range : RangeFilter.values()) {
            ObjectNode bound = range == RangeFilter.POINTS ? integer(Integer.MIN_VALUE, Integer.MAX_VALUE) : string();
            query(params, range.fromName(), bound, "At least (inclusive); " + range.valueHint());
            query(params, range.toName(), bound.deepCopy(), "At most (inclusive); " + range.valueHint());
        }
        query(
                params,
                Search.PARAMETER,
                string(),
                "Terms separated by spaces or commas (at most " + Search.MAX_TERMS + "); each must occur,"
                        + " case-insensitive, in first name, last name, email or city. One term needs at least "
                        + Search.MIN_INDEXED_LENGTH + " characters");
        ObjectNode ordering = string();
        ArrayNode values = ordering.putArray("enum");
        Ordering.all().forEach(o -> values.add(o.apiName()));
        query(params, UsersApi.ORDERING, ordering, "Sort key, '-' for descending (ties by id)");
        query(
                params,
                UsersApi.CURSOR,
                string().put("maxLength", Cursor.MAX_LENGTH),
                "Keyset cursor from a 'next' link (fast deep pages); not with page");
        responses(list, "UserPage", "400", "404");
    }

    private static void getUser(ObjectNode paths) {
        ObjectNode detail = get(paths, UsersApi.DETAIL_PATH, "getUser", "One user with address and relationship");
        detail.putArray("parameters")
                .addObject()
                .put("name", "id")
                .put("in", "path")
                .put("required", true)
                .set("schema", integer(1, Long.MAX_VALUE));
        responses(detail, "User", "400", "404");
    }

    private static void runQuery(ObjectNode paths) {
        ObjectNode run =
                get(paths, UsersApi.RUN_QUERY_PATH, "runQuery", "The original high-load endpoint: one user by id");
        ArrayNode runParams = run.putArray("parameters");
        ObjectNode type = string();
        type.putArray("enum").add("get");
        query(runParams, "type", type, "Query type").put("required", true);
        query(
                runParams,
                "count",
                integer(1, UsersEndpoints.MAX_RUN_QUERY_COUNT).put("default", 1),
                "How many times to run the lookup");
        query(runParams, "user_id", integer(1, Long.MAX_VALUE), "The user's id").put("required", true);
        responses(run, "User", "400", "404");
    }

    /**
     * The token of a server started with --token-file (Swagger UI's Authorize button sends it);
     * a server without one accepts requests without it, hence the empty alternative. The health
     * check and this document never need it.
     */
    private static void bearerToken(ObjectNode doc, ObjectNode components, ObjectNode... open) {
        components
                .putObject("securitySchemes")
                .putObject("bearer")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("description", "crmbench serve --token-file FILE: the file's first line");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject();
        for (ObjectNode operation : open) {
            operation.putArray("security");
        }
    }

    private static ObjectNode get(ObjectNode paths, String path, String id, String summary) {
        return paths.putObject(path).putObject("get").put("operationId", id).put("summary", summary);
    }

    private static ObjectNode query(ArrayNode params, String name, ObjectNode schema, String description) {
        ObjectNode p = params.addObject().put("name", name).put("in", "query").put("description", description);
        p.set("schema", schema);
        return p;
    }

    private static void responses(ObjectNode operation, String schema, String... errors) {
        ObjectNode responses = operation.putObject("responses");
        responses
                .putObject("200")
                .put("description", "OK")
                .putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("$ref", "#/components/schemas/" + schema);
        for (String status : errors) {
            responses
                    .putObject(status)
                    .put("description", status.equals("400") ? "Invalid parameter" : "Not found")
                    .putObject("content")
                    .putObject("application/json")
                    .putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
    }

    /** User, Address and Relationship from the JSON's sections and their columns' types; then UserPage, Error. */
    private static void schemas(ObjectNode schemas) {
        ObjectNode user = null;
        for (UserJson.Section section : UserJson.SECTIONS) {
            ObjectNode object = object(schemas, schemaName(section));
            ObjectNode properties = object.putObject("properties");
            for (Field<?> field : section.fields()) {
                properties.set(field.getName(), schema(field));
            }
            if (section.name() == null) {
                user = properties;
            }
        }
        for (UserJson.Section section : UserJson.SECTIONS) {
            if (section.name() != null) {
                user.set(section.name(), ref(schemaName(section)));
            }
        }
        ObjectNode page = object(schemas, "UserPage");
        ObjectNode results = JSON.createObjectNode().put("type", "array");
        results.set("items", ref("User"));
        props(
                page,
                "count",
                integer(0, Long.MAX_VALUE),
                "count_is_estimate",
                JSON.createObjectNode().put("type", "boolean"),
                "next",
                string().put("nullable", true),
                "previous",
                string().put("nullable", true),
                "results",
                results);
        ObjectNode error = object(schemas, "Error");
        props(error, "error", string(), "parameter", string().put("nullable", true));
    }

    /** "User" for the top level, else the section's name capitalised ("Address"). */
    private static String schemaName(UserJson.Section section) {
        return section.name() == null
                ? "User"
                : Character.toUpperCase(section.name().charAt(0))
                        + section.name().substring(1);
    }

    /** The JSON schema of a column, from its Java type as UserJson writes it. */
    private static ObjectNode schema(Field<?> field) {
        Class<?> type = field.getType();
        if (type == Long.class) {
            return integer(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Integer.class) {
            return JSON.createObjectNode().put("type", "integer").put("format", "int32");
        }
        if (type == Boolean.class) {
            return JSON.createObjectNode().put("type", "boolean");
        }
        if (type == BigDecimal.class) {
            return decimal();
        }
        if (type == OffsetDateTime.class) {
            return dateTime();
        }
        if (type == LocalDate.class) {
            return string().put("format", "date");
        }
        if (type == String.class) {
            ObjectNode string = string();
            if (field.getDataType().hasLength()) {
                string.put("maxLength", field.getDataType().length());
            }
            return string;
        }
        throw new IllegalStateException("no JSON schema for " + field + " of " + type);
    }

    private static ObjectNode object(ObjectNode schemas, String name) {
        return schemas.putObject(name).put("type", "object");
    }

    private static void props(ObjectNode object, Object... nameSchemaPairs) {
        ObjectNode properties = object.putObject("properties");
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.set((String) nameSchemaPairs[i], (ObjectNode) nameSchemaPairs[i + 1]);
        }
    }

    private static ObjectNode ref(String name) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static ObjectNode string() {
        return JSON.createObjectNode().put("type", "string");
    }

    private static ObjectNode decimal() {
        return string().put("format", "decimal");
    }

    private static ObjectNode dateTime() {
        return string().put("format", "date-time");
    }

    private static ObjectNode integer(long min, long max) {
        return JSON.createObjectNode()
                .put("type", "integer")
                .put("format", "int64")
                .put("minimum", min)
                .put("maximum", max);
    }
}
