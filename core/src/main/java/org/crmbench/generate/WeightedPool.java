package org.crmbench.generate;

import java.util.Arrays;
import java.util.List;
import org.crmbench.values.RowRandom;

/**
 * Values drawn with fixed weights (for skew: common surnames, big cities, popular tiers).
 * Picking is a binary search over cumulative weights.
 */
public final class WeightedPool<T> {
    private final List<T> values;
    private final double[] cumulative;

    public WeightedPool(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per value, and at least one value");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /**
     * Weights for a Zipf-like long tail: rank r gets 1/(r + flattening). A larger flattening
     * makes the head less dominant (real surname and city frequencies have a flat-ish head).
     */
    public static double[] zipfWeights(int size, double flattening) {
        double[] weights = new double[size];
        for (int r = 0; r < size; r++) {
            weights[r] = 1.0 / (r + 1 + flattening);
        }
        return weights;
    }

    public T pick(RowRandom random) {
        return values.get(pickIndex(random));
    }

    /** The index of a weighted pick, for values kept in parallel lists. */
    public int pickIndex(RowRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        int index = i >= 0 ? i + 1 : -i - 1;
        return Math.min(index, values.size() - 1);
    }

    public T get(int index) {
        return values.get(index);
    }

    public int size() {
        return values.size();
    }

    /** The probability of the value at {@code index}. */
    public double probability(int index) {
        return cumulative[index] - (index == 0 ? 0 : cumulative[index - 1]);
    }

    public List<T> values() {
        return values;
    }
}
