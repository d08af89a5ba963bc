package org.crmbench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A report file read back: what kind of run wrote it, where it came from, a one-line description
 * (run, dataset size), its measurements in file order, and for load runs the per-second history.
 */
public record Report(
        Kind kind, Path source, String description, List<Measurement> measurements, List<HistoryPoint> history) {

    public enum Kind {
        BENCH("bench"),
        LOAD("load");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Report {
        measurements = List.copyOf(measurements);
        history = List.copyOf(history);
    }
}
