package org.crmbench.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.crmbench.CrmbenchException;

/**
 * The embedded PostgreSQL (zonky's binaries from Maven Central) in a persistent data directory,
 * listening on 127.0.0.1 only. It can run in the background across crmbench invocations
 * ({@code db start}/{@code db stop}) or for the lifetime of one command.
 */
public final class EmbeddedPostgresServer {
    public static final String DATABASE = "postgres";

    /**
     * Server settings for a benchmarking workload on a developer machine: room for bulk loads and
     * index builds without checkpoint storms, and fsync kept on because the data is persistent.
     * {@code wal_level=minimal} lets a COPY into a table created in the same transaction skip WAL
     * (a local benchmarking server has no replicas to feed). A statement whose client is gone
     * (a crmbench process killed) is ended within a second rather than run to its end.
     */
    private static final Map<String, String> SERVER_CONFIG = Map.ofEntries(
            Map.entry("listen_addresses", "127.0.0.1"),
            Map.entry("fsync", "on"),
            Map.entry("wal_level", "minimal"),
            Map.entry("max_wal_senders", "0"),
            Map.entry("shared_buffers", "512MB"),
            Map.entry("max_wal_size", "4GB"),
            Map.entry("maintenance_work_mem", "512MB"),
            Map.entry("work_mem", "16MB"),
            Map.entry("max_connections", "300"),
            Map.entry("client_connection_check_interval", "1s"),
            // statistics of every query, for advise --from-pg-stat-statements
            Map.entry("shared_preload_libraries", "pg_stat_statements"));

    /**
     * A primary with replicas, and each replica, write replica-level WAL and serve replication
     * connections (with the password, as every other); one slot per replica keeps the WAL it needs.
     */
    private static final Map<String, String> REPLICA_CONFIG = Map.of(
            "wal_level", "replica",
            "max_wal_senders", "10",
            "max_replication_slots", "10",
            "hot_standby", "on");

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedSettings settings;

    public EmbeddedPostgresServer(EmbeddedSettings settings) {
        this.settings = settings;
    }

    public EmbeddedSettings settings() {
        return settings;
    }

    /** The server running on this data directory, if any (from postmaster.pid and a live process). */
    public Optional<RunningServer> running() {
        Path pidFile = settings.dataDir().resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        int port = Integer.parseInt(lines.get(3).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new RunningServer(pid, port));
    }

    /** Starts the server and leaves it running after this JVM exits. */
    public RunningServer startInBackground() {
        releaseDirectoryLock(start());
        return running()
                .orElseThrow(() -> new CrmbenchException(
                        "The embedded PostgreSQL exited right after starting; see " + settings.logFile() + "."));
    }

    /**
     * Starts the server for the caller's lifetime: closing the handle stops it. The caller stops it
     * on Ctrl-C too ({@link Database} does, after its interrupt tasks have used it).
     */
    public AutoCloseable startForLifetime() {
        EmbeddedPostgres postgres = start();
        return postgres::close;
    }

    private EmbeddedPostgres start() {
        prepareDataDirectory();
        requirePortFree();
        TrustedBinaries.check(settings.binariesDir());
        TrustedBinaries.tighten(settings.home(), settings.binariesDir());
        String password = passwordForStart();
        ProcessOutputFile log = new ProcessOutputFile(settings.logFile()).ownerOnly();
        Path initdbPasswordFile =
                settings.dataDir().resolveSibling("." + settings.dataDir().getFileName() + ".initdb");
        try {
            PrivateFiles.writeOwnerOnly(initdbPasswordFile, password + "\n");
            EmbeddedPostgres postgres =
                    builder(log, password, initdbPasswordFile).start();
            TrustedBinaries.tighten(settings.home(), settings.binariesDir());
            return postgres;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new CrmbenchException(
                    "The embedded PostgreSQL did not start (" + e.getMessage()
                            + log.lastLine()
                                    .map(line -> "; last log line: " + line)
                                    .orElse("")
                            + "); the full log is " + settings.logFile() + ".",
                    e);
        } finally {
            deleteQuietly(initdbPasswordFile);
        }
    }

