package org.crmbench.server;

import java.nio.charset.StandardCharsets;

/** A finished response: status, content type and body. */
record ApiResponse(int status, String contentType, byte[] body) {
    static final String JSON = "application/json";

    static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, body);
    }

    static ApiResponse text(String contentType, String body) {
        return new ApiResponse(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
