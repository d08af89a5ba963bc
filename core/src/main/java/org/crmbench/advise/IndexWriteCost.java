package org.crmbench.advise;

/**
 * What an index adds to its table's writes, from {@link WriteCost}'s batches with and without it:
 * milliseconds per 10,000 rows and WAL bytes per row, for inserts and for updates of {@code
 * column}; null where not measured, and {@code note} says why.
 */
public record IndexWriteCost(
        Double insertMsPer10k,
        Double insertWalPerRow,
        String column,
        Double updateMsPer10k,
        Double updateWalPerRow,
        String note) {
    static final IndexWriteCost NONE = new IndexWriteCost(null, null, "", null, null, "");

    static IndexWriteCost notMeasured(String column, String note) {
        return new IndexWriteCost(null, null, column, null, null, note);
    }

    static IndexWriteCost between(WriteCost.Batches without, WriteCost.Batches with, String column) {
        if (!without.measured() || !with.measured()) {
            return new IndexWriteCost(null, null, column, null, null, with.measured() ? without.note() : with.note());
        }
        boolean update = without.updateMeasured() && with.updateMeasured();
        return new IndexWriteCost(
                (with.insertMs() - without.insertMs()) * 10_000.0 / WriteCost.ROWS,
                (with.insertWal() - without.insertWal()) / WriteCost.ROWS,
                column,
                update ? (with.updateMs() - without.updateMs()) * 10_000.0 / WriteCost.ROWS : null,
                update ? (with.updateWal() - without.updateWal()) / WriteCost.ROWS : null,
                update ? "" : with.note());
    }
}
