package org.crmbench.server;

/**
 * A request the API answers with a 4xx or 503 JSON body: {@code {"error": message, "parameter": name}}.
 * The message never contains SQL or a stack trace.
 */
final class ApiError extends RuntimeException {
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

    static ApiError methodNotAllowed(String method) {
        return new ApiError(405, null, "method " + method + " is not allowed here; use GET");
    }

    static ApiError databaseUnavailable() {
        return new ApiError(503, null, "the database is unavailable; try again shortly");
    }
}
