package org.crmbench.cli;

import java.util.concurrent.Callable;
import org.crmbench.db.EmbeddedPostgresServer;
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
        boolean stopped = server.stop();
        db.spec
                .commandLine()
                .getOut()
                .println((stopped ? "Stopped" : "Not running") + ": "
                        + server.settings().dataDir());
        return ExitCode.OK;
    }
}
