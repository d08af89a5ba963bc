package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedPostgresServer.RunningServer;
import org.crmbench.schema.CrmbenchSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Start the embedded PostgreSQL and leave it running in the background.",
        footerHeading = "%nExamples:%n",
        footer = {"  crmbench db start", "  crmbench db start --data-dir /data/crmbench --db-port 55432"})
final class DbStartCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Override
    public Integer call() {
        DbSettings settings = db.embeddedOnly();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings.embedded());
        PrintWriter out = db.spec.commandLine().getOut();
        Optional<RunningServer> already = server.running();
        RunningServer running = already.orElseGet(server::startInBackground);
        try (Database database = Database.open(settings)) {
            CrmbenchSchema.createIfMissing(database.dsl());
        }
        out.printf(
                "%s on 127.0.0.1:%d (pid %d), data in %s%n",
                already.isPresent() ? "Already running" : "Started",
                running.port(),
                running.pid(),
                settings.embedded().dataDir());
        out.println(
                "Connect with: psql \"" + server.libpqUrl(running.port()) + "\" (the password is read from that file)");
        return ExitCode.OK;
    }
}
