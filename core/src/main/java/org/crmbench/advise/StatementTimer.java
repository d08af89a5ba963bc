package org.crmbench.advise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.measure.BenchRunner;
import org.crmbench.measure.Repetition;
import org.crmbench.measure.Scenario;
import org.crmbench.measure.ScenarioResult;
import org.crmbench.query.SqlStatement;

/**
 * How advise times one statement in the current index state, through bench's harness on the
 * measuring session: as few executions as the decision needs, warm-ups only where a plan cache
 * makes them matter. It remembers the SQL each statement runs (for its plans) and how often each
 * SQL text ran since the last index was built or dropped.
 */
final class StatementTimer {
    /**
     * A first execution slower than this many times the statement's latency target is its whole
     * measurement: half as slow again as the target, the decision (it needs an index) is not in doubt.
     */
    static final double CLEARLY_OVER = 1.5;

    /**
     * A cold first execution of a prepared statement (its SQL's first since the last DDL:
     * planning, caches) is checked by a second one only when under this many times the target:
     * planning and a cold cache add
     * milliseconds, not a doubling (at 100,000 users, 510 of 990 statements as found were over
     * the target, most of them by more than this).
     */
    static final double COLD_DOUBT = 3;

    private final AdviseSettings settings;
    private final PlanReader plans;
    private final BooleanSupplier aborted;
    private final BenchRunner runner;
    private final Map<String, List<SqlStatement>> requestStatements = new HashMap<>();
    private final Map<String, List<SqlStatement>> prepareStatements = new HashMap<>();
    /** Executions per SQL text on the measuring session since an index was last built or dropped. */
    private final Map<String, Integer> runsSinceDdl = new HashMap<>();

    StatementTimer(Database db, AdviseSettings settings, PlanReader plans, BooleanSupplier aborted) {
        this.settings = settings;
        this.plans = plans;
        this.aborted = aborted;
        this.runner = new BenchRunner(db, new BenchRunner.Listener() {
            @Override
            public void phase(String text) {}

            @Override
            public void measuring(String indexSet, Scenario scenario, long done, long planned) {}

            @Override
            public void finished(ScenarioResult result, int finished, int total) {}
        });
    }

    /** An index was built or dropped: every plan cached before is stale. */
    void ddlRan() {
        runsSinceDdl.clear();
    }

    /**
     * One statement in the current state, through bench's harness, under the cap; the statements
     * it (and its preparation) runs are remembered for its plans. Its first execution is timed: one
     * more than {@value #CLEARLY_OVER} times its latency target already decides (the statement
     * needs an index; how much more it takes changes no choice), and is its whole measurement;
     * when it is prepared on the server, its SQL had not run since the last DDL and it is under
     * {@value #COLD_DOUBT} times the target, a second execution decides instead (a statement
     * planned for its values at every execution has nothing cold about its first but the cache).
     * Otherwise it is warmed up only when it is prepared on the server (the list API's statements
     * are not: every execution is planned for its values) and its generic plan differs from the
     * plan for its values, and only as far as its SQL has not run since the last index was built
     * or dropped (the plan cache and pgjdbc's prepared statements are per SQL text, not per
     * value), then measured.
     */
    Timing observe(Connection m, String state, Workload.Statement st, Path hlogs, BenchRunner.EarlyStop stop)
            throws SQLException {
        checkAborted(aborted);
        Scenario s = st.scenario();
        try {
            prepare(m, s);
            boolean cold = warmupLeft(s.name()) == settings.repetition().warmup();
            List<SqlStatement> running = new ArrayList<>();
            long start = System.nanoTime();
            try {
                s.request().run(m, 0, running::add);
            } finally {
                if (running.size()
                        > requestStatements.getOrDefault(s.name(), List.of()).size()) {
                    requestStatements.put(s.name(), running);
                }
            }
            long nanos = System.nanoTime() - start;
            ran(running, 1);
            double firstMs = nanos / 1e6;
            boolean plannedEachTime =
                    running.stream().filter(q -> !PlanReader.isExplain(q)).allMatch(SqlStatement::plannedForItsValues);
            if (cold
                    && !plannedEachTime
                    && firstMs > CLEARLY_OVER * st.targetMs()
                    && firstMs < COLD_DOUBT * st.targetMs()) {
                // its SQL's first execution since the last DDL paid for planning and cold caches
                start = System.nanoTime();
                s.run(m, 1);
                nanos = System.nanoTime() - start;
                ran(running, 1);
            }
            if (nanos / 1e6 > CLEARLY_OVER * st.targetMs()) {
                return new Timing(BenchRunner.once(m, state, s, nanos, running), settings.capMs());
            }
            boolean onePlan = plannedEachTime || plans.agree(m, running);
            int warmup = onePlan ? 0 : Math.max(0, warmupLeft(s.name()) - 1);
            Repetition r = new Repetition(
                    settings.repetition().repeat(),
                    warmup,
                    settings.repetition().duration());
            // planned for its values at every execution, its first look was as warm as the rest: it counts
            ScenarioResult result = runner.measure(
                    m, state, s, r, hlogs, stop, BenchRunner.PlanCapture.ESTIMATE, plannedEachTime ? nanos : 0);
            ran(running, r.warmup() + (int) result.executions());
            return new Timing(result, settings.capMs());
        } catch (SQLException e) {
            return overCapOrFailed(e, s, state, hlogs);
        }
    }

