package org.crmbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description =
                "Load-test the API like Locust: users, spawn rate, run time; Locust-compatible CSV.%nNot implemented yet (issue #6).",
        footerHeading = "%nExample:%n",
        footer = "  crmbench load --users 1000 --spawn-rate 100 --run-time 60s --csv reports/load")
final class LoadCommand extends PendingCommand {
    @Mixin
    DbOptions db;

    @Override
    int issue() {
        return 6;
    }
}
