package org.crmbench.generate;

import java.util.concurrent.atomic.AtomicLong;

/** What a running load has done so far; the CLI polls it to draw a progress bar. */
public final class LoadProgress {
    private final long totalRows;
    private final AtomicLong rowsLoaded = new AtomicLong();
    private volatile String phase = "starting";
    private volatile boolean swapped;

    public LoadProgress(long totalRows) {
        this.totalRows = totalRows;
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
