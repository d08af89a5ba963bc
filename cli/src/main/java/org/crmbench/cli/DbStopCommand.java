package org.crmbench.cli;

import java.util.concurrent.Callable;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedReplicas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop the embedded PostgreSQL (open sessions are ended).",
        footerHeading = "%nExample:%n",
        footer = "  crmbench db stop")
final class DbStopCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Override
    public Integer call() {
        EmbeddedPostgresServer server =
                new EmbeddedPostgresServer(db.embeddedOnly().embedded());
        int replicas = new EmbeddedReplicas(server.settings()).stopAll();
        boolean stopped = server.stop();
        db.spec
                .commandLine()
                .getOut()
                .println((stopped ? "Stopped" : "Not running") + ": "
                        + server.settings().dataDir()
                        + (replicas > 0 ? " (and " + replicas + " replica" + (replicas > 1 ? "s" : "") + ")" : ""));
        return ExitCode.OK;
    }
}
