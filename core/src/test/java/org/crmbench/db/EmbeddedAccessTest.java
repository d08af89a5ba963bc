package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who can get into the embedded PostgreSQL and its files, tried from another local account
 * ({@code nobody}) with psql, as the tests run as root in CI. The temporary directory is opened
 * to others (0755) so that only crmbench's own modes keep them out.
 */
class EmbeddedAccessTest {
    @TempDir
    Path tmp;

    private Path home;

    @BeforeEach
    void openTheTemporaryDirectoryToOthers() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = tmp.resolve("home");
    }

    @Test
    void anotherAccountGetsInNeitherWithoutThePasswordNorWithAWrongOne() throws Exception {
        requireRootWithPsql();
        EmbeddedSettings settings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort(), home);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings);
        server.startInBackground();
        try {
            String url = "postgresql://postgres@127.0.0.1:" + settings.port() + "/postgres";
            String password =
                    new SuperuserPassword(settings.passwordFile()).read().orElseThrow();

            assertThat(OtherAccount.run(Map.of(), "psql", "-X", "-w", url, "-Atc", "select 1"))
                    .contains("no password supplied");
            assertThat(OtherAccount.run(Map.of("PGPASSWORD", "wrong"), "psql", "-X", "-w", url, "-Atc", "select 1"))
                    .contains("password authentication failed");
            // the Unix socket (zonky's default directory, /tmp) asks for it too
            assertThat(OtherAccount.run(
                            Map.of(),
                            "psql",
                            "-X",
                            "-w",
                            "-h",
                            "/tmp",
                            "-p",
                            "" + settings.port(),
                            "-U",
                            "postgres",
                            "-Atc",
                            "select 1"))
                    .contains("no password supplied");
            assertThat(OtherAccount.run(
                            Map.of("PGPASSWORD", "wrong"),
                            "psql",
                            "-X",
                            "-w",
                            url + "?replication=database",
                            "-c",
                            "IDENTIFY_SYSTEM"))
                    .containsAnyOf("password authentication failed", "max_wal_senders");
            assertThat(Files.readAllLines(settings.dataDir().resolve("pg_hba.conf")))
                    .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                    .hasSize(6) // local, IPv4 and IPv6, each for databases and for replication
                    .allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));
            // the control: with the password, the same account gets in
            assertThat(OtherAccount.run(Map.of("PGPASSWORD", password), "psql", "-X", "-w", url, "-Atc", "select 1"))
                    .isEqualTo("1");

            assertThat(mode(home)).isEqualTo("rwx------");
            // zonky unpacks once per JVM: when an earlier test of this JVM did, it ran those binaries
            if (Files.exists(settings.binariesDir())) {
                assertThat(mode(settings.binariesDir())).isEqualTo("rwx------");
            }
            assertThat(mode(settings.passwordFile())).isEqualTo("rw-------");
            assertThat(mode(settings.logFile())).isEqualTo("rw-------");
            assertThat(OtherAccount.run(
                            Map.of(), "touch", home.resolve("planted").toString()))
                    .contains("Permission denied");
            assertThat(home.resolve("planted")).doesNotExist();
        } finally {
            server.stop();
        }
    }

    @Test
    void aDataDirectoryMadeWithTrustIsPutBehindThePassword() throws Exception {
        requireRootWithPsql();
        EmbeddedSettings settings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort(), home);
        new EmbeddedPostgresServer(settings).startForLifetime().close();
        // what an older crmbench left: trust on every line, and no password file
        Path hba = settings.dataDir().resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
        Files.delete(settings.passwordFile());

        try (Database db = Database.open(new DbSettings(null, settings, 1))) {
            assertThat(db.dsl().fetchValue("select 1")).isEqualTo(1);
            assertThat(Files.readString(hba)).doesNotContainPattern("\\strust\\s*$|\\strust\\n");
            String url = "postgresql://postgres@127.0.0.1:" + settings.port() + "/postgres";
            assertThat(OtherAccount.run(Map.of(), "psql", "-X", "-w", url, "-Atc", "select 1"))
                    .contains("no password supplied");
            assertThat(OtherAccount.run(
                            Map.of("PGPASSWORD", db.target().password()), "psql", "-X", "-w", url, "-Atc", "select 1"))
                    .isEqualTo("1");
        }
    }

    @Test
    void aDataDirectoryWhosePasswordFileIsGoneIsOneClearSentence() throws Exception {
        EmbeddedSettings settings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort(), home);
        new EmbeddedPostgresServer(settings).startForLifetime().close();
        Files.delete(settings.passwordFile());

        assertThatThrownBy(() -> Database.open(new DbSettings(null, settings, 1)))
                .isInstanceOf(CrmbenchException.class)
                .hasMessageContaining("password file " + settings.passwordFile())
                .hasMessageContaining("crmbench db reset");
    }

    @Test
    void binariesAnotherAccountCouldReplaceAreRefused() throws Exception {
        Path binaries = home.resolve("postgres-binaries");
        Path postgres = Files.createDirectories(binaries.resolve("PG-test/bin")).resolve("postgres");
        Files.writeString(postgres, "#!/bin/sh\n");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));
        EmbeddedSettings settings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort(), home);
        assertThatThrownBy(() -> new EmbeddedPostgresServer(settings).startInBackground())
                .isInstanceOf(CrmbenchException.class)
                .hasMessageContaining(binaries + " is writable by other accounts (mode 0777)")
                .hasMessageContaining("chmod -R go-w " + binaries);
        assertThat(settings.dataDir().resolve("PG_VERSION")).doesNotExist();

        // the same directory inside a home nobody else can enter exposes nothing (zonky's own 0777)
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        TrustedBinaries.check(binaries);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxr-xr-x"));
        TrustedBinaries.check(binaries);
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(() -> TrustedBinaries.check(binaries))
                .hasMessageContaining(postgres + " is writable by other accounts (mode 0775)");

        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        requireRoot();
        UserPrincipal other =
                postgres.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OtherAccount.NAME);
        Files.setOwner(postgres, other);
        assertThatThrownBy(() -> TrustedBinaries.check(binaries))
                .hasMessageContaining(postgres + " belongs to " + OtherAccount.NAME)
                .hasMessageContaining("rm -rf " + binaries);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void requireRoot() {
        assumeThat(System.getProperty("user.name"))
                .as("these tests switch to another account, which needs root (as in CI)")
                .isEqualTo("root");
    }

    private static void requireRootWithPsql() {
        assumeThat(OtherAccount.available())
                .as("another account (needs root, as in CI) tries the connections with psql")
                .isTrue();
    }
}
