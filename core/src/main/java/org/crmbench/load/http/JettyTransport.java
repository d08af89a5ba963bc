package org.crmbench.load.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.crmbench.CrmbenchException;
import org.crmbench.load.scenario.Request;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12's HttpClient: an event loop that speaks HTTP/1.1 and HTTP/2, TLS with the JDK's trust
 * store (or any certificate with {@code insecure}), redirects, chunked and bodiless responses.
 * A channel is a lane of the shared client; the pool holds one connection per concurrent request.
 */
public final class JettyTransport implements HttpTransport {
    /** Responses longer than this are read but not kept (their length still counts). */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final TransportSettings settings;
    private final HttpClient client;
    private final String base;

    public JettyTransport(TransportSettings settings) {
        this.settings = settings;
        SslContextFactory.Client tls = new SslContextFactory.Client(settings.insecure());
        if (settings.insecure()) {
            tls.setEndpointIdentificationAlgorithm(null);
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setSelectors(1);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("load-http");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        HttpClientTransport transport = settings.http2()
                ? new HttpClientTransportOverHTTP2(new HTTP2Client(connector))
                : new HttpClientTransportOverHTTP(connector);
        client = new HttpClient(transport);
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(Math.max(1, settings.connections()));
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, 4 * settings.connections()));
        client.setFollowRedirects(settings.followRedirects());
        client.setConnectTimeout(Math.min(settings.timeout().toMillis(), 5_000));
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT, "crmbench"));
        try {
            client.start();
        } catch (Exception e) {
            throw new CrmbenchException("The HTTP client did not start: " + e.getMessage(), e);
        }
        String origin = settings.host().getScheme() + "://" + settings.host().getHost() + ":" + settings.port();
        this.base = origin + settings.basePath();
    }

    @Override
    public Channel open() {
        return new Channel() {
            @Override
            public void send(Request request, Completion completion) {
                var r = client.newRequest(base + request.target())
                        .method(request.method())
                        .timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                r.headers(h -> {
                    for (Map.Entry<String, String> header : settings.headers()) {
                        h.put(header.getKey(), header.getValue());
                    }
                    for (Map.Entry<String, String> header : request.headers()) {
                        h.put(header.getKey(), header.getValue());
                    }
                });
                if (request.body().length > 0) {
                    r.body(new BytesRequestContent(request.body()));
                }
                r.send(new BufferingResponseListener(MAX_BODY_BYTES) {
                    @Override
                    public void onComplete(Result result) {
                        if (result.isFailed() && result.getResponse().getStatus() <= 0) {
                            completion.failure(reason(result.getFailure()));
                        } else if (result.isFailed()) {
                            completion.failure(reason(result.getFailure()));
                        } else {
                            byte[] body = getContent();
                            completion.response(result.getResponse().getStatus(), body, body.length);
                        }
                    }
                });
            }

            @Override
            public void close() {
                // connections belong to the client's pool
            }
        };
    }

    private String reason(Throwable failure) {
        Throwable t = failure;
        boolean tls = false;
        while (t.getCause() != null && t.getCause() != t) {
            tls |= t instanceof SSLException;
            t = t.getCause();
        }
        if (tls || t instanceof SSLException) {
            return "TLS: " + t.getMessage()
                    + (settings.insecure() ? "" : "; for a self-signed test server, --insecure");
        }
        if (failure instanceof TimeoutException || t instanceof TimeoutException) {
            return "timeout after " + settings.timeout().toMillis() / 1000.0 + " s";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host " + settings.host().getHost();
        }
        return "connection: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping is best effort
        }
    }
}
