package org.crmbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command whose issue is not done yet: it says so in one line and fails, never fakes output. */
abstract class PendingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The issue that will implement this command. */
    abstract int issue();

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println("crmbench " + spec.name() + " is not implemented yet (issue #" + issue() + ").");
        return ExitCode.FAILURE;
    }
}
