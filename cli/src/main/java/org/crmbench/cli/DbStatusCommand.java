package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crmbench.db.DatabaseStatus;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedPostgresServer;
import org.crmbench.db.EmbeddedReplicas;
import org.crmbench.db.EmbeddedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the server version, data directory and its size, whether it runs, "
                + "the rows per table, and a URL for psql and pgbench.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench db status",
            "  crmbench db status --jdbc-url jdbc:postgresql://db.example:5432/crm --user crm",
            "  pgbench -n -c 4 -T 10 \"$(crmbench db status --url)\""
        })
final class DbStatusCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;

    @Option(names = "--url", description = "Print only the connection URL (for scripts).")
    boolean urlOnly;

    @Override
    public Integer call() {
        DbSettings settings = db.settings();
        DatabaseStatus status = DatabaseStatus.read(settings);
        PrintWriter out = db.spec.commandLine().getOut();
        if (urlOnly) {
            out.println(status.url());
            return ExitCode.OK;
        }
        row(
                out,
                "Server",
                status.serverVersion()
                        .map(v -> "PostgreSQL " + v + (settings.isEmbedded() ? " (embedded)" : ""))
                        .orElse("embedded PostgreSQL, not initialised yet ('crmbench db start' creates it)"));
        if (settings.isEmbedded()) {
            row(
                    out,
                    "Running",
                    status.runningBefore()
                            .map(r -> "yes, on 127.0.0.1:" + r.port() + " (pid " + r.pid() + ")")
                            .orElse(
                                    status.serverVersion().isPresent()
                                            ? "no (started for this command and stopped again; 'crmbench db start' keeps it up)"
                                            : "no"));
            row(out, "Data dir", status.dataDir().orElseThrow() + " (" + megabytes(status.sizeBytes()) + ")");
            replicaRows(out, settings.embedded(), status.replication());
        } else {
            row(out, "Database", "external server, " + megabytes(status.sizeBytes()));
        }
        row(out, "URL", status.url());
        if (settings.isEmbedded()) {
            row(
                    out,
                    "Login",
                    "postgres, with a password generated for this data directory, kept in "
                            + settings.embedded().passwordFile() + " (owner only); psql reads it through the URL");
        }
        tableRows(out, status);
        return ExitCode.OK;
    }

    private static void replicaRows(
            PrintWriter out, EmbeddedSettings primary, Map<String, DatabaseStatus.ReplicaLag> replication) {
        List<EmbeddedSettings> replicas = new EmbeddedReplicas(primary).replicas();
        for (int n = 1; n <= replicas.size(); n++) {
            EmbeddedSettings replica = replicas.get(n - 1);
            DatabaseStatus.ReplicaLag lag = replication.get(EmbeddedReplicas.slotName(n));
            String streaming = lag == null
                    ? ", not streaming"
                    : String.format(
                            Locale.ROOT,
                            ", %,d bytes behind%s",
                            lag.bytes(),
                            lag.seconds()
                                    .map(s -> String.format(Locale.ROOT, ", replay lag %.3f s", s))
                                    .orElse(""));
            String state = new EmbeddedPostgresServer(replica)
                    .running()
                    .map(r -> "running (pid " + r.pid() + ")" + streaming)
                    .orElse("stopped ('crmbench db start --replicas N' starts it)");
            row(out, "Replica", "127.0.0.1:" + replica.port() + ", " + state + ", data in " + replica.dataDir());
        }
    }

    private static void tableRows(PrintWriter out, DatabaseStatus status) {
        if (status.rowCounts().isEmpty()) {
            row(
                    out,
                    "Tables",
                    status.serverVersion().isPresent()
                            ? "schema crmbench does not exist yet ('crmbench generate' creates it)"
                            : "-");
            return;
        }
        String label = "Tables";
        for (Map.Entry<String, Long> table : status.rowCounts().get().entrySet()) {
            row(out, label, String.format(Locale.ROOT, "%-32s %,d rows", table.getKey(), table.getValue()));
            label = "";
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "%-10s %s%n", label, value);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "size unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
