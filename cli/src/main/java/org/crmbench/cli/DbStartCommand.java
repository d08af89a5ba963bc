package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedPostgresServer.RunningServer;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.schema.CrmbenchSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Start the embedded PostgreSQL and leave it running in the background.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench db start",
            "  crmbench db start --replicas 2      # and two streaming replicas on ports 54321 and 54322",
            "  crmbench db start --data-dir /data/crmbench --db-port 55432"
        })
final class DbStartCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(
            names = "--replicas",
            paramLabel = "N",
            description = "Also start N streaming replicas on the next ports (made from a base backup the first time;"
                    + " the primary then keeps replica-level WAL, which makes generate slower).")
    int replicas;

    @Override
    public Integer call() {
        DbSettings settings = db.embeddedOnly();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings.embedded());
        PrintWriter out = db.spec.commandLine().getOut();
        Optional<RunningServer> before = server.running();
        List<RunningServer> replicaServers = replicas > 0
                ? UsageErrors.orUsageError(db.spec, () -> new EmbeddedReplicas(settings.embedded()).start(replicas))
                : List.of();
        RunningServer running = server.running().orElseGet(server::startInBackground);
        boolean wasRunning = before.filter(b -> b.pid() == running.pid()).isPresent();
        try (Database database = Database.open(settings)) {
            CrmbenchSchema.createIfMissing(database.dsl());
        }
        out.printf(
                Locale.ROOT,
                "%s on 127.0.0.1:%d (pid %d), data in %s%n",
                wasRunning ? "Already running" : "Started",
                running.port(),
                running.pid(),
                settings.embedded().dataDir());
        for (RunningServer replica : replicaServers) {
            out.printf(
                    Locale.ROOT,
                    "Replica on 127.0.0.1:%d (pid %d), read-only, streaming from it%n",
                    replica.port(),
                    replica.pid());
        }
        out.println(
                "Connect with: psql \"" + server.libpqUrl(running.port()) + "\" (the password is read from that file)");
        return ExitCode.OK;
    }
}
