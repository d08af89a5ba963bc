package org.crmbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedReplicas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description =
                "Stop the embedded PostgreSQL (and its replicas) and delete its data directory (and theirs), after a"
                        + " confirmation.",
        footerHeading = "%nExamples:%n",
        footer = {"  crmbench db reset", "  crmbench db reset --yes"})
final class DbResetCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        EmbeddedPostgresServer server =
                new EmbeddedPostgresServer(db.embeddedOnly().embedded());
        PrintWriter out = db.spec.commandLine().getOut();
        if (!yes && !confirmed(out, server)) {
            out.println("Nothing deleted.");
            return ExitCode.FAILURE;
        }
        EmbeddedReplicas replicas = new EmbeddedReplicas(server.settings());
        replicas.stopAll();
        server.stop();
        replicas.deleteAll();
        server.deleteData();
        out.println("Deleted " + server.settings().dataDir());
        return ExitCode.OK;
    }

    private static boolean confirmed(PrintWriter out, EmbeddedPostgresServer server) throws IOException {
        out.printf(
                Locale.ROOT,
                "Delete %s and all its data? [y/N] ",
                server.settings().dataDir());
        out.flush();
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        String answer = new BufferedReader(new InputStreamReader(System.in, charset)).readLine();
        return answer != null && answer.strip().toLowerCase().startsWith("y");
    }
}
