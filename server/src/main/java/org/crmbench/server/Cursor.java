package org.crmbench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.crmbench.api.UsersApi;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.UserRow;

/**
 * A keyset cursor as an opaque URL-safe token: the ordering, and the ordering value and id of the
 * last row of a page. Reading one back checks it against the request's ordering; anything that is
 * not a token this class wrote is a 400 naming {@code cursor}.
 */
final class Cursor {
    /** Longer than any token we write (the longest value is a 100-character last name). */
    static final int MAX_LENGTH = 600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursor() {}

    /** The token for the page after {@code lastRow} in {@code ordering}. */
    static String after(Ordering ordering, UserRow lastRow) {
        ListRequest.After position = ListRequest.after(ordering, lastRow);
        ObjectNode node = JSON.createObjectNode()
                .put("o", ordering.apiName())
                .put("v", ordering.key().format(position.value()))
                .put("id", position.id());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token stands for, in {@code ordering}. */
    static ListRequest.After decode(String token, Ordering ordering) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (Exception e) {
            throw invalid();
        }
        if (node == null
                || !node.isObject()
                || !node.path("o").isTextual()
                || !node.path("v").isTextual()) {
            throw invalid();
        }
        if (!ordering.apiName().equals(node.get("o").asText())) {
            throw ApiError.badParameter(
                    UsersApi.CURSOR,
                    "cursor was made for ordering '"
                            + ApiError.abbreviate(node.get("o").asText()) + "', not '" + ordering.apiName()
                            + "'");
        }
        JsonNode id = node.path("id");
        if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 0) {
            throw invalid();
        }
        try {
            return new ListRequest.After(ordering.key().parse(node.get("v").asText()), id.asLong());
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ApiError invalid() {
        return ApiError.badParameter(UsersApi.CURSOR, "cursor is not valid; use the 'next' link of a previous page");
    }
}
