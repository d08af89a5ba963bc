package org.crmbench.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a URI too long, headers too big, an ambiguous path, a bad request line, an
 * HTTP version it does not speak) in the API's one error shape, {@code {"error": "..."}}, instead
 * of Jetty's HTML page: both the errors of a parsed request and those raised while parsing, when
 * there is no request yet. No stack trace, no server name.
 */
final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        response.write(true, ByteBuffer.wrap(ApiError.body(code, text(code, message), null)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (!HttpStatus.hasNoBody(status)) {
            fields.put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        }
        return HttpStatus.hasNoBody(status) ? null : ByteBuffer.wrap(ApiError.body(status, text(status, reason), null));
    }

    /**
     * "URI Too Long", or for a client error Jetty's reason when it says more ("Ambiguous URI
     * empty segment"); a server error never shows its cause, nor does a reason naming a class.
     */
    private static String text(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        boolean tellsMore = reason != null
                && !reason.isBlank()
                && !reason.equalsIgnoreCase(standard)
                && !reason.contains("Exception")
                && !reason.contains("org.");
        return status < 500 && tellsMore ? standard + ": " + reason : standard;
    }
}
