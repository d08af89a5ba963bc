package org.crmbench.cli;

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
        System.exit(CrmbenchCli.commandLine(verbose, args).execute(args));
    }
}
