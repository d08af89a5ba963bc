package org.crmbench.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.measure.BenchRunner;
import org.crmbench.query.SqlStatement;
import org.crmbench.results.RunFolder;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;

/**
 * An advise run: measures the workload as the database is, reads candidates from the statements'
 * plans, builds each candidate for real and measures the statements whose plan uses it (then
 * drops it), chooses a set from the measurements ({@link Selection}), builds the chosen set
 * together and measures every statement once more, because indexes change each other's plans.
 *
 * <p>The database is left as found: candidates are named {@value #CANDIDATE_PREFIX}N and dropped
 * after use, whatever happens; on Ctrl-C the running statement is cancelled and they are dropped
 * before the process ends; any an earlier run could not drop are dropped first.
 */
public final class Advisor {
    public static final String CANDIDATE_PREFIX = CandidateIndexes.PREFIX;
    private static final Duration ABORT_WAIT = Duration.ofSeconds(30);

    /** What the CLI shows while a run goes on. */
    public interface Listener {
        void phase(String text);

        /** {@code done} of {@code total} statements measured in {@code state}. */
        void measured(String state, int done, int total);

        void evaluated(Evaluated candidate, int done, int total);
    }

    /**
     * A statement with a candidate is measured in full only while it may still turn out faster:
     * after this many executions that are all slower than {@link Selection#MATERIAL} times its
     * fastest p50 so far, it stops (those executions are its figures).
     */
    static final int SCREEN_EXECUTIONS = 2;

    /**
     * Three executions within a quarter of each other give a p50 as precise as the choice needs (a
     * fifth faster counts); the rest of --repeat is run only when they scatter more.
     */
    static final BenchRunner.EarlyStop STEADY =
            (executions, fastestMs, slowestMs) -> executions >= 3 && slowestMs <= fastestMs * 1.25;

    private record Best(double p50Ms, double estimate) {}

    /** The run was stopped (Ctrl-C); the candidates it had built are dropped. */
    public static final class Interrupted extends CrmbenchException {
        Interrupted() {
            super("Interrupted; the candidate indexes advise had built are dropped.");
        }
    }

    private final Database db;
    private final AdviseSettings settings;
    private final Listener listener;
    private final PlanReader plans = new PlanReader(() -> this.aborted);
    private final StatementTimer timer;
    /** Per statement its fastest measured state so far: p50 ms and the planner's estimate there. */
    private final Map<String, Best> best = new HashMap<>();
    /** Per statement and access, the sets of its keys the candidates asked about it so far serve (see offersMore). */
    private final Map<StatementAccess, List<Set<String>>> servedKeys = new HashMap<>();

    /** One table access of a statement: its position in the statement's accesses. */
    private record StatementAccess(String statement, int access) {}

    private final Set<Integer> backends = ConcurrentHashMap.newKeySet();
    private final CandidateIndexes builtIndexes = new CandidateIndexes(this::ddlRan);
    private final Set<TableName> written = new LinkedHashSet<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean aborted;

    public Advisor(Database db, AdviseSettings settings, Listener listener) {
        this.db = db;
        this.settings = settings;
        this.listener = listener;
        this.timer = new StatementTimer(db, settings, plans, () -> this.aborted);
    }

    private void ddlRan() {
        timer.ddlRan();
    }

    /**
     * The candidates for the statements' table accesses: the --max-candidates most widely useful,
     * and for each statement over its target that none of them serves (a sort without a filter
     * serves few statements, and is cut first), the most widely useful of the rest that does;
     * shorter indexes first: smaller, and they serve more statements; a longer one is then
     * measured only where it serves more keys and the planner expects it to do materially better
     * (see evaluate).
     */
    private List<Candidate> candidates(
            Map<String, List<Access>> accesses,
            Map<TableName, List<List<String>>> existingKeys,
            Workload workload,
            Map<String, Timing> before,
            boolean trigrams) {
        List<Candidate> all = new ArrayList<>(CandidateGenerator.from(accesses, existingKeys));
        if (!trigrams && all.removeIf(Candidate::trigram)) {
            listener.phase("pg_trgm's operator class " + Candidate.TRIGRAM_OPERATOR_CLASS
                    + " is not on the search path: no trigram index is proposed for LIKE/ILIKE"
                    + " (CREATE EXTENSION pg_trgm to have them measured)");
        }
        List<Candidate> candidates = new ArrayList<>(all.subList(0, Math.min(all.size(), settings.maxCandidates())));
        int widest = candidates.size();
        for (Workload.Statement st : workload.statements()) {
            Timing t = before.get(st.name());
            List<Access> read = accesses.get(st.name());
            if (t.p50() <= st.targetMs() || candidates.stream().anyMatch(c -> c.servesFilterOrSort(read))) {
                continue;
            }
            all.stream().filter(c -> c.servesFilterOrSort(read)).findFirst().ifPresent(candidates::add);
        }
        if (all.size() > widest) {
            listener.phase("measuring the " + widest + " most widely useful of " + all.size()
                    + " candidates (--max-candidates)"
                    + (candidates.size() > widest
                            ? ", and " + (candidates.size() - widest)
                                    + " more that serve statements over their target none of those serve"
                            : ""));
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(c -> c.keys().size()))
                .toList();
    }