    /**
     * A statement that hit the cap is over it (its half-begun log deleted); any other failure
     * ends the run with one sentence, unless the run was aborted.
     */
    private Timing overCapOrFailed(SQLException e, Scenario s, String state, Path hlogs) throws SQLException {
        if (!aborted.getAsBoolean() && "57014".equals(e.getSQLState())) {
            if (hlogs != null) {
                // a log begun before an execution hit the cap holds no interval: not a measurement
                deleteQuietly(hlogs.resolve(s.fileName(state, ".hlog")));
            }
            return Timing.overCap(settings.capMs());
        }
        if (aborted.getAsBoolean()) {
            throw e;
        }
        throw new CrmbenchException(
                "The statement " + s.name() + " failed: " + CrmbenchException.firstLine(e.getMessage()), e);
    }

    /**
     * A statement measured as report --compare needs to judge it: a full warm-up, then {@value
     * Verification#EXECUTIONS} executions with no shortcut; the same executions (values) each time.
     */
    Timing observeFully(Connection m, String state, Workload.Statement st) throws SQLException {
        checkAborted(aborted);
        Repetition r =
                new Repetition(Verification.EXECUTIONS, settings.repetition().warmup(), Duration.ZERO);
        try {
            ScenarioResult result = runner.measure(
                    m, state, st.scenario(), r, null, BenchRunner.EarlyStop.NEVER, BenchRunner.PlanCapture.ESTIMATE, 0);
            ran(known(st.name()), r.warmup() + (int) result.executions());
            return new Timing(result, settings.capMs());
        } catch (SQLException e) {
            if (!aborted.getAsBoolean() && "57014".equals(e.getSQLState())) {
                return Timing.overCap(settings.capMs());
            }
            throw e;
        }
    }

    private void prepare(Connection m, Scenario s) throws SQLException {
        List<SqlStatement> preparing = new ArrayList<>();
        try {
            s.preparation().prepare(m, preparing::add);
        } finally {
            if (!preparing.isEmpty()) {
                prepareStatements.putIfAbsent(s.name(), preparing);
            }
        }
    }

    /** The warm-up executions a statement still needs: the fewest its SQL texts have had since the last DDL. */
    private int warmupLeft(String statement) {
        List<SqlStatement> sql = requestStatements.getOrDefault(statement, List.of());
        int fewest = sql.stream()
                .mapToInt(q -> runsSinceDdl.getOrDefault(q.sql(), 0))
                .min()
                .orElse(0);
        return Math.max(0, settings.repetition().warmup() - fewest);
    }

    private void ran(List<SqlStatement> statements, int executions) {
        statements.forEach(q -> runsSinceDdl.merge(q.sql(), executions, Integer::sum));
    }

    /** The SQL a statement is known to run: its request's, else (never run) its preparation's. */
    List<SqlStatement> known(String statement) {
        List<SqlStatement> request = requestStatements.get(statement);
        return request != null ? request : prepareStatements.getOrDefault(statement, List.of());
    }

    private static void checkAborted(BooleanSupplier aborted) {
        if (aborted.getAsBoolean()) {
            throw new Advisor.Interrupted();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a report reader names the file if it is still there
        }
    }
}
