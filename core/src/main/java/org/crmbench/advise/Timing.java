package org.crmbench.advise;

import org.crmbench.measure.ScenarioResult;
import org.crmbench.results.Figures;

/**
 * One statement in one state: measured by the bench harness, or over the cap (its first
 * execution hit the statement timeout, so it was not measured further).
 *
 * @param result the harness's result; null when over the cap
 * @param capMs the cap the statement ran under
 * @param p50 the median in ms; the cap when over it (the true value is larger)
 * @param p99 the 99th percentile in ms; the cap when over it
 */
public record Timing(ScenarioResult result, double capMs, double p50, double p99) {
    /**
     * The percentiles are read from the histogram once: choosing a set asks for them millions of
     * times, and each read walks the histogram's buckets (it was half of advise's CPU time at
     * 100,000 users, in a JFR profile).
     */
    public Timing(ScenarioResult result, double capMs) {
        this(result, capMs, result == null ? capMs : result.ms(50), result == null ? capMs : result.ms(99));
    }

    public static Timing overCap(double capMs) {
        return new Timing(null, capMs);
    }

    /**
     * This measurement as one of another state whose plan for the statement is the same
     * ({@code plan}, its nodes {@code planNodes}): the same executions, the plan as shown there.
     */
    Timing inState(String state, String plan, String planNodes) {
        if (result == null) {
            throw new IllegalStateException("a statement over the cap has no plan to carry over");
        }
        return new Timing(
                new ScenarioResult(
                        result.scenario(),
                        state,
                        result.latencyUs(),
                        result.measuredNanos(),
                        result.statements(),
                        plan,
                        planNodes),
                capMs,
                p50,
                p99);
    }

    public boolean overCap() {
        return result == null;
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
