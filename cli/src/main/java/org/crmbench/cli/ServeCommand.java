package org.crmbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Serve the generated data as a JSON API (list, search, lookup, OpenAPI, Swagger UI).%nNot implemented yet (issue #5).",
        footerHeading = "%nExample:%n",
        footer = "  crmbench serve --port 8000 --bind 127.0.0.1")
final class ServeCommand extends PendingCommand {
    @Mixin
    DbOptions db;

    @Override
    int issue() {
        return 5;
    }
}
