package org.crmbench.results;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Where one bench or advise run writes: OUT/runs/RUN_ID/, with its histogram logs in hlog/. The run
 * id is the start time in UTC to the second, so runs sort by time and a report finds a run's logs
 * from the id its CSV rows carry.
 *
 * @param out the reports folder the user named (--out)
 * @param id the run's id, yyyyMMdd-HHmmss in UTC
 * @param startedAt when the run started, to the second
 */
public record RunFolder(Path out, String id, Instant startedAt) {
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** A run starting now. */
    public static RunFolder startingNow(Path out) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new RunFolder(out, RUN_ID.format(started), started);
    }

    public Path folder() {
        return out.resolve("runs").resolve(id);
    }

    public Path hlogs() {
        return folder().resolve("hlog");
    }

    /** The histogram logs of the run with this id under a reports folder. */
    public static Path hlogs(Path out, String runId) {
        return new RunFolder(out, runId, null).hlogs();
    }
}
