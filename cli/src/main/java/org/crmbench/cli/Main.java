package org.crmbench.cli;

import java.util.Arrays;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (verbose) {
            // must be set before the first logger is created
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        System.exit(CrmbenchCli.commandLine(verbose).execute(args));
    }
}