    /**
     * The chosen set built together: every statement measured, what the check together found and
     * decided (the outcome with its decisions), and its tables' writes.
     */
    private record Together(
            Map<String, Timing> advised,
            Map<TableName, IndexWriteCost> writes,
            Selection.Outcome outcome,
            List<Verification.Finding> findings) {}

    /**
     * Every statement measured with the chosen indexes built together (indexes change each other's
     * plans), checked against the state as found ({@link Verification}: an index that makes a
     * statement slower drops out or is flagged), and what the rest add to their tables' writes
     * together; then they are dropped again.
     */
    private Together measureTogether(
            Connection ddl,
            Connection m,
            Workload workload,
            Selection.Outcome outcome,
            Map<String, Timing> before,
            Map<String, WriteCost.Batches> writeBase,
            Path hlogs)
            throws SQLException {
        if (outcome.chosen().isEmpty()) {
            return new Together(new LinkedHashMap<>(), Map.of(), outcome, List.of());
        }
        listener.phase("building the " + outcome.chosen().size()
                + " chosen indexes together and measuring every statement once more");
        Map<Candidate, String> names = new LinkedHashMap<>();
        for (Evaluated e : outcome.chosen()) {
            names.put(e.candidate(), build(ddl, e.candidate()));
        }
        List<Candidate> candidates = List.copyOf(names.keySet());
        CandidateIndexes.analyzeExpressions(ddl, candidates);
        Map<String, Timing> advised = measureAdvised(m, workload, outcome.chosen(), before, hlogs);
        Map<Candidate, Double> gains = new LinkedHashMap<>();
        candidates.forEach(c -> gains.put(c, outcome.decisions().get(c).gainMs()));
        List<Verification.Finding> findings = new Verification(
                        workload.statements(), before, outcome, settings.minSavingMs())
                .check(candidates, advised, gains, checking(ddl, m, names));
        Map<Candidate, Decision> checked = new LinkedHashMap<>();
        for (Verification.Finding f : findings) {
            Decision d = outcome.decisions().get(f.index());
            checked.put(f.index(), new Decision(!f.dropped(), f.reason(), d.gainMs(), d.statements()));
        }
        Selection.Outcome after =
                Selection.afterCheck(outcome, workload.statements(), before, settings.minSavingMs(), checked);
        if (findings.stream().anyMatch(Verification.Finding::dropped)) {
            listener.phase("measuring every statement again without the indexes the check dropped");
            advised = measureAdvised(m, workload, after.chosen(), before, hlogs);
        }
        Map<TableName, IndexWriteCost> writes = new LinkedHashMap<>();
        for (Evaluated e : after.chosen()) {
            TableName table = e.candidate().table();
            String column = e.write().column();
            WriteCost.Batches without = writeBase.get(table + "." + column);
            if (!writes.containsKey(table) && without != null && without.measured()) {
                writes.put(table, IndexWriteCost.between(without, writes(ddl, table, column), column));
            }
        }
        for (Map.Entry<Candidate, String> built : names.entrySet()) {
            builtIndexes.drop(ddl, built.getKey().table(), built.getValue());
        }
        return new Together(advised, writes, after, findings);
    }

