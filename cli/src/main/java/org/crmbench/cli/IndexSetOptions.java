package org.crmbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmbench.schema.IndexSet;
import picocli.CommandLine.Option;

/** Which index sets bench measures in: named sets, or the default set with or without the baseline first. */
final class IndexSetOptions {
    @Option(
            names = "--index-sets",
            paramLabel = "SETS",
            split = ",",
            description = "Index sets to measure in, in order (default: " + IndexSet.BEST + "; with --baseline:"
                    + " baseline," + IndexSet.BEST + ").")
    List<String> indexSets;

    @Option(names = "--baseline", description = "Measure without secondary indexes first (--index-sets baseline,lean).")
    boolean baseline;

    @Option(
            names = "--indexes",
            paramLabel = "FILE",
            description = "CREATE INDEX statements to measure instead of the default set.")
    Path indexes;

    /**
     * The sets to measure, in order.
     *
     * @throws IllegalArgumentException for --index-sets beside --baseline or --indexes, or a set
     *     that does not exist or does not read
     */
    List<IndexSet> indexSets() {
        if (indexSets != null) {
            if (baseline || indexes != null) {
                throw new IllegalArgumentException(
                        "--index-sets names every set to measure; leave out --baseline and --indexes");
            }
            return indexSets.stream()
                    .map(name -> option("--index-sets", () -> IndexSet.of(name.strip())))
                    .toList();
        }
        List<IndexSet> sets = new ArrayList<>();
        if (baseline) {
            sets.add(IndexSet.of(IndexSet.BASELINE));
        }
        sets.add(indexes == null ? IndexSet.of(IndexSet.BEST) : option("--indexes", () -> IndexSet.file(indexes)));
        return sets;
    }

    /** An index set read for {@code option}: its error names the option. */
    static IndexSet option(String option, Supplier<IndexSet> set) {
        try {
            return set.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
