package org.crmbench.cli;

import org.crmbench.api.UsersApi;
import org.crmbench.measure.Repetition;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How bench and advise measure: the same options, defaults and checks in both. */
final class MeasureOptions {
    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "" + Repetition.DEFAULT_REPEAT,
            description = "Measured executions per statement and index state (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "" + Repetition.DEFAULT_WARMUP,
            description = "Executions before measuring, not recorded (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "" + UsersApi.DEFAULT_PAGE_SIZE,
            description = "Rows per page of the surface's list requests (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of random user ids and of a workload file's values (default ${DEFAULT-VALUE}).")
    long seed;

    /** The page size, or a usage error when the API would refuse it. */
    int pageSize() {
        String problem = UsersApi.pageSizeProblem("--page-size", pageSize);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        return pageSize;
    }
}
