package org.crmbench.results;

/** One scenario measured in two index sets: the base set's latency over the other set's. */
public record SpeedUp(String scenario, Measurement base, Measurement other) {
    public double p50() {
        return base.p50() / Math.max(other.p50(), 1e-9);
    }

    public double p99() {
        return base.p99() / Math.max(other.p99(), 1e-9);
    }
}
