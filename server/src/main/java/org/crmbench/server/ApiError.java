package org.crmbench.server;

import org.crmbench.api.UsersApi;

/**
 * A request the API answers with a 4xx or 503 JSON body: {@code {"error": message, "parameter": name}}.
 * The message never contains SQL or a stack trace. {@link #body} is the one shape every error has,
 * Jetty's own included ({@link JsonErrorHandler}).
 */
final class ApiError extends RuntimeException {
    private static final int ABBREVIATE_AT = 40;
    /** Seconds a client is told to wait after a 503 (Retry-After). */
    static final int RETRY_AFTER_SECONDS = 1;

    final int status;
    final String parameter;

    private ApiError(int status, String parameter, String message) {
        super(message, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    static ApiError badParameter(String parameter, String message) {
        return new ApiError(400, parameter, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, null, message);
    }

    static ApiError notFound(String parameter, String message) {
        return new ApiError(404, parameter, message);
    }

    static ApiError unauthorized() {
        return new ApiError(401, null, "this API needs its token: send the header Authorization: Bearer <token>");
    }

    static ApiError methodNotAllowed(String method) {
        return new ApiError(405, null, "method " + abbreviate(method) + " is not allowed here; use GET");
    }

    static ApiError databaseUnavailable() {
        return new ApiError(503, null, "the database is unavailable; try again shortly");
    }

    static ApiError overloaded() {
        return new ApiError(503, null, "the server is busy: the request waited its whole turn; try again shortly");
    }

    static ApiError tooSlow(long timeoutMs) {
        return new ApiError(
                503, null, "the request took longer than its time budget (" + timeoutMs + " ms) and was cancelled");
    }

    ApiResponse response() {
        ApiResponse response = ApiResponse.json(status, body(status, getMessage(), parameter));
        return switch (status) {
            case 401 -> response.withHeader("WWW-Authenticate", "Bearer realm=\"crmbench\"");
            case 503 -> response.withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            default -> response;
        };
    }

    /** The error body: {@code {"error": ..., "parameter": ...}}, plus DRF's "detail" for an invalid page. */
    static byte[] body(int status, String message, String parameter) {
        return UserJson.json(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            if (parameter != null) {
                json.writeStringField("parameter", parameter);
            }
            if (status == 404 && UsersApi.PAGE.equals(parameter)) {
                json.writeStringField("detail", "Invalid page."); // Django REST framework's body
            }
            json.writeEndObject();
        });
    }

    /** A value the client sent, cut short for an error message. */
    static String abbreviate(String value) {
        return value.length() > ABBREVIATE_AT ? value.substring(0, ABBREVIATE_AT - 3) + "..." : value;
    }
}
