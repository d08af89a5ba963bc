package org.crmbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure list/filter/sort/paginate/lookup queries, baseline vs indexed, into CSV reports.%nNot implemented yet (issue #4).",
        footerHeading = "%nExample:%n",
        footer = "  crmbench bench --repeat 5 --baseline")
final class BenchCommand extends PendingCommand {
    @Mixin
    DbOptions db;

    @Override
    int issue() {
        return 4;
    }
}
