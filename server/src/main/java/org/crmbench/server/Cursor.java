package org.crmbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.crmbench.query.Ordering;

/**
 * A keyset cursor: the ordering, and the ordering value and id of the last row of a page, as an
 * opaque URL-safe token. Reading one back checks it against the request's ordering.
 */
record Cursor(Ordering ordering, Object value, long id) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Cursor after(Ordering ordering, Object[] lastRow) {
        Object value =
                switch (ordering.key()) {
                    case ID -> lastRow[0];
                    case LAST_NAME -> lastRow[4];
                    case CREATED -> ((Timestamp) lastRow[8]).toInstant().atOffset(ZoneOffset.UTC);
                    case POINTS -> lastRow[18];
                    case LIFETIME_VALUE -> lastRow[21];
                };
        return new Cursor(ordering, value, (Long) lastRow[0]);
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode()
                .put("o", ordering.apiName())
                .put("v", value.toString())
                .put("id", id);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, Ordering ordering) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (!ordering.apiName().equals(node.path("o").asText())) {
                throw ApiError.badParameter(
                        "cursor",
                        "cursor was made for ordering '" + node.path("o").asText() + "', not '" + ordering.apiName()
                                + "'");
            }
            String v = node.get("v").asText();
            Object value =
                    switch (ordering.key()) {
                        case ID -> Long.parseLong(v);
                        case LAST_NAME -> v;
                        case CREATED -> OffsetDateTime.parse(v);
                        case POINTS -> Integer.parseInt(v);
                        case LIFETIME_VALUE -> new BigDecimal(v);
                    };
            return new Cursor(ordering, value, node.get("id").asLong());
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            throw ApiError.badParameter("cursor", "cursor is not valid; use the 'next' link of a previous page");
        }
    }
}
