package org.crmbench.generate;

import java.util.concurrent.atomic.AtomicLong;
import org.crmbench.schema.CrmbenchSchema;

/** What a running load has done so far; the CLI polls it to draw a progress bar. */
public final class LoadProgress {
    private final long totalRows;
    private final AtomicLong rowsLoaded = new AtomicLong();
    private volatile String phase = "starting";
    private volatile boolean swapped;

    private LoadProgress(long totalRows) {
        this.totalRows = totalRows;
    }

    /** The progress of a load of these settings: every table gets one row per user. */
    public static LoadProgress of(GenerateSettings settings) {
        return new LoadProgress(settings.users() * CrmbenchSchema.TABLES.size());
    }

    public long totalRows() {
        return totalRows;
    }

    public long rowsLoaded() {
        return rowsLoaded.get();
    }

    public String phase() {
        return phase;
    }

    /** True once the new dataset has replaced the old one (the load can no longer be undone). */
    public boolean swapped() {
        return swapped;
    }

    void addRows(long rows) {
        rowsLoaded.addAndGet(rows);
    }

    void phase(String phase) {
        this.phase = phase;
    }

    void markSwapped() {
        swapped = true;
    }
}
