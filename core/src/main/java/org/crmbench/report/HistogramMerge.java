package org.crmbench.report;

import java.nio.file.Path;
import java.util.List;
import org.crmbench.CrmbenchException;
import org.crmbench.results.HistogramLog;

/** crmbench report --merge: the .hlog files of several load machines as one log, and a table of what each held. */
public final class HistogramMerge {
    private HistogramMerge() {}

    /**
     * Reads every log strictly, writes their merge to {@code out} and returns the table to print.
     *
     * @throws IllegalArgumentException for a log that is missing or does not read, or logs that
     *     cannot be merged
     * @throws CrmbenchException when {@code out} cannot be written
     */
    public static TextTable merge(List<Path> logs, Path out) {
        List<HistogramLog> read = logs.stream().map(HistogramLog::read).toList();
        HistogramLog merged = HistogramLog.merge(read);
        String origin = "crmbench report --merge of "
                + String.join(", ", logs.stream().map(Path::toString).toList());
        try {
            merged.write(out, origin);
        } catch (IllegalArgumentException e) {
            throw new CrmbenchException(e.getMessage(), e);
        }
        return ReportTables.merged(read, merged, out);
    }
}
