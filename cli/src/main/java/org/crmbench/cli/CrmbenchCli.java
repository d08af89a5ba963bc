package org.crmbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.crmbench.CrmbenchException;
import org.crmbench.db.DatabaseUnreachableException;
import org.crmbench.load.LoadConnectException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the one {@link CommandLine} that {@link Main} and the tests run. */
public final class CrmbenchCli {
    private CrmbenchCli() {}

    /**
     * The tree {@code args} need: the subcommand they name alone, or all of them when they name
     * none (the top-level help lists them; a misspelt name is reported as before) or ask for
     * the completion script (which covers them all).
     */
    public static CommandLine commandLine(boolean verbose, String... args) {
        CommandLine cli = new CommandLine(new CrmbenchCommand());
        String named =
                Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        List<Class<?>> wanted = CrmbenchCommand.SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(named) && c != CompletionCommand.class)
                .toList();
        for (Class<?> command : wanted.isEmpty() ? CrmbenchCommand.SUBCOMMANDS : wanted) {
            cli.addSubcommand(command);
        }
        cli.setExecutionExceptionHandler(executionErrors(verbose));
        cli.setParameterExceptionHandler(usageErrors());
        cli.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
        return cli;
    }

    /** Tests capture what a user would see on the terminal. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(false, args);
        cli.setOut(out);
        cli.setErr(err);
        return cli;
    }

    /** A usage error is one sentence naming the option, a pointer to --help, and exit code 2. */
    private static IParameterExceptionHandler usageErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
            err.flush();
            return ExitCode.USAGE;
        };
    }

    /** Failures become one sentence and an exit code; the stack trace only with --verbose. */
    private static IExecutionExceptionHandler executionErrors(boolean verbose) {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            String message = e instanceof CrmbenchException
                    ? e.getMessage()
                    : "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
            err.println(cmd.getColorScheme().errorText("error: " + message));
            if (verbose) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            } else if (!(e instanceof CrmbenchException)) {
                err.println("Run again with --verbose for the stack trace.");
            }
            err.flush();
            return e instanceof DatabaseUnreachableException || e instanceof LoadConnectException
                    ? ExitCode.DATABASE_UNREACHABLE
                    : ExitCode.FAILURE;
        };
    }
}
