package org.crmbench.advise;

import org.crmbench.measure.ScenarioResult;
import org.crmbench.results.Figures;

/**
 * One statement in one state: measured by the bench harness, or over the cap (its first
 * execution hit the statement timeout, so it was not measured further).
 *
 * @param result the harness's result; null when over the cap
 * @param capMs the cap the statement ran under
 */
public record Timing(ScenarioResult result, double capMs) {
    public static Timing overCap(double capMs) {
        return new Timing(null, capMs);
    }

    public boolean overCap() {
        return result == null;
    }

    /** The median in ms; the cap when over it (the true value is larger). */
    public double p50() {
        return result == null ? capMs : result.ms(50);
    }

    public double p99() {
        return result == null ? capMs : result.ms(99);
    }

    public long executions() {
        return result == null ? 0 : result.executions();
    }

    public String planNodes() {
        return result == null ? "over the " + Math.round(capMs) + " ms cap" : result.planNodes();
    }

    /** p50 as a table shows it: "> 200" when over the cap. */
    public String p50Text() {
        return result == null ? "> " + Math.round(capMs) : Figures.ms(p50());
    }

    public String p99Text() {
        return result == null ? "> " + Math.round(capMs) : Figures.ms(p99());
    }
}
