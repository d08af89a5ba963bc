package org.crmbench.load.http;

import org.crmbench.load.scenario.Request;

/**
 * How load sends requests: asynchronously, the response (or why there was none) handed to a
 * callback on the transport's own thread. A {@link Channel} is one simulated user's lane: one
 * request at a time, over one connection in HTTP/1.1.
 */
public interface HttpTransport extends AutoCloseable {
    Channel open();

    @Override
    void close();

    /** One user's lane to the server. */
    interface Channel extends AutoCloseable {
        /** Sends {@code request}; exactly one of {@code completion}'s methods is called, later, once. */
        void send(Request request, Completion completion);

        @Override
        void close();
    }

    /** The end of one request. */
    interface Completion {
        /** A response: status and the first {@code length} bytes of {@code body} (all of it). */
        void response(int status, byte[] body, int length);

        /** No response: the reason, as a failure names it ("timeout after 10 s", "connection refused"). */
        void failure(String error);
    }
}
