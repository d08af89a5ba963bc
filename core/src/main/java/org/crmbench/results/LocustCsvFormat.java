package org.crmbench.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locust's CSV file set as load writes it and report reads it, with Locust's column names so
 * existing notebooks and dashboards read them: PREFIX_stats.csv, PREFIX_stats_history.csv and
 * PREFIX_failures.csv, plus an HdrHistogram .hlog per endpoint. Times are milliseconds.
 */
public final class LocustCsvFormat {
    public static final List<String> PERCENTILES =
            List.of("50%", "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%");
    public static final double[] PERCENTILE_VALUES = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
    public static final List<String> STATS_COLUMNS = concat(
            List.of(
                    "Type",
                    "Name",
                    "Request Count",
                    "Failure Count",
                    "Median Response Time",
                    "Average Response Time",
                    "Min Response Time",
                    "Max Response Time",
                    "Average Content Size",
                    "Requests/s",
                    "Failures/s"),
            PERCENTILES);
    public static final List<String> HISTORY_COLUMNS = concat(
            concat(List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"), PERCENTILES),
            List.of(
                    "Total Request Count",
                    "Total Failure Count",
                    "Total Median Response Time",
                    "Total Average Response Time",
                    "Total Min Response Time",
                    "Total Max Response Time",
                    "Total Average Content Size"));
    public static final List<String> FAILURE_COLUMNS = List.of("Method", "Name", "Error", "Occurrences");

    private LocustCsvFormat() {}

    /** PREFIX_NAME.hlog, the endpoint name reduced to letters, digits and underscores. */
    public static Path hlogFile(String prefix, String endpointName) {
        return Path.of(
                prefix + "_" + endpointName.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + ".hlog");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
