package org.crmbench.cli;

import picocli.CommandLine.Command;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Read, compare and chart bench and load reports.%nNot implemented yet (issue #7).",
        footerHeading = "%nExample:%n",
        footer = "  crmbench report reports/benchmarks.csv")
final class ReportCommand extends PendingCommand {
    @Override
    int issue() {
        return 7;
    }
}
