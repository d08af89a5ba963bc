package org.crmbench.load.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every request of a run shares.
 *
 * @param host the API's base URL; a path in it ({@code http://h/v2}) prefixes every request's target
 * @param headers sent with every request (-H), before the scenario's own
 * @param timeout a request without a whole response after this long fails
 * @param connections at most this many connections (the users, or --max-in-flight)
 * @param insecure accept any TLS certificate (self-signed test servers)
 * @param followRedirects follow 3xx responses, as a browser would (else a 3xx is the response)
 * @param http2 speak HTTP/2 (over TLS by ALPN, or in clear text with prior knowledge)
 */
public record TransportSettings(
        URI host,
        List<Map.Entry<String, String>> headers,
        Duration timeout,
        int connections,
        boolean insecure,
        boolean followRedirects,
        boolean http2) {
    public TransportSettings {
        Objects.requireNonNull(host, "host");
        headers = List.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The base path of the host, without a trailing slash ("" for none). */
    public String basePath() {
        String path = host.getRawPath() == null ? "" : host.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public boolean tls() {
        return "https".equalsIgnoreCase(host.getScheme());
    }

    public int port() {
        return host.getPort() > 0 ? host.getPort() : tls() ? 443 : 80;
    }

    /** The Host header: host, and the port when it is not the scheme's default. */
    public String authority() {
        boolean defaultPort = host.getPort() < 0 || host.getPort() == (tls() ? 443 : 80);
        return host.getHost() + (defaultPort ? "" : ":" + host.getPort());
    }
}
