package org.crmbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.crmbench.server.BearerToken;
import org.crmbench.server.ServerAccess;
import org.crmbench.server.TlsFiles;
import picocli.CommandLine.Option;

/** Who may read what serve serves: the bearer token, TLS, and the rule for addresses others reach. */
final class ServeAccessOptions {
    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Require 'Authorization: Bearer TOKEN' on every request but /health and the docs; the"
                    + " token is the file's first line (at least 16 characters; the file readable by you only)."
                    + " Without it, the environment variable " + BearerToken.ENVIRONMENT_VARIABLE + " is read."
                    + " Never on the command line, never logged.")
    Path tokenFile;

    @Option(
            names = "--no-auth",
            description = "Serve without a token on an address other machines can reach (refused otherwise).")
    boolean noAuth;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with this certificate chain; needs --tls-key.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            paramLabel = "PEM",
            description =
                    "The certificate's private key: unencrypted PKCS#8 ('BEGIN PRIVATE KEY'), readable by you only.")
    Path tlsKey;

    /**
     * The token (file, else environment), TLS files read and checked, and the rule for binds
     * other machines reach.
     *
     * @throws IllegalArgumentException for half a TLS pair, an unreadable or weak token, or an
     *     open address without a token or --no-auth
     */
    ServerAccess access(String bind) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        Optional<TlsFiles> tls = Optional.ofNullable(tlsCert).map(cert -> new TlsFiles(cert, tlsKey));
        tls.ifPresent(TlsFiles::verify);
        String fromEnvironment = System.getenv(BearerToken.ENVIRONMENT_VARIABLE);
        Optional<BearerToken> token = tokenFile != null
                ? Optional.of(BearerToken.fromFile(tokenFile))
                : Optional.ofNullable(fromEnvironment).filter(v -> !v.isBlank()).map(BearerToken::fromEnvironment);
        return ServerAccess.forBind(bind, token, tls, noAuth);
    }
}