    /** The check's view of the two sessions, the chosen set's indexes in {@code names} (kept current). */
    private Verification.Bench checking(Connection ddl, Connection m, Map<Candidate, String> names) {
        return new Verification.Bench() {
            @Override
            public Timing measure(Workload.Statement st, String state) throws SQLException {
                return timer.observeFully(m, state, st);
            }

            @Override
            public String plan(Workload.Statement st) throws SQLException {
                return Explain.estimated(m, timer.known(st.name()));
            }

            @Override
            public Set<String> indexNames(Candidate c) throws SQLException {
                return names.containsKey(c) ? withPartitions(ddl, c.table(), names.get(c)) : Set.of();
            }

            @Override
            public void remove(Candidate c) throws SQLException {
                builtIndexes.drop(ddl, c.table(), names.remove(c));
            }

            @Override
            public void restore(Candidate c) throws SQLException {
                names.put(c, build(ddl, c));
                CandidateIndexes.analyzeExpressions(ddl, List.of(c));
            }
        };
    }

    public Advice run(Workload workload) {
        RunFolder run = RunFolder.startingNow(settings.out());
        long startNanos = System.nanoTime();
        try (Connection ddl = db.dataSource().getConnection();
                Connection m = db.dataSource().getConnection()) {
            backends.add(backendPid(ddl));
            backends.add(backendPid(m));
            // prepared on the server from its first execution: PostgreSQL's custom/generic plan
            // choice then falls at the sixth, not (pgjdbc's default threshold of 5) the tenth
            m.unwrap(PGConnection.class).setPrepareThreshold(1);
            try {
                return advise(ddl, m, workload, run, startNanos);
            } finally {
                resetSession(ddl);
                resetSession(m);
            }
        } catch (SQLException e) {
            if (aborted) {
                throw new Interrupted();
            }
            throw new CrmbenchException(
                    "A statement failed during advise: " + CrmbenchException.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            if (aborted) {
                throw new Interrupted();
            }
            throw e;
        } finally {
            dropBuilt();
            finished.countDown();
        }
    }

    /** The run's steps on its two sessions: measure, read plans, evaluate candidates, choose, verify. */
    private Advice advise(Connection ddl, Connection m, Workload workload, RunFolder run, long startNanos)
            throws SQLException {
        Path folder = run.folder();
        Path hlogs = run.hlogs();
        CandidateIndexes.execute(ddl, "set statement_timeout = 0");
        CandidateIndexes.execute(m, "set statement_timeout = " + settings.cap().toMillis());
        CandidateIndexes.execute(m, "set default_transaction_read_only = on");
        int leftovers = CandidateIndexes.dropLeftovers(ddl);
        if (leftovers > 0) {
            listener.phase("dropped " + leftovers + " candidate index(es) an interrupted advise run left");
        }
        List<String> existing = ExistingIndexes.read(ddl);
        Map<TableName, List<List<String>>> existingKeys = ExistingIndexes.keys(existing);

        listener.phase("measuring " + workload.statements().size() + " statements as the database is (cap "
                + settings.cap().toMillis() + " ms: slower ones are not waited for)");
        Map<String, Timing> before = measureFound(m, workload, hlogs);

        listener.phase("reading the statements' plans for candidates");
        Map<String, List<Access>> accesses = new LinkedHashMap<>();
        for (Workload.Statement st : workload.statements()) {
            accesses.put(st.name(), plans.accesses(m, timer.known(st.name())));
        }
        List<Candidate> candidates =
                candidates(accesses, existingKeys, workload, before, CandidateIndexes.trigramsAvailable(ddl));
        Map<TableName, Long> rows = tableRows(ddl, candidates);

        Map<String, WriteCost.Batches> writeBase = new HashMap<>();
        List<Evaluated> evaluated = evaluateAll(ddl, m, candidates, workload, before, accesses, writeBase);

        Selection.Outcome outcome = Selection.choose(
                workload.statements(), before, evaluated, settings.maxSizeBytes(), settings.minSavingMs());
        Together together = measureTogether(ddl, m, workload, outcome, before, writeBase, hlogs);
        Map<Candidate, String> chosen =
                ExistingIndexes.readableNames(together.outcome().chosen(), existing);
        Advice advice = new Advice(
                new Advice.Run(run.id(), run.startedAt(), Duration.ofNanos(System.nanoTime() - startNanos), folder),
                workload,
                settings,
                new Advice.Found(rows, existing, before),
                evaluated,
                new Advice.Choice(
                        together.outcome().decisions(),
                        chosen,
                        together.outcome().expected(),
                        together.outcome().servedBy(),
                        outcome.frontier()),
                new Advice.Check(together.advised(), together.findings(), together.writes()));
        vacuumWritten(ddl);
        return advice;
    }

    /** Each candidate in turn, against the set the ones before it make (see {@link Selection.Bar}). */
    private List<Evaluated> evaluateAll(
            Connection ddl,
            Connection m,
            List<Candidate> candidates,
            Workload workload,
            Map<String, Timing> before,
            Map<String, List<Access>> accesses,
            Map<String, WriteCost.Batches> writeBase)
            throws SQLException {
        List<Evaluated> evaluated = new ArrayList<>();
        for (Candidate c : candidates) {
            Selection.Bar bar = Selection.bar(workload.statements(), before, evaluated, settings.minSavingMs());
            Evaluated e = evaluate(ddl, m, c, workload, accesses, writeBase, bar);
            evaluated.add(e);
            listener.evaluated(e, evaluated.size(), candidates.size());
        }
        return evaluated;
    }

    /**
     * Stops a run from another thread (a shutdown hook): cancels the statement it runs, and waits
     * until it has dropped its candidates (or drops them itself if the run does not finish).
     */
    public void abort() {
        aborted = true;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select pg_cancel_backend(?)")) {
            for (int pid : backends) {
                ps.setInt(1, pid);
                ps.execute();
            }
        } catch (SQLException e) {
            // the run's own clean-up, or the next run, drops what is left
        }
        try {
            if (!finished.await(ABORT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                dropBuilt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every statement as the database is, and its planner estimate for the candidates' screen. */
    private Map<String, Timing> measureFound(Connection m, Workload workload, Path hlogs) throws SQLException {
        Map<String, Timing> timings = new LinkedHashMap<>();
        int i = 0;
        for (Workload.Statement st : workload.statements()) {
            Timing t = timer.observe(m, Advice.BEFORE, st, hlogs, STEADY);
            timings.put(st.name(), t);
            best.merge(
                    st.name(),
                    new Best(
                            t.p50(),
                            estimate(m, timer.known(st.name()), Set.of()).cost()),
                    Advisor::faster);
            listener.measured(Advice.BEFORE, ++i, workload.statements().size());
        }
        return timings;
    }

    /**
     * Every statement with the chosen indexes built: one whose plan is the plan it was measured
     * with before (as found, or with one of the chosen indexes alone: the same nodes on the same
     * indexes) keeps that measurement, since the same plan does the same work and what the other
     * indexes can change is the plan; the others are measured again. (At 100,000 users, measuring
     * all 1,640 surface statements again was a quarter of advise's time.)
     */
    private Map<String, Timing> measureAdvised(
            Connection m, Workload workload, List<Evaluated> chosen, Map<String, Timing> before, Path hlogs)
            throws SQLException {
        Map<String, Timing> timings = new LinkedHashMap<>();
        int i = 0;
        int kept = 0;
        for (Workload.Statement st : workload.statements()) {
            String plan = Explain.estimated(m, timer.known(st.name()));
            String nodes = BenchRunner.planNodes(plan);
            Timing same = Stream.concat(
                            Stream.of(before.get(st.name())),
                            chosen.stream().map(e -> e.after().get(st.name())))
                    .filter(t -> t != null && !t.overCap() && t.planNodes().equals(nodes))
                    .findFirst()
                    .orElse(null);
            timings.put(
                    st.name(),
                    same != null
                            ? same.inState(Advice.ADVISED, plan, nodes)
                            : timer.observe(m, Advice.ADVISED, st, hlogs, STEADY));
            kept += same != null ? 1 : 0;
            listener.measured(Advice.ADVISED, ++i, workload.statements().size());
        }
        listener.phase(kept + " of " + workload.statements().size()
                + " statements kept the measurement of the same plan; the others were measured again");
        return timings;
    }

    private Evaluated evaluate(
            Connection ddl,
            Connection m,
            Candidate c,
            Workload workload,
            Map<String, List<Access>> accesses,
            Map<String, WriteCost.Batches> writeBase,
            Selection.Bar bar)
            throws SQLException {
        checkAborted();
        Asked asked = asked(c, workload, accesses);
        String notBuilt = asked.whyNotBuilt(bar, c.table(), best);
        if (notBuilt != null) {
            return Evaluated.notBuilt(
                    c, notBuilt, asked.unmeasured() + asked.statements().size());
        }
        String column = WriteCost.updateColumn(ddl, c);
        WriteCost.Batches without = writeBase.get(c.table() + "." + column);
        if (without == null) {
            without = writes(ddl, c.table(), column);
            writeBase.put(c.table() + "." + column, without);
        }
        long start = System.nanoTime();
        String name;
        try {
            name = build(ddl, c);
        } catch (SQLException e) {
            if (aborted) {
                throw e;
            }
            return Evaluated.failed(c, CrmbenchException.firstLine(e.getMessage()));
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        try {
            CandidateIndexes.analyzeExpressions(ddl, List.of(c));
            long size = CandidateIndexes.sizeOf(ddl, c.table(), name);
            Map<String, Timing> after = new LinkedHashMap<>();
            int unmeasured =
                    asked.unmeasured() + measureWith(m, name, withPartitions(ddl, c.table(), name), asked, after);
            // only what some statement was measured with can enter the frontier, where its write cost counts
            IndexWriteCost write = after.isEmpty()
                    ? IndexWriteCost.notMeasured(column, "not measured: no statement was measured with it")
                    : IndexWriteCost.between(
                            without, without.measured() ? writes(ddl, c.table(), column) : without, column);
            return new Evaluated(c, buildSeconds, size, write, after, unmeasured, null);
        } finally {
            builtIndexes.drop(ddl, c.table(), name);
        }
    }

    /**
     * The statements a candidate is asked about, and how many more could use it but are not asked
     * (no index can save them --min-saving, or shorter candidates serve all the keys it would).
     */
    private record Asked(List<Workload.Statement> statements, int unmeasured) {
        /** Why the candidate is not built at all; null when it is. */
        String whyNotBuilt(Selection.Bar bar, TableName table, Map<String, Best> best) {
            if (statements.isEmpty()) {
                return unmeasured == 0
                        ? "no statement filters, joins or sorts on its first key"
                        : "for each statement it could serve, a shorter candidate serves all the keys it would";
            }
            Map<String, Double> bestSoFar = new LinkedHashMap<>();
            statements.forEach(st -> bestSoFar.put(
                    st.name(), best.containsKey(st.name()) ? best.get(st.name()).p50Ms() : Double.MAX_VALUE));
            return bar.beyondReach(table, bestSoFar);
        }
    }

    private Asked asked(Candidate c, Workload workload, Map<String, List<Access>> accesses) {
        List<Workload.Statement> asked = new ArrayList<>();
        int unmeasured = 0;
        for (Workload.Statement st : workload.statements()) {
            List<Access> read = accesses.get(st.name());
            if (read.stream().noneMatch(c::leads)) {
                continue;
            }
            Best fastest = best.get(st.name());
            if (fastest != null && fastest.p50Ms() <= settings.minSavingMs()) {
                unmeasured++; // no index can save it --min-saving: nothing to ask
            } else if (offersMore(c, st.name(), read)) {
                asked.add(st);
            } else {
                unmeasured++;
            }
        }
        return new Asked(asked, unmeasured);
    }

    /**
     * The asked statements whose plan uses the built candidate ({@code names}) and that the
     * planner expects materially cheaper, measured into {@code after}; the number left unmeasured.
     */
    private int measureWith(Connection m, String name, Set<String> names, Asked asked, Map<String, Timing> after)
            throws SQLException {
        int unmeasured = 0;
        for (Workload.Statement st : asked.statements()) {
            Estimate plan = estimate(m, timer.known(st.name()), names);
            if (!plan.usesIndex()) {
                continue;
            }
            Best fastest = best.get(st.name());
            if (fastest != null && plan.cost() >= fastest.estimate() * Selection.MATERIAL) {
                unmeasured++;
                continue;
            }
            double screenMs = fastest == null ? Double.MAX_VALUE : fastest.p50Ms() * Selection.MATERIAL;
            Timing t = timer.observe(
                    m,
                    name,
                    st,
                    null,
                    STEADY.or((n, fastestMs, slowestMs) -> n >= SCREEN_EXECUTIONS && fastestMs > screenMs));
            after.put(st.name(), t);
            best.merge(st.name(), new Best(t.p50(), plan.cost()), Advisor::faster);
        }
        return unmeasured;
    }

    /**
     * Whether {@code c} lets one of the statement's table accesses use keys that no candidate asked
     * about it before served all of (candidates come shortest first): one that serves only keys
     * an earlier one served is a longer index
     * the planner would not find materially cheaper, so it is not asked. Covering and partial
     * candidates are always asked: an index-only scan or a smaller index is their point.
     */
    private boolean offersMore(Candidate c, String statement, List<Access> accesses) {
        if (!c.include().isEmpty() || !c.where().isEmpty()) {
            return true;
        }
        boolean more = false;
        for (int i = 0; i < accesses.size(); i++) {
            Set<String> served = c.servedKeys(accesses.get(i));
            List<Set<String>> asked =
                    servedKeys.computeIfAbsent(new StatementAccess(statement, i), k -> new ArrayList<>());
            if (!served.isEmpty() && asked.stream().noneMatch(a -> a.containsAll(served))) {
                asked.add(served);
                more = true;
            }
        }
        return more;
    }

    private WriteCost.Batches writes(Connection ddl, TableName table, String column) throws SQLException {
        written.add(table);
        return WriteCost.measure(ddl, table, column);
    }

    /** The planner's view of a statement in the current state: its total estimated cost, and whether it uses an index. */
    private record Estimate(double cost, boolean usesIndex) {
        static final Estimate UNUSED = new Estimate(Double.MAX_VALUE, false);
    }

    /**
     * The index's name and, on a partitioned table, the names of its partitions' copies, which are
     * what a plan shows.
     */
    private static Set<String> withPartitions(Connection c, TableName table, String index) throws SQLException {
        Set<String> names = new HashSet<>(Set.of(index));
        try (PreparedStatement ps = c.prepareStatement(
                "select c.relname from pg_partition_tree(?::regclass) t" + " join pg_class c on c.oid = t.relid")) {
            ps.setString(1, TableName.identifier(table.schema()) + "." + index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The estimated total cost of the statements' plans, and whether any uses one of {@code index}'s names. */
    private Estimate estimate(Connection m, List<SqlStatement> statements, Set<String> index) throws SQLException {
        double cost = 0;
        boolean uses = false;
        for (SqlStatement s : statements) {
            if (PlanReader.isExplain(s)) {
                continue;
            }
            JsonNode plan = Explain.json(m, "explain (format json) " + s.inlined());
            cost += plan.path(0).path("Plan").path("Total Cost").asDouble();
            uses |= plan.findValuesAsText("Index Name").stream().anyMatch(index::contains);
        }
        return new Estimate(cost, uses);
    }

    private static Best faster(Best a, Best b) {
        return b.p50Ms() < a.p50Ms() ? b : a;
    }

    private String build(Connection ddl, Candidate c) throws SQLException {
        checkAborted();
        return builtIndexes.build(ddl, c);
    }

    private void dropBuilt() {
        builtIndexes.dropAll(db.dataSource(), listener::phase);
    }

    /** Removes the rolled-back rows of the write-cost inserts, so the tables are their size again. */
    private void vacuumWritten(Connection ddl) throws SQLException {
        if (!written.isEmpty()) {
            listener.phase("vacuuming " + written.size() + " table(s) after the write-cost inserts");
        }
        for (TableName t : written) {
            CandidateIndexes.execute(ddl, "vacuum " + t.qualified());
        }
    }

    private static Map<TableName, Long> tableRows(Connection c, List<Candidate> candidates) throws SQLException {
        Map<TableName, Long> rows = new LinkedHashMap<>();
        for (Candidate cand : candidates) {
            if (!rows.containsKey(cand.table())) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "select count(*) from " + cand.table().qualified())) {
                    rows.put(cand.table(), rs.next() ? rs.getLong(1) : 0);
                }
            }
        }
        return rows;
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void resetSession(Connection c) {
        try {
            c.unwrap(PGConnection.class)
                    .setPrepareThreshold(PGProperty.PREPARE_THRESHOLD.getInt(new java.util.Properties()));
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            CandidateIndexes.execute(c, "reset all");
        } catch (SQLException e) {
            // the pool closes a broken connection
        }
    }

    private void checkAborted() {
        if (aborted) {
            throw new Interrupted();
        }
    }
}
