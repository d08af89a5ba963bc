package org.crmbench.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
        name = "crmbench",
        mixinStandardHelpOptions = true,
        versionProvider = CrmbenchVersion.class,
        usageHelpAutoWidth = true,
        description = "Generate, benchmark, serve and load-test a PostgreSQL-backed CRM API.%n"
                + "Without --jdbc-url every command uses an embedded PostgreSQL (see 'crmbench db').",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 ok, 1 failure, 2 usage error, 3 database (or load target) unreachable, 4 report: slower",
            "",
            "Start here:",
            "  crmbench generate --n 1000000",
            "  crmbench bench --repeat 5 --baseline",
            "  crmbench serve --port 8000"
        })
public final class CrmbenchCommand {
    /**
     * The subcommands, in the order help lists them. Registered by {@link CrmbenchCli}, not in
     * {@code @Command}: picocli builds the model of every registered command at each start, and
     * a command run alone needs only its own: {@code load --help} took 0.66 CPU s instead of 0.77
     * (medians of 8 alternating runs of the two jars, by hand, JDK 25 with the launcher's archive).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            GenerateCommand.class,
            BenchCommand.class,
            AdviseCommand.class,
            ServeCommand.class,
            LoadCommand.class,
            ReportCommand.class,
            DbCommand.class,
            CompletionCommand.class);

    /** Read by {@link Main} before parsing (logging is configured before any class logs). */
    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show library logs and stack traces of failures.")
    boolean verbose;
}
