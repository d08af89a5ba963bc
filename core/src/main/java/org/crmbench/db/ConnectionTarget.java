package org.crmbench.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to connect: a JDBC URL and the login. The password never leaves this record except
 * towards the driver: {@link #toString()}, {@link #redactedUrl()} and {@link #libpqUrl()} omit it.
 */
public record ConnectionTarget(String jdbcUrl, String user, String password) {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]*)(/[^?]*)?(\\?.*)?");

    public ConnectionTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "--jdbc-url must start with jdbc:postgresql:// but was " + redact(jdbcUrl));
        }
        user = user == null || user.isBlank() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
    }

    /**
     * A new connection outside any pool, logged in as this target, with pgjdbc's {@code
     * timeouts} (e.g. connectTimeout, socketTimeout, in seconds) and the other {@code settings}.
     */
    public Connection connect(Map<String, String> settings) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        settings.forEach(props::setProperty);
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** The host(s) and port(s) of the URL, {@code 127.0.0.1:54320}: a name for logs and metrics. */
    public String address() {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        return m.matches() ? m.group(1) : redactedUrl();
    }

    /** The JDBC URL with any password parameter masked. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    /**
     * A libpq connection URI for the same server, without password, that psql and pgbench accept:
     * {@code postgresql://user@host:port/database}.
     */
    public String libpqUrl() {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            return redactedUrl();
        }
        String hosts = m.group(1);
        String database = m.group(2) == null ? "/" : m.group(2);
        String query =
                m.group(3) == null ? "" : PASSWORD_PARAMETER.matcher(m.group(3)).replaceAll("");
        String userPart = user == null ? "" : user + "@";
        String params = query.isEmpty() || query.equals("?")
                ? ""
                : "?" + query.substring(1).replaceFirst("^&", "");
        return "postgresql://" + userPart + hosts + database + params;
    }

    @Override
    public String toString() {
        return "ConnectionTarget[" + redactedUrl() + ", user=" + user + "]";
    }

    /** {@code url} with any password parameter masked. */
    public static String redact(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }
}
