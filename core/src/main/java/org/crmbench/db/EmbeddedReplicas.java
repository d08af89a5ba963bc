package org.crmbench.db;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmbench.CrmbenchException;

/**
 * Streaming replicas of the embedded PostgreSQL, on the ports after the primary's, each in a data
 * directory beside the primary's ({@code pgdata-replica-1}, …). The embedded binaries have no
 * {@code pg_basebackup}, so a replica is made the way it does it: a physical replication slot
 * keeps the WAL, {@code pg_backup_start} marks the start, the data directory is copied file by
 * file, {@code pg_backup_stop} gives the {@code backup_label}; then {@code standby.signal} and a
 * {@code primary_conninfo} that logs in with the same password file (scram-sha-256, as every
 * connection). The primary runs with {@code wal_level=replica} only while it has replicas (a
 * file {@code pgdata.replicas} says how many): without, it keeps the faster {@code minimal}.
 */
public final class EmbeddedReplicas {
    /** What a base backup leaves out, as pg_basebackup does: run-time state, WAL, slots, locks. */
    private static final Set<String> SKIPPED_FILES =
            Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "epg-lock");

    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");

    private final EmbeddedSettings primary;

    public EmbeddedReplicas(EmbeddedSettings primary) {
        this.primary = primary;
    }

    /** How many replicas the primary has (0: none). */
    public int count() {
        Path file = primary.replicaCountFile();
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new CrmbenchException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The settings of replica {@code n} (1-based): the next port after the primary's, a sibling directory. */
    public EmbeddedSettings replica(int n) {
        Path dir = primary.dataDir().resolveSibling(primary.dataDir().getFileName() + "-replica-" + n);
        return new EmbeddedSettings(dir, primary.port() + n, primary.home());
    }

    /**
     * Replica {@code n}'s settings, refused when it is not running: opening it would start it
     * for one command's lifetime, behind the primary by whatever happened meanwhile.
     */
    public EmbeddedSettings running(int n) {
        EmbeddedSettings replica = replica(n);
        if (new EmbeddedPostgresServer(replica).running().isEmpty()) {
            throw new CrmbenchException("Replica " + n + " of the embedded PostgreSQL is not running;"
                    + " start it with 'crmbench db start --replicas " + n + "'.");
        }
        return replica;
    }

    public List<EmbeddedSettings> replicas() {
        List<EmbeddedSettings> all = new ArrayList<>();
        for (int n = 1; n <= count(); n++) {
            all.add(replica(n));
        }
        return all;
    }

    /**
     * Where to read from each replica that has been made (running or not: a reader keeps
     * checking and uses it once it answers), logging in with its copy of the password.
     */
    public List<ConnectionTarget> targets() {
        List<ConnectionTarget> targets = new ArrayList<>();
        for (EmbeddedSettings replica : replicas()) {
            if (Files.exists(replica.dataDir().resolve("PG_VERSION"))) {
                targets.add(new EmbeddedPostgresServer(replica).connectTo(replica.port()));
            }
        }
        return targets;
    }

    /**
     * Starts the primary with replica-level WAL (restarting it if it ran without) and {@code n}
     * replicas, making those that do not exist yet from a base backup.
     */
    public List<EmbeddedPostgresServer.RunningServer> start(int n) {
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException("--replicas must be between 1 and 9 but was " + n);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(primary);
        boolean walReady = count() > 0;
        writeCount(Math.max(n, count()));
        if (!walReady) {
            server.stop(); // a running primary has wal_level=minimal: restart it with replica WAL
        }
        EmbeddedPostgresServer.RunningServer running = server.running().orElseGet(server::startInBackground);
        ConnectionTarget target = server.connectTo(running.port());
        List<EmbeddedPostgresServer.RunningServer> started = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            EmbeddedSettings replica = replica(i);
            if (!Files.exists(replica.dataDir().resolve("PG_VERSION"))) {
                baseBackup(target, i, replica);
            }
            EmbeddedPostgresServer replicaServer = new EmbeddedPostgresServer(replica);
            started.add(replicaServer.running().orElseGet(replicaServer::startInBackground));
        }
        return started;
    }

    /** Stops every replica; returns how many ran. */
    public int stopAll() {
        int stopped = 0;
        for (EmbeddedSettings replica : replicas()) {
            if (new EmbeddedPostgresServer(replica).stop()) {
                stopped++;
            }
        }
        return stopped;
    }

    /** Deletes every replica's data and the primary's replica count; all must be stopped. */
    public void deleteAll() {
        for (EmbeddedSettings replica : replicas()) {
            new EmbeddedPostgresServer(replica).deleteData();
        }
        try {
            Files.deleteIfExists(primary.replicaCountFile());
        } catch (IOException e) {
            throw new CrmbenchException("Cannot delete " + primary.replicaCountFile() + ": " + e.getMessage(), e);
        }
    }

    /** Replica {@code n}'s replication slot, also its application name in pg_stat_replication. */
    public static String slotName(int n) {
        return "crmbench_replica_" + n;
    }

    /**
     * Makes replica {@code n} in a {@code .partial} directory first and renames it into place only
     * when whole: a base backup cut short (Ctrl-C, a full disk) leaves no half replica that a
     * later start would take for a made one; the next start makes it again.
     */
    private void baseBackup(ConnectionTarget target, int n, EmbeddedSettings replica) {
        String slot = slotName(n);
        Path partial = replica.dataDir().resolveSibling(replica.dataDir().getFileName() + ".partial");
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            deleteRecursively(partial);
            execute(
                    c,
                    "select pg_create_physical_replication_slot(?, true) where not exists"
                            + " (select 1 from pg_replication_slots where slot_name = ?)",
                    slot,
                    slot);
            execute(c, "select pg_backup_start(?, true)", "crmbench " + slot);
            copyDataDirectory(primary.dataDir(), partial);
            String label;
            try (PreparedStatement s = c.prepareStatement("select labelfile from pg_backup_stop(true)");
                    ResultSet r = s.executeQuery()) {
                r.next();
                label = r.getString(1);
            }
            Files.writeString(partial.resolve("backup_label"), label);
            Files.writeString(partial.resolve("standby.signal"), "");
            PrivateFiles.writeOwnerOnly(replica.passwordFile(), Files.readString(primary.passwordFile()));
            Files.writeString(
                    partial.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=127.0.0.1 port=" + primary.port() + " user="
                            + SuperuserPassword.SUPERUSER + " passfile=" + replica.passwordFile()
                            + " application_name=" + slot + "'\nprimary_slot_name = '" + slot + "'\n",
                    StandardOpenOption.APPEND);
            deleteRecursively(replica.dataDir()); // an earlier attempt's leftovers, never a made replica
            Files.move(partial, replica.dataDir(), StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            throw new CrmbenchException(
                    "Could not make replica " + n + " in " + replica.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void execute(Connection c, String sql, String... binds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                s.setString(i + 1, binds[i]);
            }
            s.execute();
        }
    }

    /** Copies a running data directory (files may vanish while it is walked: temporary ones). */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.setPosixFilePermissions(to, PrivateFiles.OWNER_ONLY_DIRECTORY);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                boolean emptied = from.relativize(dir).getNameCount() == 1
                        && EMPTIED_DIRECTORIES.contains(dir.getFileName().toString());
                return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                boolean skipped =
                        (file.getParent().equals(from) && SKIPPED_FILES.contains(name)) || name.startsWith("pgsql_tmp");
                if (!skipped) {
                    try {
                        Files.copy(
                                file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException e) {
                        // removed by the server while we walked: the WAL replay brings its successor
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.createDirectories(to.resolve("pg_wal/archive_status"));
    }

    private void writeCount(int n) {
        try {
            PrivateFiles.writeOwnerOnly(primary.replicaCountFile(), n + "\n");
        } catch (IOException e) {
            throw new CrmbenchException("Cannot write " + primary.replicaCountFile() + ": " + e.getMessage(), e);
        }
    }
}