    /**
     * initdb runs with password authentication on every line and the password from a file
     * (the {@code -A trust} zonky passes first is overridden by the later {@code --auth}); zonky
     * checks the server is up by connecting, with the password.
     */
    private EmbeddedPostgres.Builder builder(ProcessOutputFile log, String password, Path initdbPasswordFile) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(settings.port())
                .setPGStartupWait(STARTUP_WAIT)
                .setOverrideWorkingDirectory(settings.binariesDir().toFile())
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("auth", PasswordAuthentication.METHOD)
                .setLocaleConfig("pwfile", initdbPasswordFile.toString())
                .setConnectConfig("password", password)
                .setOutputRedirector(log.redirect())
                .setErrorRedirector(log.redirect());
        SERVER_CONFIG.forEach(builder::setServerConfig);
        if (settings.needsReplicaWal()) {
            REPLICA_CONFIG.forEach(builder::setServerConfig);
        }
        return builder;
    }

    /**
     * The password of a new data directory, generated now, or of an existing one. A data
     * directory behind a password whose file is gone cannot be entered: refused with the way out.
     */
    private String passwordForStart() {
        SuperuserPassword password = new SuperuserPassword(settings.passwordFile());
        if (dataExists() && password.read().isEmpty() && !PasswordAuthentication.trustsAnyone(settings.dataDir())) {
            throw new CrmbenchException(missingPasswordMessage());
        }
        return password.readOrCreate();
    }

    /**
     * Where to connect to this server on {@code port}, with its password; a data directory an
     * older crmbench made with {@code trust} authentication is put behind the password first.
     */
    public ConnectionTarget connectTo(int port) {
        SuperuserPassword file = new SuperuserPassword(settings.passwordFile());
        String password = PasswordAuthentication.trustsAnyone(settings.dataDir())
                ? file.readOrCreate()
                : file.read().orElseThrow(() -> new CrmbenchException(missingPasswordMessage()));
        ConnectionTarget target = new ConnectionTarget(jdbcUrl(port), SuperuserPassword.SUPERUSER, password);
        PasswordAuthentication.requirePasswords(settings.dataDir(), target);
        return target;
    }

    /** A libpq URL for psql and pgbench that reads the password from its file: no password in it. */
    public String libpqUrl(int port) {
        return new ConnectionTarget(jdbcUrl(port), SuperuserPassword.SUPERUSER, null).libpqUrl() + "?passfile="
                + settings.passwordFile();
    }

    private String missingPasswordMessage() {
        return "The password file " + settings.passwordFile() + " of the embedded PostgreSQL in " + settings.dataDir()
                + " is missing, so crmbench cannot log in. Restore it, or start over with 'crmbench db reset'"
                + " (deletes the data).";
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * zonky guards the data directory with a FileLock held until its object is closed, which a
     * background server never is: a later start in the same JVM would fail until the garbage
     * collector happened to free it. PostgreSQL's own postmaster.pid guards the directory, so
     * the redundant lock is released. zonky has no API for this, hence reflection; if its fields
     * change, only a second start in the same JVM is affected, and it fails with a message.
     */
    private static void releaseDirectoryLock(EmbeddedPostgres postgres) {
        try {
            for (String name : new String[] {"lock", "lockStream"}) {
                java.lang.reflect.Field field = EmbeddedPostgres.class.getDeclaredField(name);
                field.setAccessible(true);
                if (field.get(postgres) instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        } catch (Exception e) {
            // see above: best effort
        }
    }

    /** Stops a running server (fast shutdown: open sessions are ended). Returns false if none ran. */
    public boolean stop() {
        Optional<RunningServer> server = running();
        if (server.isEmpty()) {
            return false;
        }
        long pid = server.get().pid();
        try {
            // SIGINT is PostgreSQL's "fast" shutdown; the JDK can only send SIGTERM ("smart"), which
            // would wait for every client to disconnect.
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.waitFor();
            ProcessHandle.of(pid)
                    .ifPresent(p -> p.onExit()
                            .orTimeout(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                            .join());
        } catch (IOException e) {
            throw new CrmbenchException(
                    "Could not signal the embedded PostgreSQL (pid " + pid + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmbenchException("Interrupted while stopping the embedded PostgreSQL.", e);
        } catch (java.util.concurrent.CompletionException e) {
            throw new CrmbenchException("The embedded PostgreSQL (pid " + pid + ") did not stop within "
                    + STOP_WAIT.toSeconds() + " s; see " + settings.logFile() + ".");
        }
        return true;
    }

    /** Deletes the data directory, its log and its password; the server must not be running. */
    public void deleteData() {
        if (running().isPresent()) {
            throw new IllegalStateException("stop the server before deleting its data");
        }
        deleteRecursively(settings.dataDir());
        try {
            Files.deleteIfExists(settings.logFile());
            Files.deleteIfExists(settings.passwordFile()); // a new data directory gets a new password
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes used by the data directory (0 when it does not exist). */
    public long dataSizeBytes() {
        if (!Files.isDirectory(settings.dataDir())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(settings.dataDir())) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(EmbeddedPostgresServer::sizeOrZero)
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    public boolean dataExists() {
        return Files.exists(settings.dataDir().resolve("PG_VERSION"));
    }

    private void prepareDataDirectory() {
        Path dir = settings.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CrmbenchException("Cannot create the data directory " + dir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another with --data-dir.");
        }
        if (!Files.isWritable(dir) || !Files.isWritable(dir.getParent())) {
            throw new CrmbenchException(
                    "Cannot write to the data directory " + dir + "; choose another with --data-dir.");
        }
    }

    private void requirePortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()));
        } catch (IOException e) {
            throw new CrmbenchException("Port " + settings.port()
                    + " on 127.0.0.1 is already in use by another program; choose another one with --db-port.");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file only its owner can read; the next start overwrites it
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a file PostgreSQL removed while we walked
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CrmbenchException("Could not delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A server process found on the data directory. */
    public record RunningServer(long pid, int port) {}
}
