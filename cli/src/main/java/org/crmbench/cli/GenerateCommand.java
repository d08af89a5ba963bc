package org.crmbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a realistic CRM dataset into PostgreSQL through COPY.%nNot implemented yet (issue #3).",
        footerHeading = "%nExample:%n",
        footer = "  crmbench generate --n 1000000 --chunk 100000 --seed 42")
final class GenerateCommand extends PendingCommand {
    @Mixin
    DbOptions db;

    @Override
    int issue() {
        return 3;
    }
}
