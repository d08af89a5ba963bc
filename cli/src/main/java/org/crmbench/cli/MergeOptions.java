package org.crmbench.cli;

import java.nio.file.Path;
import java.util.List;
import org.crmbench.report.HistogramMerge;
import org.crmbench.report.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** report --merge: HdrHistogram logs of several load machines merged into one. */
final class MergeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--merge",
            arity = "2..*",
            paramLabel = "HLOG",
            description = "HdrHistogram logs to merge into --out.")
    List<Path> merge;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --merge writes the merged log.")
    Path out;

    boolean given() {
        return merge != null;
    }

    /** A usage error when options of printing or comparing came with --merge. */
    void checkAlone(boolean otherOptions) {
        if (otherOptions) {
            throw usage("--merge takes only HdrHistogram logs and --out");
        }
        if (out == null) {
            throw usage("--merge needs --out FILE for the merged log");
        }
    }

    /** A usage error for --out without --merge. */
    void checkNotHalf() {
        if (out != null) {
            throw usage("--out is for --merge; for an HTML page use --html FILE");
        }
    }

    /** Merges the logs into --out; the table of what was merged. */
    TextTable run() {
        return UsageErrors.orUsageError(spec, () -> HistogramMerge.merge(merge, out));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
