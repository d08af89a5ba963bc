package org.crmbench.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.http.Transports;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where load sends its requests and how: the API's URL, headers, TLS, the client and its timeout. */
final class HttpOptions {
    static final String DEFAULT_HOST = "http://127.0.0.1:8000";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "URL",
            description = "The API's base URL; a path in it prefixes every request (default: the scenario's"
                    + " host, else " + DEFAULT_HOST + ").")
    String host;

    @Option(
            names = {"--header", "-H"},
            paramLabel = "'NAME: VALUE'",
            description = "A header sent with every request (repeatable), e.g. -H 'Authorization: Bearer x'.")
    List<String> headers = List.of();

    @Option(names = "--insecure", description = "Accept any TLS certificate (a self-signed test server).")
    boolean insecure;

    @Option(names = "--follow-redirects", description = "Follow 3xx responses (else a 3xx is the response).")
    boolean followRedirects;

    @Option(names = "--http2", description = "Speak HTTP/2 (TLS by ALPN, or clear text with prior knowledge).")
    boolean http2;

    @Option(
            names = "--client",
            paramLabel = "CLIENT",
            defaultValue = "auto",
            description = "HTTP client: auto (crmbench's event loop for plain HTTP/1.1, Jetty's HttpClient for"
                    + " https, --http2 or redirects), jetty or nio (default ${DEFAULT-VALUE}).")
    String client;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "A request without an answer after this long fails (default ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The transport for {@code concurrency} requests at once; {@code scenarioHost} when --host is not given. */
    TransportSettings transport(Optional<URI> scenarioHost, int concurrency) {
        return UsageErrors.orUsageError(
                spec,
                () -> new TransportSettings(
                        hostUri(scenarioHost), headerList(), timeout, concurrency, insecure, followRedirects, http2));
    }

    Transports client() {
        return UsageErrors.orUsageError(spec, () -> Transports.parse(client));
    }

    private URI hostUri(Optional<URI> scenarioHost) {
        String text =
                host != null ? host.strip() : scenarioHost.map(URI::toString).orElse(DEFAULT_HOST);
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--host must be a URL such as " + DEFAULT_HOST + " but was " + text);
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--host must be an http:// or https:// URL such as " + DEFAULT_HOST + " but was " + text);
        }
        return uri;
    }

    private List<Map.Entry<String, String>> headerList() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0 || h.substring(0, colon).isBlank()) {
                throw new IllegalArgumentException("--header must be 'NAME: VALUE' but was '" + h + "'");
            }
            list.add(Map.entry(
                    h.substring(0, colon).strip(), h.substring(colon + 1).strip()));
        }
        return list;
    }
}
