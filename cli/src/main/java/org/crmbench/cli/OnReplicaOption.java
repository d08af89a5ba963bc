package org.crmbench.cli;

import org.crmbench.db.ConnectionTarget;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.ReplicaReplay;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** bench's --on-replica: measure on a streaming replica, an embedded one by number or any by URL. */
final class OnReplicaOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--on-replica",
            paramLabel = "N|URL",
            description = "Measure on a streaming replica: N for the embedded server's replica N ('crmbench db start"
                    + " --replicas N'), or a jdbc:postgresql:// URL (same --user and --password). Index sets are built"
                    + " on the primary and measured once the replica has replayed them.")
    String onReplica;

    /**
     * The replica to measure on, logged into as the primary; null when --on-replica is not given.
     *
     * @param login the primary's address, user and password (the embedded server's are known once it runs)
     */
    Database open(DbSettings primary, ConnectionTarget login) {
        if (onReplica == null) {
            return null;
        }
        if (onReplica.strip().startsWith("jdbc:")) {
            DbSettings replica = UsageErrors.orUsageError(
                    spec,
                    () -> new DbSettings(
                            new ConnectionTarget(onReplica.strip(), login.user(), login.password()),
                            primary.embedded(),
                            primary.poolSize()));
            return ReplicaReplay.open(replica);
        }
        if (!primary.isEmbedded()) {
            throw new ParameterException(
                    spec.commandLine(), "--on-replica N names an embedded replica; with --jdbc-url give its URL");
        }
        return ReplicaReplay.open(new DbSettings(
                null, new EmbeddedReplicas(primary.embedded()).running(replicaNumber()), primary.poolSize()));
    }

    private int replicaNumber() {
        try {
            int n = Integer.parseInt(onReplica.strip());
            if (n >= 1 && n <= 9) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ParameterException(
                spec.commandLine(),
                "--on-replica takes a replica number from 1 to 9 or a jdbc:postgresql:// URL but was '" + onReplica
                        + "'");
    }
}
