package org.crmbench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.crmbench.db.Database;
import org.crmbench.db.DbSettings;
import org.crmbench.db.EmbeddedSettings;
import org.crmbench.generate.DatasetLoader;
import org.crmbench.generate.GenerateSettings;
import org.crmbench.generate.LoadProgress;
import org.crmbench.schema.IndexSet;

/** A real embedded PostgreSQL in a temporary directory on a free port, for tests. */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {}

    public static Database open(Path dir, int poolSize) throws IOException {
        return Database.open(new DbSettings(null, new EmbeddedSettings(dir.resolve("pgdata"), freePort()), poolSize));
    }

    /** A generated dataset of {@code users} users (seed 42, the default index set). */
    public static void generate(Database db, long users) {
        generate(db, users, IndexSet.of(IndexSet.BEST));
    }

    /** A generated dataset of {@code users} users (seed 42) with {@code indexes}. */
    public static void generate(Database db, long users, IndexSet indexes) {
        GenerateSettings settings = new GenerateSettings(users, 10_000, 42, 3, indexes);
        new DatasetLoader(db, settings, LoadProgress.of(settings)).run();
    }

    /** A free port whose next one is free too (for a primary and its replica). */
    public static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two free ports in a row");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
