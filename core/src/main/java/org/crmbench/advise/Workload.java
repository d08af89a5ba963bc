package org.crmbench.advise;

import java.util.List;
import org.crmbench.db.Database;
import org.crmbench.measure.Scenario;
import org.crmbench.measure.Surface;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.crmbench.report.LatencyTarget;

/**
 * What advise measures: statements, each a bench scenario (so the harness is bench's), with its
 * share of the workload.
 *
 * @param description where the statements came from, for the reports
 */
public record Workload(String description, List<Statement> statements) {
    public Workload {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("the workload has no statement");
        }
    }

    /** @param weight its share of the workload, relative to the others' */
    public record Statement(Scenario scenario, double weight) {
        public String name() {
            return scenario.name();
        }

        /** The p50 the statement should meet: the API's target for its page size. */
        public double targetMs() {
            return LatencyTarget.forPageSize(scenario.pageSize()).p50Ms();
        }
    }

    /**
     * Each statement's weight relative to the mean weight, by name: what its p50 milliseconds count
     * for when advise adds up savings (and losses) over statements.
     */
    static java.util.Map<String, Double> relativeWeights(List<Statement> statements) {
        double mean =
                statements.stream().mapToDouble(Statement::weight).average().orElse(1);
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        statements.forEach(s -> weights.put(s.name(), s.weight() / mean));
        return weights;
    }

    /** The list API's surface ({@link Surface}), every combination weighing the same. */
    public static Workload surface(Database db, int pageSize) {
        UserRepository repository = new UserRepository(new UserQueries(db.dsl()));
        List<Statement> statements = Surface.scenarios(repository, Surface.filterCases(db.dsl()), pageSize).stream()
                .map(s -> new Statement(s, 1))
                .toList();
        return new Workload("the list API's surface (bench --surface, page size " + pageSize + ")", statements);
    }
}
