package org.crmbench.values;

import java.util.List;

/**
 * A value generator as a scenario or workload file declares it; exactly one of its keys is given
 * ({@link ValueGenerator#of} checks).
 *
 * @param uniform [min, max], whole numbers, both included
 * @param zipf whole numbers from min to max, min the most frequent (Zipf's law with the exponent)
 * @param list one of these, uniformly
 * @param csv one value of a column of a CSV file (with a header row), uniformly
 * @param dataset a value from the crmbench dataset as often as it occurs there: user_id (uniform
 *     over the users), last_name, first_name, city or tier
 */
public record ValueSpec(List<Long> uniform, Zipf zipf, List<String> list, Csv csv, String dataset) {

    public record Zipf(long min, long max, double exponent) {}

    /** A column of a CSV file; the path is relative to the scenario file. */
    public record Csv(String file, String column) {}
}
