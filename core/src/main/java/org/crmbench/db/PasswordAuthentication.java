package org.crmbench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.postgresql.PGConnection;

/**
 * Every line of an embedded data directory's {@code pg_hba.conf} asks for the password
 * (SCRAM-SHA-256), for local, TCP and replication connections alike. New data directories are
 * made so by initdb; one made by an older crmbench, with {@code trust}, is migrated the first
 * time crmbench connects to it: the superuser gets the generated password, then every
 * {@code trust} becomes {@code scram-sha-256} and the server reloads its configuration.
 */
final class PasswordAuthentication {
    static final String METHOD = "scram-sha-256";
    /** The method field of a pg_hba.conf line: its last word before options or a comment. */
    private static final Pattern TRUST = Pattern.compile("^(\\s*[^#\\s].*\\s)trust(\\s.*|#.*)?$");

    private PasswordAuthentication() {}

    static boolean trustsAnyone(Path dataDir) {
        return hbaLines(dataDir).stream().anyMatch(line -> TRUST.matcher(line).matches());
    }

    /** Gives the superuser its password and removes every {@code trust} line (no-op when there is none). */
    static void requirePasswords(Path dataDir, ConnectionTarget target) {
        List<String> lines = hbaLines(dataDir);
        if (lines.stream().noneMatch(line -> TRUST.matcher(line).matches())) {
            return;
        }
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
                Statement s = c.createStatement()) {
            // hashed here, so the server receives (and could log) only the SCRAM verifier
            c.unwrap(PGConnection.class)
                    .alterUserPassword(target.user(), target.password().toCharArray(), METHOD);
            PrivateFiles.writeOwnerOnly(
                    hba(dataDir),
                    String.join(
                                    "\n",
                                    lines.stream()
                                            .map(PasswordAuthentication::withPassword)
                                            .toList()) + "\n");
            s.execute("select pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new CrmbenchException(
                    "Could not put the embedded PostgreSQL in " + dataDir + " behind its password: " + e.getMessage(),
                    e);
        }
    }

    static String withPassword(String line) {
        var m = TRUST.matcher(line);
        return m.matches() ? m.group(1) + METHOD + (m.group(2) == null ? "" : m.group(2)) : line;
    }

    private static List<String> hbaLines(Path dataDir) {
        try {
            return Files.readAllLines(hba(dataDir));
        } catch (IOException e) {
            throw new CrmbenchException("Cannot read " + hba(dataDir) + ": " + e.getMessage(), e);
        }
    }

    private static Path hba(Path dataDir) {
        return dataDir.resolve("pg_hba.conf");
    }
}
