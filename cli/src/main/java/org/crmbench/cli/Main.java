package org.crmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // msgpack's fast buffers (Locust's protocol) use sun.misc.Unsafe, which JDK 24+ warns about on
        // every start; the portable buffer is plenty for a message a second. Set here, where the
        // process starts, rather than by a class as it loads.
        System.setProperty("msgpack.universal-buffer", "true");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (verbose) {
            // must be set before the first logger is created
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        int exitCode = CrmbenchCli.commandLine(verbose, args).execute(args);
        if (exitCode != ExitCode.OK) {
            markArchiveFailed();
        }
        System.exit(exitCode);
    }

    /**
     * When this run records the launcher's cache (scripts/cds-archive.sh: the AOT configuration,
     * or the class archive) and failed, it stopped before the classes of the real work had loaded:
     * the mark tells the next start to drop what it recorded. A run ended by a signal keeps it:
     * load stopped by Ctrl-C still ends here with 0, serve stopped by a signal never gets here.
     */
    private static void markArchiveFailed() {
        String mark = System.getProperty("crmbench.cds.failed");
        if (mark != null) {
            try {
                Files.writeString(Path.of(mark), "");
            } catch (IOException | RuntimeException e) {
                // no mark: the next runs map this thinner archive, which costs time, not results
            }
        }
    }
}
