package org.crmbench.advise;

/**
 * One point of the price/performance frontier: the indexes chosen so far, in the order the
 * greedy choice added them, what they cost together and what they buy, all from the single
 * measurements of each candidate (no budget is measured again).
 *
 * @param step 0 for the state advise found, then 1, 2, ... one index more each
 * @param added the index this step adds; null at step 0
 * @param sizeBytes the disk of the indexes up to this step
 * @param buildSeconds their CREATE INDEX wall times added up
 * @param writeMsPer10k their measured extra milliseconds per 10,000 inserted rows added up (null: none measured)
 * @param walBytesPerRow their measured extra WAL bytes per inserted row added up (null: none measured)
 * @param underTarget statements whose p50 is at or under their latency target with these indexes
 * @param savedMs the weighted p50 milliseconds these indexes save over the state advise found
 */
public record FrontierStep(
        int step,
        Candidate added,
        long sizeBytes,
        double buildSeconds,
        Double writeMsPer10k,
        Double walBytesPerRow,
        int underTarget,
        double savedMs) {
    public double sizeMb() {
        return sizeBytes / (1024.0 * 1024.0);
    }
}
