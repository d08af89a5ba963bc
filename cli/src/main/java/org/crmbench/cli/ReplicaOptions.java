package org.crmbench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.ReadRouting;
import picocli.CommandLine.Option;

/** Where serve's reads go: streaming replicas named or found, and how far behind one may be. */
final class ReplicaOptions {
    @Option(
            names = "--replica-url",
            paramLabel = "URL",
            description = "A streaming replica to read from (repeatable; same --user and --password): lists and"
                    + " lookups go to the replicas in turn, to the primary only when none is usable. With the"
                    + " embedded PostgreSQL, the replicas of 'crmbench db start --replicas N' are found by themselves.")
    List<String> replicaUrls = new ArrayList<>();

    @Option(
            names = "--max-replica-lag",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "A replica further behind the primary gets no reads until it catches up (default: 10s).")
    Duration maxReplicaLag = ReadRouting.Settings.DEFAULT_MAX_LAG;

    @Option(
            names = "--no-replicas",
            description = "Read from the primary only, even when the embedded PostgreSQL has replicas.")
    boolean noReplicas;

    /** @throws IllegalArgumentException for a lag that is not above zero */
    ReadRouting.Settings routing() {
        return new ReadRouting.Settings(maxReplicaLag, ReadRouting.Settings.DEFAULT_CHECK_EVERY);
    }

    /**
     * The --replica-url servers (with the primary's user and password), or the embedded server's
     * own replicas; none with --no-replicas.
     *
     * @throws IllegalArgumentException for a --replica-url beside the embedded server, or one that
     *     is not a PostgreSQL JDBC URL
     */
    List<ConnectionTarget> targets(DbSettings dbSettings) {
        if (noReplicas) {
            return List.of();
        }
        if (dbSettings.isEmbedded()) {
            if (!replicaUrls.isEmpty()) {
                throw new IllegalArgumentException("--replica-url goes with --jdbc-url; the embedded PostgreSQL's"
                        + " replicas ('crmbench db start --replicas N') are found by themselves.");
            }
            return new EmbeddedReplicas(dbSettings.embedded()).targets();
        }
        ConnectionTarget primary = dbSettings.target();
        return replicaUrls.stream()
                .map(String::strip)
                .map(url -> {
                    if (!url.startsWith("jdbc:postgresql://")) {
                        throw new IllegalArgumentException("--replica-url must start with jdbc:postgresql:// but was "
                                + ConnectionTarget.redact(url));
                    }
                    return new ConnectionTarget(url, primary.user(), primary.password());
                })
                .toList();
    }
}
