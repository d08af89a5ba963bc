package org.crmbench.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print the shell completion script for bash and zsh.",
            "It completes commands, options and option values; load it in the current shell, or add the line to"
                    + " ~/.bashrc (zsh: after 'autoload -U +X bashcompinit && bashcompinit')."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  source <(crmbench completion)", "  crmbench completion > /etc/bash_completion.d/crmbench"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        spec.commandLine().getOut().print(AutoComplete.bash(root.name(), root.commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
