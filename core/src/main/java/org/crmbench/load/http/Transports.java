package org.crmbench.load.http;

import java.util.Locale;

/** The HTTP clients load can use, and which one a run gets. */
public enum Transports {
    /** The fast path where it applies (plain HTTP/1.1, no redirects), Jetty's client elsewhere. */
    AUTO,
    /** Jetty 12's HttpClient: HTTPS, HTTP/2, redirects. */
    JETTY,
    /** crmbench's event loop for plain HTTP/1.1 ({@link NioTransport}). */
    NIO;

    /** Event-loop threads of the fast path: one per two cores (the server may share the machine). */
    private static final int LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    public static Transports parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--client must be auto, jetty or nio but was '" + name + "'");
        }
    }

    /** Whether the fast path can carry these settings. */
    public static boolean nioFits(TransportSettings settings) {
        return !settings.tls() && !settings.http2() && !settings.followRedirects();
    }

    public HttpTransport open(TransportSettings settings) {
        if (this == NIO && !nioFits(settings)) {
            throw new IllegalArgumentException(
                    "--client nio speaks plain HTTP/1.1 only: no https, --http2 or --follow-redirects");
        }
        return this == NIO || (this == AUTO && nioFits(settings))
                ? new NioTransport(settings, LOOPS)
                : new JettyTransport(settings);
    }
}
