package org.crmbench.load.http;

/** The transport a run uses. */
public final class Transports {
    private Transports() {}

    public static HttpTransport open(TransportSettings settings) {
        return new JettyTransport(settings);
    }
}
