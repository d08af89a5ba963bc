package org.crmbench.cli;

import java.nio.file.Path;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedSettings;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The connection options every command shares. */
public final class DbOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            defaultValue = "${env:CRMBENCH_JDBC_URL}",
            description = "PostgreSQL to use, e.g. jdbc:postgresql://host:5432/db (env CRMBENCH_JDBC_URL). "
                    + "Without it: the embedded PostgreSQL.")
    String jdbcUrl;

    @Option(
            names = "--user",
            defaultValue = "${env:CRMBENCH_USER}",
            description = "User for --jdbc-url (env CRMBENCH_USER).")
    String user;

    @Option(
            names = "--password",
            defaultValue = "${env:CRMBENCH_PASSWORD}",
            showDefaultValue = Visibility.NEVER,
            description = "Password for --jdbc-url (env CRMBENCH_PASSWORD, preferred). Never printed.")
    String password;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:CRMBENCH_DATA_DIR}",
            description = "Data directory of the embedded PostgreSQL (env CRMBENCH_DATA_DIR; "
                    + "default ~/.crmbench/pgdata).")
    Path dataDir;

    @Option(
            names = "--db-port",
            paramLabel = "PORT",
            defaultValue = "${env:CRMBENCH_DB_PORT:-" + EmbeddedSettings.DEFAULT_PORT + "}",
            description = "Port of the embedded PostgreSQL on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int dbPort;

    public DbSettings settings() {
        return settings(DbSettings.DEFAULT_POOL_SIZE);
    }

    /** Validated settings; a bad value is a usage error naming the option. */
    public DbSettings settings(int poolSize) {
        return UsageErrors.orUsageError(spec, () -> {
            EmbeddedSettings embedded =
                    new EmbeddedSettings(dataDir == null ? EmbeddedSettings.defaultDataDir() : dataDir, dbPort);
            ConnectionTarget target =
                    jdbcUrl == null || jdbcUrl.isBlank() ? null : new ConnectionTarget(jdbcUrl.strip(), user, password);
            return new DbSettings(target, embedded, poolSize);
        });
    }

    /** For the {@code db} commands, which manage the embedded server and nothing else. */
    public DbSettings embeddedOnly() {
        DbSettings settings = settings();
        if (!settings.isEmbedded()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "'crmbench db " + spec.name() + "' manages the embedded PostgreSQL only; drop --jdbc-url "
                            + "(or unset CRMBENCH_JDBC_URL).");
        }
        return settings;
    }
}
