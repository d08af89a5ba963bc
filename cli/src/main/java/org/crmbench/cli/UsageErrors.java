package org.crmbench.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Settings records validate themselves and throw IllegalArgumentException naming the option;
 * to the user that is a usage error: one sentence, a pointer to --help, exit code 2.
 */
final class UsageErrors {
    private UsageErrors() {}

    static <T> T orUsageError(CommandSpec spec, Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
