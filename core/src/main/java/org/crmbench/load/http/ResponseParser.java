package org.crmbench.load.http;

import java.util.Arrays;

/**
 * An HTTP/1.1 response read incrementally from whatever bytes arrive: the status, the headers that
 * decide the framing (Content-Length, Transfer-Encoding: chunked, Connection: close), and the body,
 * which is kept in one buffer that doubles as needed (so a long chunked body costs no repeated
 * copies). Interim 1xx responses are skipped; 204, 304 and answers to HEAD have no body; a
 * response with neither length nor chunks ends when the server closes the connection.
 */
final class ResponseParser {
    private enum State {
        STATUS,
        HEADERS,
        BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS,
        UNTIL_CLOSE,
        DONE
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes();
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes();
    private static final byte[] CONNECTION = "connection:".getBytes();
    /** A status line or header longer than this is not a response we can use. */
    private static final int MAX_LINE = 64 * 1024;

    private State state = State.STATUS;
    /**
     * The line being read; it grows to MAX_LINE only when a line needs it. A parser per connection
     * used to take MAX_LINE up front: 64 MB of zeroed heap for 1,000 connections, for status and
     * header lines of a few dozen bytes, copied by the young collection that followed (by hand, a
     * 20 s run of 1,000 users: one collection of 175 ms keeping 73 MB; none with this).
     */
    private byte[] line = new byte[256];

    private int lineLength;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private boolean head;
    private long remaining;
    private byte[] body = new byte[4096];
    private int bodyLength;

    /** Starts on the next response; {@code headRequest}: the response has no body whatever it says. */
    void reset(boolean headRequest) {
        state = State.STATUS;
        lineLength = 0;
        status = 0;
        contentLength = -1;
        chunked = false;
        close = false;
        head = headRequest;
        bodyLength = 0;
    }

    /**
     * Consumes {@code bytes[from, to)}; returns how many bytes were used (the rest belong to the
     * next response), or throws {@link MalformedResponse}.
     */
    int feed(byte[] bytes, int from, int to) throws MalformedResponse {
        int at = from;
        while (at < to && state != State.DONE) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    int end = at;
                    while (end < to && bytes[end] != '\n') {
                        end++;
                    }
                    append(bytes, at, end);
                    if (end == to) {
                        return to - from;
                    }
                    at = end + 1;
                    onLine();
                    lineLength = 0;
                }
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, to - at);
                    keep(bytes, at, n);
                    at += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> {
                    keep(bytes, at, to - at);
                    at = to;
                }
                case DONE -> {
                    // unreachable: the loop stops
                }
            }
        }
        return at - from;
    }

    /** The server closed the connection: the end of a response that runs until close, else an error. */
    void endOfInput() throws MalformedResponse {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return;
        }
        if (state != State.DONE) {
            throw new MalformedResponse(
                    state == State.STATUS && lineLength == 0
                            ? "the server closed the connection"
                            : "the connection closed in the middle of a response");
        }
    }

    boolean done() {
        return state == State.DONE;
    }

    /** Whether nothing of a response has arrived yet. */
    boolean nothingYet() {
        return state == State.STATUS && lineLength == 0;
    }

    int status() {
        return status;
    }

    /** Whether the connection must be closed after this response. */
    boolean closeAfter() {
        return close;
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    private void onLine() throws MalformedResponse {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        switch (state) {
            case STATUS -> {
                if (length < 12 || line[0] != 'H' || line[1] != 'T' || line[4] != '/' || line[8] != ' ') {
                    throw new MalformedResponse("not an HTTP/1.x response");
                }
                status = digit(line[9]) * 100 + digit(line[10]) * 10 + digit(line[11]);
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (length == 0) {
                    endOfHeaders();
                } else if (startsWith(CONTENT_LENGTH, length)) {
                    long value = number(CONTENT_LENGTH.length, length, 10);
                    if (contentLength >= 0 && contentLength != value) {
                        // RFC 9112 §6.3: the length is unknowable; failing now beats waiting for a timeout
                        throw new MalformedResponse(
                                "two different Content-Length values, " + contentLength + " and " + value);
                    }
                    contentLength = value;
                } else if (startsWith(TRANSFER_ENCODING, length)) {
                    chunked = contains(length, "chunked");
                } else if (startsWith(CONNECTION, length)) {
                    close = contains(length, "close");
                }
            }
            case CHUNK_SIZE -> {
                int end = 0;
                while (end < length && line[end] != ';') {
                    end++;
                }
                remaining = number(0, end, 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (length == 0) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void endOfHeaders() {
        if (status >= 100 && status < 200 && status != 101) {
            reset(head); // an interim response (100 Continue, 103): the real one follows
            return;
        }
        if (head || status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY;
        } else {
            state = State.UNTIL_CLOSE;
            close = true; // the body ends with the connection
        }
    }

    private void append(byte[] bytes, int from, int to) throws MalformedResponse {
        int n = to - from;
        if (lineLength + n > MAX_LINE) {
            throw new MalformedResponse("a response line longer than " + MAX_LINE + " bytes");
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, lineLength + n)));
        }
        System.arraycopy(bytes, from, line, lineLength, n);
        lineLength += n;
    }

    private void keep(byte[] bytes, int from, int n) {
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
        }
        System.arraycopy(bytes, from, body, bodyLength, n);
        bodyLength += n;
    }

    private boolean startsWith(byte[] lowerCasePrefix, int length) {
        if (length < lowerCasePrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            if ((line[i] | 0x20) != lowerCasePrefix[i] && line[i] != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int length, String word) {
        outer:
        for (int i = 0; i + word.length() <= length; i++) {
            for (int j = 0; j < word.length(); j++) {
                if ((line[i + j] | 0x20) != word.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private long number(int from, int to, int radix) throws MalformedResponse {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            int d = Character.digit(line[i], radix);
            if (d >= 0) {
                value = value * radix + d;
                digits = true;
            } else if (line[i] != ' ' && line[i] != '\t') {
                throw new MalformedResponse("a malformed number in a response header");
            }
        }
        if (!digits) {
            throw new MalformedResponse("a malformed number in a response header");
        }
        return value;
    }

    private static int digit(byte b) throws MalformedResponse {
        if (b < '0' || b > '9') {
            throw new MalformedResponse("a malformed status line");
        }
        return b - '0';
    }

    /** The bytes are not an HTTP/1.1 response this parser can frame. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }
}
