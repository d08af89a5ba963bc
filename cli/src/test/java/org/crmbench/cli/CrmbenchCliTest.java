package org.crmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrmbenchCliTest {
    /**
     * The Commands section of the help, as picocli prints it: each command on its own line,
     * its summary (the first line of its description) wrapped onto indented lines below.
     */
    @Test
    void helpListsEveryCommandWithASummaryThatIsOneSentence() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        String commands = run.out()
                .substring(run.out().indexOf("Commands:\n") + 10, run.out().indexOf("\nExit codes"));
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : commands.stripTrailing().split("\n")) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
            if (m.matches()) {
                current = m.group(1);
                summaries.put(current, m.group(2).strip());
            } else {
                summaries.merge(current, " " + line.strip(), String::concat);
            }
        }

        List<String> model =
                new ArrayList<>(CrmbenchCli.commandLine(false).getSubcommands().keySet());
        assertThat(summaries.keySet())
                .containsExactlyElementsOf(model)
                .containsExactly("generate", "bench", "advise", "serve", "load", "report", "db", "completion");
        summaries.forEach((command, summary) -> assertThat(summary)
                .as(command)
                .matches("[A-Z][^.]*(\\.[a-z][^.]*)*\\.")); // one sentence ("through COPY.", not "... and")
    }

    /** A command run alone gets only its own model (a start's CPU), and behaves as in the whole tree. */
    @Test
    void aCommandNamedOnTheCommandLineIsTheOnlyOneBuilt() {
        assertThat(CrmbenchCli.commandLine(false, "--verbose", "load", "--help").getSubcommands())
                .containsOnlyKeys("load");
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"completion"}, new String[] {"lod"})) {
            assertThat(CrmbenchCli.commandLine(false, args).getSubcommands())
                    .as(args[0])
                    .hasSize(8);
        }
        String whole =
                CrmbenchCli.commandLine(false).getSubcommands().get("load").getUsageMessage();
        assertThat(CliRun.of("load", "--help").out()).isEqualTo(whole);
        assertThat(CliRun.of("lod").err()).contains("Unmatched argument", "'lod'");
    }

    @Test
    void theCompletionScriptCompletesCommandsAndOptionsInBash(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("completion");
        assertThat(run.exitCode()).isZero();
        Path script = Files.writeString(tmp.resolve("crmbench-completion.bash"), run.out());

        assertThat(complete(script, "crmbench "))
                .contains("generate", "bench", "serve", "load", "report", "db", "completion");
        assertThat(complete(script, "crmbench bench --su")).containsExactly("--surface");
        assertThat(complete(script, "crmbench db ")).contains("start", "stop", "status", "reset");
    }

    /** What bash offers after {@code line}, from the script's completion function. */
    private static List<String> complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        Process bash = new ProcessBuilder(
                        "bash",
                        "-c",
                        "source " + script + "; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                                + " COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_crmbench 2>/dev/null;"
                                + " printf '%s\\n' \"${COMPREPLY[@]}\"")
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "generate",
                "bench",
                "advise",
                "serve",
                "load",
                "report",
                "db",
                "db start",
                "db status",
                "db stop",
                "db reset",
                "completion"
            })
    void everyCommandHasHelpWithExamples(String command) {
        // picocli reports a description it cannot format (a lone %) on System.err, not the command's
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        CliRun run;
        try {
            run = CliRun.of((command + " --help").split(" "));
        } finally {
            System.setErr(systemErr);
        }

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: crmbench " + command).containsPattern("Examples?:");
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8) + run.err())
                .doesNotContain("picocli WARN");
    }

    @Test
    void versionNamesTheProductAndThePostgresBinaries() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("crmbench ").contains("embedded PostgreSQL 17");
    }

    @Test
    void unknownOptionIsAUsageErrorInOneSentence() {
        CliRun run = CliRun.of("db", "status", "--bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines()).hasSize(2).first().asString().contains("Unknown option: '--bogus'");
    }

    @Test
    void unreachableServerExitsThreeWithOneSentence() {
        CliRun run = CliRun.of("db", "status", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("error: Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x")
                .doesNotContain("Exception");
    }

    @Test
    void urlOfAnotherDatabaseIsAUsageError() {
        CliRun run = CliRun.of("db", "status", "--jdbc-url", "jdbc:mysql://h/x?password=secret");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("--jdbc-url must start with jdbc:postgresql://")
                .doesNotContain("secret");
    }

    @Test
    void dbCommandsRefuseAnExternalServer() {
        CliRun run = CliRun.of("db", "start", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("manages the embedded PostgreSQL only");
    }
}
