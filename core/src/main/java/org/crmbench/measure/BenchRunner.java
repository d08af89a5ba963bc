package org.crmbench.measure;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.query.SqlStatement;

/**
 * Measures scenarios on one connection (one client, as pgbench -c 1): each execution timed with
 * System.nanoTime into an HdrHistogram of microseconds, interval histograms written to an .hlog
 * every second, and the plan captured with EXPLAIN (ANALYZE, BUFFERS) after measuring.
 */
public final class BenchRunner {
    private static final long HIGHEST_US = 3_600_000_000L; // one hour
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final long INTERVAL_NANOS = 1_000_000_000L;
    private static final Pattern PLAN_NODE = Pattern.compile(
            "^\\s*(?:->\\s+)?([A-Z][A-Za-z ]*?)(?: using (\\w+))?(?: on [\\w.]+(?: \\w+)?)?\\s+\\(cost=");

    /** What the CLI shows while a run goes on. */
    public interface Listener {
        void phase(String text);

        void measuring(String indexSet, Scenario scenario, long done, long planned);

        /** {@code result} is the {@code finished}-th of {@code total} scenarios in its index set. */
        void finished(ScenarioResult result, int finished, int total);
    }

    private final Database db;
    private final Listener listener;

    public BenchRunner(Database db, Listener listener) {
        this.db = db;
        this.listener = listener;
    }

    /**
     * Runs cheap requests for a while, unrecorded, so the JIT has compiled the JDBC and result
     * paths before the first measurement; otherwise whichever mode runs first pays for it.
     */
    public void warmUpJvm(List<Scenario> cheap, java.time.Duration duration) {
        listener.phase("warming up the JVM for " + duration.toSeconds() + " s");
        try (Connection c = db.dataSource().getConnection()) {
            long end = System.nanoTime() + duration.toNanos();
            for (long i = 0; System.nanoTime() < end; i++) {
                for (Scenario scenario : cheap) {
                    scenario.run(c, i);
                }
            }
        } catch (SQLException e) {
            throw new CrmbenchException("A query failed while warming up: " + e.getMessage(), e);
        }
    }

