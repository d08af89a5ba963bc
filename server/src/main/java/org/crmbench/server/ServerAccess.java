package org.crmbench.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may use the API and how the connection is protected: the bearer token every request but
 * {@code /health} and the API's documentation must carry (none: open), and TLS (none: plain
 * HTTP). A server that listens beyond the loopback with no token is refused unless the user said
 * so ({@code --no-auth}): it would hand the whole dataset to anyone who can reach the port.
 */
public record ServerAccess(Optional<BearerToken> token, Optional<TlsFiles> tls) {
    public ServerAccess {
        token = token == null ? Optional.empty() : token;
        tls = tls == null ? Optional.empty() : tls;
    }

    /** No token and plain HTTP: what a server on the loopback may run with. */
    public static ServerAccess open() {
        return new ServerAccess(Optional.empty(), Optional.empty());
    }

    /** The access for a server on {@code bind}; refuses an open one beyond the loopback unless {@code noAuth}. */
    public static ServerAccess forBind(
            String bind, Optional<BearerToken> token, Optional<TlsFiles> tls, boolean noAuth) {
        if (token.isPresent() && noAuth) {
            throw new IllegalArgumentException("give a token or --no-auth, not both");
        }
        if (token.isEmpty() && !noAuth && !isLoopback(bind)) {
            throw new IllegalArgumentException("--bind " + bind
                    + " lets other machines in, and there is no token: give one with --token-file FILE (or the "
                    + BearerToken.ENVIRONMENT_VARIABLE + " environment variable), or say --no-auth to serve"
                    + " the data to anyone who can reach the port");
        }
        return new ServerAccess(token, tls);
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    static boolean isLoopback(String bind) {
        try {
            for (InetAddress address : InetAddress.getAllByName(bind)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false; // the server's own bind reports the name that does not resolve
        }
    }
}
