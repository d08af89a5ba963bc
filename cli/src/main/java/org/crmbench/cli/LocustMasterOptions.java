package org.crmbench.cli;

import java.time.Duration;
import org.crmbench.load.locust.LocustWorker;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** load as a Locust worker: the master to work for, and how long it may be unreachable. */
final class LocustMasterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--locust-master",
            paramLabel = "HOST[:PORT]",
            description = "Run as a worker of this Locust master (port 5557 unless given): its web UI or"
                    + " --headless run starts, resizes and stops the users; this scenario does the requests.")
    String locustMaster;

    @Option(
            names = "--master-timeout",
            paramLabel = "TIME",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "As a worker: a master unreachable this long ends the worker, exit code 1"
                    + " (default ${DEFAULT-VALUE}).")
    Duration masterTimeout;

    boolean worker() {
        return locustMaster != null;
    }

    /** Options of the other mode are usage errors: a worker's master decides users and time. */
    void check() {
        var parsed = spec.commandLine().getParseResult();
        if (worker()) {
            for (String masterDecides : LoadModelOptions.NAMES) {
                if (parsed.hasMatchedOption(masterDecides)) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "as a Locust worker the master decides users and time: leave out " + masterDecides);
                }
            }
        } else if (parsed.hasMatchedOption("--master-timeout")) {
            throw new ParameterException(spec.commandLine(), "--master-timeout is for --locust-master");
        }
    }

    LocustWorker.Settings settings() {
        return UsageErrors.orUsageError(spec, () -> LocustWorkerMode.master(locustMaster, masterTimeout));
    }
}
