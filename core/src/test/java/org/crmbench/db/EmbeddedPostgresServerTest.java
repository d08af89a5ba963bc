package org.crmbench.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.schema.CrmbenchSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real embedded PostgreSQL servers in temporary data directories on free ports. */
class EmbeddedPostgresServerTest {
    @TempDir
    Path tmp;

    @Test
    void backgroundServerSurvivesUntilStoppedAndKeepsItsData() throws Exception {
        EmbeddedSettings settings = new EmbeddedSettings(tmp.resolve("pgdata"), EmbeddedDatabase.freePort());
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings);
        assertThat(server.running()).isEmpty();

        EmbeddedPostgresServer.RunningServer running = server.startInBackground();
        try {
            assertThat(running.port()).isEqualTo(settings.port());
            assertThat(server.running()).contains(running);
            try (Database db = Database.open(new DbSettings(null, settings, 2))) {
                assertThat(db.ownsServer()).isFalse(); // it reuses the background server
                CrmbenchSchema.createIfMissing(db.dsl());
                db.dsl()
                        .execute("insert into crmbench.app_user values "
                                + "(1, 100, 7, 'Ann', 'Smith', 'a@x.org', '+1', date '1990-01-01', now())");
                assertThat(db.dsl().fetchValue("show server_version").toString())
                        .matches("1[7-9].*|[2-9]\\d.*");
                assertThat(db.dsl().fetchValue("show listen_addresses")).isEqualTo("127.0.0.1");
            }
        } finally {
            assertThat(server.stop()).isTrue();
        }
        assertThat(server.running()).isEmpty();
        assertThat(server.stop()).isFalse();

        // a command without a running server starts one for its lifetime, and the data is still there
        try (Database db = Database.open(new DbSettings(null, settings, 2))) {
            assertThat(db.ownsServer()).isTrue();
            assertThat(CrmbenchSchema.rowCounts(db.dsl())).containsEntry("crmbench.app_user", 1L);
        }
        assertThat(server.running()).isEmpty();

        server.deleteData();
        assertThat(settings.dataDir()).doesNotExist();
    }

    @Test
    void portInUseIsOneClearSentence() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedSettings settings = new EmbeddedSettings(tmp.resolve("pgdata"), taken.getLocalPort());
            assertThatThrownBy(() -> new EmbeddedPostgresServer(settings).startInBackground())
                    .isInstanceOf(CrmbenchException.class)
                    .hasMessage("Port " + taken.getLocalPort()
                            + " on 127.0.0.1 is already in use by another program; choose another one with --db-port.");
        }
    }

    @Test
    void dataDirectoryThatCannotBeCreatedIsOneClearSentence() throws IOException {
        Path aFile = Files.writeString(tmp.resolve("not-a-directory"), "x");
        EmbeddedSettings settings = new EmbeddedSettings(aFile.resolve("pgdata"), EmbeddedDatabase.freePort());

        assertThatThrownBy(() -> new EmbeddedPostgresServer(settings).startInBackground())
                .isInstanceOf(CrmbenchException.class)
                .hasMessageStartingWith("Cannot create the data directory " + settings.dataDir())
                .hasMessageEndingWith("choose another with --data-dir.");
    }
}
