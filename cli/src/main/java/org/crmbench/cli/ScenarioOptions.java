package org.crmbench.cli;

import java.nio.file.Path;
import org.crmbench.load.scenario.LoadScenario;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** load's scenario: a bundled one by name or a file of the user's own. */
final class ScenarioOptions {
    static final String DEFAULT = "run-query";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            description =
                    "A bundled scenario: run-query, users-list, mix, health or surface (default " + DEFAULT + ").")
    String scenario;

    @Option(names = "--scenario-file", paramLabel = "FILE", description = "A scenario file of your own (YAML or JSON).")
    Path scenarioFile;

    /** The scenario's definition, read before its values are drawn (a file may name the host). */
    LoadScenario.Definition definition() {
        if (scenario != null && scenarioFile != null) {
            throw new ParameterException(spec.commandLine(), "give --scenario or --scenario-file, not both");
        }
        return UsageErrors.orUsageError(
                spec,
                () -> scenarioFile != null
                        ? LoadScenario.fromFile(scenarioFile)
                        : LoadScenario.builtIn(scenario == null ? DEFAULT : scenario));
    }
}
