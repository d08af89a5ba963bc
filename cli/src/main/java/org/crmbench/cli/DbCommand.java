package org.crmbench.cli;

import picocli.CommandLine.Command;

@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Manage the embedded PostgreSQL (used when no --jdbc-url is given).",
        subcommands = {DbStartCommand.class, DbStopCommand.class, DbStatusCommand.class, DbResetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  crmbench db start            # leave it running in the background",
            "  crmbench db status           # version, data directory, size, row counts, psql URL",
            "  psql \"$(crmbench db status --url)\" -c '\\dt crmbench.*'",
            "  crmbench db stop",
            "  crmbench db reset --yes      # delete all data"
        })
final class DbCommand {}
