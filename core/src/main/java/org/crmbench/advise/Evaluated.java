package org.crmbench.advise;

import java.util.Map;

/**
 * A candidate built and measured: what it cost and what it did to the statements whose plans
 * used it.
 *
 * @param buildSeconds the CREATE INDEX's wall time
 * @param write what it adds to inserts and updates of its table
 * @param after the statements whose plan used it, measured with it there, by name
 * @param unmeasured the statements whose plan could use it but were not measured with it: a
 *     candidate asked about before lets them use as many of their keys, or the planner's estimate
 *     was not materially below the one of their fastest measured state
 * @param failure why it was not built: it failed, or no statement was left to ask about it (null when it was)
 */
public record Evaluated(
        Candidate candidate,
        double buildSeconds,
        long sizeBytes,
        IndexWriteCost write,
        Map<String, Timing> after,
        int unmeasured,
        String failure) {
    public Evaluated {
        after = Map.copyOf(after);
    }

    static Evaluated failed(Candidate candidate, String failure) {
        return new Evaluated(candidate, 0, 0, IndexWriteCost.NONE, Map.of(), 0, failure);
    }

    /** Not built: {@code why}, with the statements whose plans could use it but were not asked about it. */
    static Evaluated notBuilt(Candidate candidate, String why, int unmeasured) {
        return new Evaluated(candidate, 0, 0, IndexWriteCost.NONE, Map.of(), unmeasured, why);
    }

    /** Extra ms per 10,000 inserted rows (null: not measured). */
    public Double writeMsPer10k() {
        return write.insertMsPer10k();
    }

    /** Extra WAL bytes per inserted row (null: not measured). */
    public Double walBytesPerRow() {
        return write.insertWalPerRow();
    }

    public String writeNote() {
        return write.note();
    }

    /** The statements whose plan used it, measured or not. */
    public int plansUsing() {
        return after.size() + unmeasured;
    }

    public double sizeMb() {
        return sizeBytes / (1024.0 * 1024.0);
    }
}
