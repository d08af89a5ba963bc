package org.crmbench.server;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, with one change: a connection reads and parses on one thread at a
 * time.
 *
 * <p>Why it is here: in Jetty 12.1.14 (the newest served here) a request whose headers are too
 * big (431) or otherwise unparseable is answered by a task on another thread while the thread
 * that parsed it goes on to release the connection's request buffer. When that task finishes
 * first, it resumes reading on a third thread, which can pick up the same buffer just before it
 * goes back to the pool: the rest of the bad request is then read into a buffer that another
 * client's connection has been given, and that client's request fails ("400 No URI", an empty
 * reply) or is parsed from the wrong bytes. {@code
 * ServerLimitsTest.hugeHeadersDoNotSpoilTheNextClientsRequest} shows it. A plain Jetty server
 * with a handler of three lines does it too, so it is Jetty's, not ours. Turning buffer pooling
 * off also cured it, at a large cost in CPU per request.
 *
 * <p>A call that finds another one running does not wait for it: it leaves itself to the running
 * call's thread, which runs it as soon as it is done. That is the order a lock would give, without
 * blocking a thread that other connections may be waiting on; a lock, tried first, raised {@code
 * serve}'s p99 ({@code reports/serve-builds*.txt}). Remove this class when a Jetty release fixes
 * {@code HttpConnection.onFillable}'s release race.
 */
final class SerialHttpConnectionFactory extends HttpConnectionFactory {
    SerialHttpConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        SerialHttpConnection connection = new SerialHttpConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class SerialHttpConnection extends HttpConnection {
        /** Calls of {@link #onFillable} asked for and not yet run to their end, the running one among them. */
        private final AtomicInteger calls = new AtomicInteger();

        SerialHttpConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        public void onFillable() {
            if (calls.getAndIncrement() > 0) {
                return; // the running call's thread runs this one next
            }
            try {
                do {
                    super.onFillable();
                } while (calls.decrementAndGet() > 0);
            } catch (RuntimeException | Error e) {
                calls.set(0); // else every later call would return at once and the connection hang
                throw e;
            }
        }
    }
}
