package org.crmbench.values;

/**
 * A fast seeded random stream (SplitMix64) that is re-seeded for every row from (seed, table, id):
 * a row's values depend on nothing else, so any number of threads produce identical tables.
 */
public final class RowRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** Positions the stream at the start of one row's values. */
    public RowRandom reset(long seed, int table, long id) {
        state = mix(seed ^ mix(id * GOLDEN_GAMMA + table));
        return this;
    }

    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Standard normal (Box-Muller, one of the pair). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble(); // (0, 1]: log is finite
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * nextDouble());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