    /** Measures each scenario in {@code indexSet}, writing interval logs into {@code hlogDir}. */
    public List<ScenarioResult> measure(
            String indexSet, List<Scenario> scenarios, Repetition repetition, Path hlogDir) {
        List<ScenarioResult> results = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (Scenario scenario : scenarios) {
                ScenarioResult result = measure(c, indexSet, scenario, repetition, hlogDir);
                results.add(result);
                listener.finished(result, results.size(), scenarios.size());
            }
        } catch (SQLException e) {
            throw new CrmbenchException(
                    "A query failed while measuring with the index set " + indexSet + ": " + e.getMessage(), e);
        }
        return results;
    }

    /**
     * Measures one scenario on {@code c}: prepared, warmed up, then timed; the interval log goes
     * into {@code hlogDir} unless it is null.
     */
    public ScenarioResult measure(Connection c, String indexSet, Scenario scenario, Repetition settings, Path hlogDir)
            throws SQLException {
        return measure(c, indexSet, scenario, settings, hlogDir, EarlyStop.NEVER);
    }

    /**
     * Ends a measurement before its repetitions are done, when the executions so far already
     * decide what the caller wants to know (advise: a statement that is not getting faster).
     */
    @FunctionalInterface
    public interface EarlyStop {
        EarlyStop NEVER = (executions, fastestMs, slowestMs) -> false;

        /**
         * Whether {@code executions} measured executions, the fastest taking {@code fastestMs} and the
         * slowest {@code slowestMs}, are enough.
         */
        boolean enough(long executions, double fastestMs, double slowestMs);

        /** Enough when either says so. */
        default EarlyStop or(EarlyStop other) {
            return (n, fastest, slowest) -> enough(n, fastest, slowest) || other.enough(n, fastest, slowest);
        }
    }

    /** How the plan of a measured scenario is captured. */
    public enum PlanCapture {
        /** EXPLAIN (ANALYZE, BUFFERS): one more execution, with real row counts and buffers. */
        ANALYZE,
        /** EXPLAIN: the planner's choice and estimates only, no execution (advise, hundreds of states). */
        ESTIMATE
    }

    /** {@link #measure(Connection, String, Scenario, Repetition, Path)}, ended early when {@code stop} says so. */
    public ScenarioResult measure(
            Connection c, String indexSet, Scenario scenario, Repetition settings, Path hlogDir, EarlyStop stop)
            throws SQLException {
        return measure(c, indexSet, scenario, settings, hlogDir, stop, PlanCapture.ANALYZE, 0);
    }

    /**
     * As above, the plan captured as {@code capture} says, counting as the first measured
     * execution one the caller already ran and timed
     * ({@code firstNanos}, execution 0; 0 for none): advise's first look at a statement, when
     * nothing about it needed warming up.
     */
    public ScenarioResult measure(
            Connection c,
            String indexSet,
            Scenario scenario,
            Repetition settings,
            Path hlogDir,
            EarlyStop stop,
            PlanCapture capture,
            long firstNanos)
            throws SQLException {
        if (firstNanos > 0 && settings.warmup() > 0) {
            throw new IllegalArgumentException("an execution before the warm-up is not a measurement");
        }
        scenario.prepare(c);
        long execution = firstNanos > 0 ? 1 : 0;
        for (int i = 0; i < settings.warmup(); i++) {
            scenario.run(c, execution++);
        }
        Histogram total = new Histogram(HIGHEST_US, SIGNIFICANT_DIGITS);
        Histogram interval = new Histogram(HIGHEST_US, SIGNIFICANT_DIGITS);
        long durationNanos = settings.duration().toNanos();
        long measuredNanos = 0;
        Path hlog = hlogDir == null ? null : hlogDir.resolve(scenario.fileName(indexSet, ".hlog"));
        try (IntervalLog log = new IntervalLog(hlog)) {
            long intervalStart = System.nanoTime();
            long firstExecution = firstNanos > 0 ? 0 : execution;
            long fastestNanos = firstNanos > 0 ? firstNanos : Long.MAX_VALUE;
            long slowestNanos = Math.max(0, firstNanos);
            if (firstNanos > 0) {
                measuredNanos += firstNanos;
                interval.recordValue(Math.min(HIGHEST_US, Math.max(1, (firstNanos + 500) / 1000)));
            }
            while (execution - firstExecution < settings.repeat() || measuredNanos < durationNanos) {
                long start = System.nanoTime();
                scenario.run(c, execution++);
                long end = System.nanoTime();
                long nanos = end - start;
                measuredNanos += nanos;
                fastestNanos = Math.min(fastestNanos, nanos);
                slowestNanos = Math.max(slowestNanos, nanos);
                interval.recordValue(Math.min(HIGHEST_US, Math.max(1, (nanos + 500) / 1000)));
                if (end - intervalStart >= INTERVAL_NANOS) {
                    log.write(interval, total);
                    intervalStart = end;
                    listener.measuring(indexSet, scenario, execution - firstExecution, settings.repeat());
                }
                if (stop.enough(execution - firstExecution, fastestNanos / 1e6, slowestNanos / 1e6)) {
                    break;
                }
            }
            log.write(interval, total);
        }
        listener.measuring(indexSet, scenario, total.getTotalCount(), settings.repeat());
        List<SqlStatement> statements = scenario.statements(c, settings.warmup());
        String plan = explain(c, statements, capture);
        return new ScenarioResult(scenario, indexSet, total, measuredNanos, statements, plan, planNodes(plan));
    }

    /**
     * The result of one execution timed by the caller ({@code nanos}), with its statements'
     * estimated plan: what advise keeps of a statement whose first execution already decides.
     */
    public static ScenarioResult once(
            Connection c, String indexSet, Scenario scenario, long nanos, List<SqlStatement> statements)
            throws SQLException {
        Histogram latency = new Histogram(HIGHEST_US, SIGNIFICANT_DIGITS);
        latency.recordValue(Math.min(HIGHEST_US, Math.max(1, (nanos + 500) / 1000)));
        String plan = explain(c, statements, PlanCapture.ESTIMATE);
        return new ScenarioResult(scenario, indexSet, latency, nanos, statements, plan, planNodes(plan));
    }

    /** EXPLAIN of each statement, with its values inlined: with ANALYZE and BUFFERS unless only estimated. */
    public static String explain(Connection c, List<SqlStatement> statements, PlanCapture capture) throws SQLException {
        String explain = capture == PlanCapture.ANALYZE ? "explain (analyze, buffers) " : "explain ";
        StringBuilder text = new StringBuilder();
        for (SqlStatement statement : statements) {
            String sql = statement.inlined();
            text.append("-- ").append(sql).append('\n');
            if (sql.regionMatches(true, 0, "explain", 0, 7)) {
                text.append("(a planner estimate: the statement is itself an EXPLAIN, it reads no rows)\n\n");
                continue;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(explain + sql)) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The plan's node types with index names, in order: "Limit > Nested Loop > Index Scan(app_user_pkey)". */
    public static String planNodes(String plan) {
        List<String> statements = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (String line : plan.split("\n")) {
            if (line.startsWith("-- ") && !nodes.isEmpty()) {
                statements.add(String.join(" > ", nodes));
                nodes.clear();
            }
            Matcher m = PLAN_NODE.matcher(line);
            if (m.find()) {
                nodes.add(m.group(1).strip() + (m.group(2) == null ? "" : "(" + m.group(2) + ")"));
            }
        }
        if (!nodes.isEmpty()) {
            statements.add(String.join(" > ", nodes));
        }
        return String.join(" | ", statements);
    }

    /**
     * An HdrHistogram interval log: values in microseconds, max shown in milliseconds; with no file
     * it only adds the intervals up.
     */
    private static final class IntervalLog implements AutoCloseable {
        private final HistogramLogWriter writer;
        private final long startMs = System.currentTimeMillis();
        private long intervalStartMs = startMs;

        IntervalLog(Path file) {
            if (file == null) {
                writer = null;
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                writer = new HistogramLogWriter(file.toFile());
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            writer.outputComment("crmbench bench: latency per execution in microseconds");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
        }

        void write(Histogram interval, Histogram total) {
            long nowMs = System.currentTimeMillis();
            if (interval.getTotalCount() > 0 && writer != null) {
                writer.outputIntervalHistogram(
                        (intervalStartMs - startMs) / 1000.0, (nowMs - startMs) / 1000.0, interval, 1000.0);
            }
            total.add(interval);
            interval.reset();
            intervalStartMs = nowMs;
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
