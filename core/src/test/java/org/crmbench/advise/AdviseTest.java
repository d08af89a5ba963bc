package org.crmbench.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.measure.Repetition;
import org.crmbench.results.BenchCsv;
import org.crmbench.schema.IndexSet;
import org.crmbench.values.ScenarioDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** advise on a real PostgreSQL: 20,000 users in the baseline state (keys only). */
class AdviseTest {
    private static final int USERS = 20_000;
    private static final int REPEAT = 5;
    /** At 20,000 rows a scan takes milliseconds: the default minimum saving would hide what an index does. */
    private static final Duration MIN_SAVING = Duration.ofNanos(50_000);

    /** One statement that needs an index (a filter, then a sort) and two that none helps. */
    private static final String WORKLOAD = """
            name: test
            values:
              city: {dataset: city}
              id: {uniform: [1, %d]}
              least: {uniform: [0, 5]}
            statements:
              - name: newest_in_city
                sql: >
                  select user_id, created from crmbench.user_list where city_key = lower(${city})
                  order by created desc, user_id desc limit 20
                weight: 2
              - name: user_by_id
                sql: select first_name, last_name from crmbench.user_list where user_id = ${id}
              - name: most_users
                sql: select count(*) from crmbench.user_list where points >= ${least}
            """.formatted(USERS);

    @TempDir
    static Path tmp;

    static Database db;

    @BeforeAll
    static void setUp() throws Exception {
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, USERS, IndexSet.of(IndexSet.BASELINE));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void recommendsTheIndexAFilterThenSortNeeds() throws Exception {
        List<String> indexesBefore = indexes();
        Path out = tmp.resolve("reports-1");
        Advice a = new Advisor(db, settings(out), new Quiet()).run(workload());

        Candidate cityByCreated = a.chosen().keySet().stream()
                .filter(c -> c.keys().equals(List.of("city_key", "created", "user_id")))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("not chosen: (city_key, created, user_id); chosen " + a.chosen()));
        // every chosen index makes a statement faster; the range on points that no plan uses is not chosen
        assertThat(a.chosen().keySet())
                .allSatisfy(c -> assertThat(a.decisions().get(c).statements())
                        .as(c.signature())
                        .isPositive());
        // (a range on points used to be the index no plan uses; on the tier-partitioned read table a
        // count over all users reads a points index instead of five partitions, and is faster)
        assertThat(a.candidates())
                .anySatisfy(e -> assertThat(e.candidate().keys().getFirst()).isEqualTo("points"));

        // the before and after figures are executions, in the hlogs too
        Timing before = a.before().get("newest_in_city");
        Timing after = a.candidates().stream()
                .filter(e -> e.candidate().equals(cityByCreated))
                .findFirst()
                .orElseThrow()
                .after()
                .get("newest_in_city");
        assertThat(before.overCap()).isFalse();
        // three steady executions are enough (Advisor.STEADY), else as many as asked; a first
        // execution clearly over the target is the whole measurement (StatementTimer.CLEARLY_OVER),
        // as it can be without the index when the machine is busy with other work
        double target = workload().statements().stream()
                .filter(st -> st.name().equals("newest_in_city"))
                .findFirst()
                .orElseThrow()
                .targetMs();
        if (before.executions() == 1) {
            assertThat(before.p50()).isGreaterThan(StatementTimer.CLEARLY_OVER * target);
        } else {
            assertThat(before.executions()).isBetween(3L, (long) REPEAT);
        }
        assertThat(after.executions()).isBetween(3L, (long) REPEAT);
        assertThat(after.p50()).isLessThan(before.p50() * Selection.MATERIAL);
        // the candidate on the partitioned read table, as its tier partitions' copies are named
        assertThat(after.planNodes()).contains("_city_key_created_user_id_idx");
        assertThat(before.planNodes()).doesNotContain("_city_key_created_user_id_idx");
        assertThat(histogramCount(
                        a.folder().resolve("hlog").resolve(BenchCsv.fileName("newest_in_city", "before", ".hlog"))))
                .isEqualTo(before.executions());
        assertThat(a.advised().get("newest_in_city").p50()).isLessThan(before.p50());
        // with the chosen set built, a statement whose plan is the one it was measured with keeps
        // that measurement (its index's alone; as found for the lookup, whose plan no index changes)
        Timing advised = a.advised().get("newest_in_city");
        assertThat(advised.planNodes()).isEqualTo(after.planNodes());
        assertThat(advised.result().latencyUs()).isSameAs(after.result().latencyUs());
        assertThat(advised.result().indexSet()).isEqualTo(Advice.ADVISED);
        assertThat(a.advised().get("user_by_id").result().latencyUs())
                .isSameAs(a.before().get("user_by_id").result().latencyUs());

        // its write cost: inserts and updates of its first plain key, with WAL, medians of batches
        IndexWriteCost writes = a.candidates().stream()
                .filter(e -> e.candidate().equals(cityByCreated))
                .findFirst()
                .orElseThrow()
                .write();
        assertThat(writes.column()).isEqualTo("city_key");
        assertThat(writes.insertMsPer10k()).isNotNull();
        assertThat(writes.updateMsPer10k()).isNotNull();
        // each row inserted or updated adds an entry to the index, and that is written to the WAL
        assertThat(writes.insertWalPerRow()).isPositive();
        assertThat(writes.updateWalPerRow()).isPositive();
        assertThat(a.setWrites().get(cityByCreated.table()).insertWalPerRow()).isPositive();

        // the reports, and an advise.sql that is an index set bench can measure
        Files.writeString(tmp.resolve("advised.sql"), AdviceFiles.sql(a));
        AdviceFiles.write(a);
        IndexSet set = IndexSet.file(out.resolve("advise.sql"));
        assertThat(set.statements()).hasSize(a.chosen().size());
        assertThat(set.indexNames()).contains(a.chosen().get(cityByCreated));
        assertThat(Files.readAllLines(out.resolve("benchmarks.csv"))).hasSize(1 + 2 * 3);
        assertThat(Files.readAllLines(out.resolve("frontier.csv")))
                .hasSize(1 + a.frontier().size());
        assertThat(Files.readString(a.folder().resolve("report.html"))).contains("frontier-under");

        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    @Test
    void plansAreReadWithoutTheCapOnExecutionsWhichIsPutBack() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("set statement_timeout = 50");
            // 200 ms of work under a 50 ms cap: refused as it is, done with the cap lifted
            assertThatThrownBy(() -> s.execute("select pg_sleep(0.2)")).hasMessageContaining("statement timeout");
            assertThat(Explain.uncapped(c, () -> s.execute("select pg_sleep(0.2)")))
                    .isTrue();
            try (var rs = s.executeQuery("show statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("50ms");
            }
            s.execute("reset statement_timeout");
        }
    }

    /** A search in the list API's manner: a name anywhere in two fields, which no B-tree can look up. */
    private static final String SEARCH_WORKLOAD = """
            name: search
            values:
              name: {dataset: last_name}
            statements:
              - name: name_anywhere
                sql: >
                  select count(*) from crmbench.user_list
                  where lower(first_name || ' ' || last_name) like '%' || lower(${name}) || '%'
            """;

    @Test
    void aLikeSearchGetsATrigramIndexMeasuredAndPricedLikeTheRest() throws Exception {
        List<String> indexesBefore = indexes();
        Path file = tmp.resolve("search.yaml");
        Files.writeString(file, SEARCH_WORKLOAD);
        Workload search = WorkloadFile.read(file, new ScenarioDataset(USERS, null, () -> db, 42), 42);
        Path out = tmp.resolve("reports-search");
        Advice a = new Advisor(db, settings(out), new Quiet()).run(search);

        Evaluated trigram = a.candidates().stream()
                .filter(e -> e.candidate().trigram())
                .findFirst()
                .orElseThrow();
        assertThat(trigram.candidate().keys()).singleElement().asString().startsWith("(lower(");
        assertThat(trigram.candidate().definition("x")).contains("USING gin (").endsWith(" gin_trgm_ops)");
        Timing before = a.before().get("name_anywhere");
        Timing after = trigram.after().get("name_anywhere");
        assertThat(before.planNodes()).contains("Seq Scan").doesNotContain("Bitmap Index Scan");
        assertThat(after.planNodes()).contains("Bitmap Index Scan");
        assertThat(after.p50()).isLessThan(before.p50() * Selection.MATERIAL);
        // priced like a B-tree: its size, and writes of a column the expression reads
        assertThat(trigram.sizeBytes()).isPositive();
        assertThat(trigram.write().column()).isIn("first_name", "last_name");
        assertThat(trigram.write().insertWalPerRow()).isPositive();

        assertThat(a.chosen()).containsKey(trigram.candidate());
        AdviceFiles.write(a);
        IndexSet set = IndexSet.file(out.resolve("advise.sql"));
        assertThat(set.statements())
                .singleElement()
                .asString()
                .contains("USING gin (")
                .contains("gin_trgm_ops");
        assertThat(Files.readString(out.resolve("frontier.csv"))).contains("gin_trgm_ops");
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    @Test
    void aStatementOverTheCapIsReportedAsSuchNotAsAMeasurement() throws Exception {
        // fast in its first execution, then over the cap: its interval log is begun, then it hits the cap
        org.crmbench.measure.Scenario sleepy =
                new org.crmbench.measure.Scenario("slow", "pg_sleep", 0, false, (c, execution, executed) -> {
                    var statement = new org.crmbench.query.SqlStatement(
                            "select pg_sleep(?)", List.of(execution == 0 ? 0.0 : 0.3));
                    executed.accept(statement);
                    statement.run(c);
                });
        Workload slow = new Workload("slow", List.of(new Workload.Statement(sleepy, 1)));
        Path out = tmp.resolve("reports-slow");
        AdviseSettings settings =
                new AdviseSettings(new Repetition(3, 0, Duration.ZERO), Duration.ofMillis(100), 0, 60, MIN_SAVING, out);
        Advice a = new Advisor(db, settings, new Quiet()).run(slow);

        assertThat(a.before().get("slow").overCap()).isTrue();
        assertThat(a.before().get("slow").executions()).isZero();
        AdviceFiles.write(a);
        assertThat(a.folder().resolve("hlog").resolve(BenchCsv.fileName("slow", "before", ".hlog")))
                .doesNotExist();
        assertThat(Files.readString(out.resolve("statements.csv"))).contains("slow");
        assertThat(a.folder().resolve("report.html")).exists();
    }

    @Test
    void aFailureMidwayLeavesNoCandidateBehind() throws Exception {
        List<String> indexesBefore = indexes();
        Advisor.Listener failing = new Quiet() {
            @Override
            public void evaluated(Evaluated candidate, int done, int total) {
                throw new IllegalStateException("disk full (simulated)");
            }
        };
        assertThatThrownBy(() -> new Advisor(db, settings(tmp.resolve("reports-2")), failing).run(workload()))
                .hasMessageContaining("disk full");
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    @Test
    void anAbortCancelsTheRunAndDropsItsCandidates() throws Exception {
        List<String> indexesBefore = indexes();
        AtomicInteger measured = new AtomicInteger();
        List<Thread> aborts = new ArrayList<>();
        Advisor[] advisor = new Advisor[1];
        advisor[0] = new Advisor(db, settings(tmp.resolve("reports-3")), new Quiet() {
            @Override
            public void evaluated(Evaluated candidate, int done, int total) {
                // Ctrl-C while the next candidate is built or measured: the abort comes from another thread
                if (measured.incrementAndGet() == 1) {
                    aborts.add(Thread.startVirtualThread(advisor[0]::abort));
                }
            }
        });
        assertThatThrownBy(() -> advisor[0].run(workload())).isInstanceOf(Advisor.Interrupted.class);
        for (Thread t : aborts) {
            t.join(Duration.ofSeconds(40));
        }
        assertThat(indexes()).isEqualTo(indexesBefore);
    }

    @Test
    void leftoversOfAKilledRunAreDroppedFirst() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement()
                    .execute("create index " + Advisor.CANDIDATE_PREFIX + "99 on crmbench.user_list (email)");
            assertThat(CandidateIndexes.dropLeftovers(c)).isEqualTo(1);
        }
        assertThat(indexes()).noneMatch(i -> i.contains(Advisor.CANDIDATE_PREFIX));
    }

    @Test
    void theSurfaceGivesFilterThenSortCandidatesAndTheChosenSetServesIt() throws Exception {
        List<String> indexesBefore = indexes();
        // the equality filters' part of the surface: the filter-then-sort candidates it needs are
        // among the 60 most widely useful only without the search and range statements beside them
        Workload whole = Workload.surface(db, 50);
        Workload surface = new Workload(
                whole.description(),
                whole.statements().stream()
                        .filter(st -> !st.name().matches(".*(search=|__gte=|__lte=|__in=).*"))
                        .toList());
        assertThat(surface.statements()).hasSizeLessThan(whole.statements().size());
        AdviseSettings settings = new AdviseSettings(
                new Repetition(3, 1, Duration.ZERO),
                Duration.ofSeconds(2),
                0,
                60,
                MIN_SAVING,
                tmp.resolve("reports-4"));
        Advice a = new Advisor(db, settings, new Quiet()).run(surface);

        assertThat(a.candidates())
                .extracting(e -> e.candidate().keys())
                .contains(
                        List.of("last_name_key", "city_key", "points", "user_id"),
                        List.of("tier_key", "created", "user_id"),
                        List.of("first_name_key", "tier_key", "user_id"));
        assertThat(a.chosen()).isNotEmpty();
        assertThat(a.advised()).hasSize(surface.statements().size());
        double beforeTotal =
                a.before().values().stream().mapToDouble(Timing::p50).sum();
        double advisedTotal =
                a.advised().values().stream().mapToDouble(Timing::p50).sum();
        // the chosen set cuts the surface's summed p50 about in half at this size; a noisy
        // machine measured 0.51 once, so the check asks for a clear cut, not for that figure
        assertThat(advisedTotal).isLessThan(beforeTotal * 0.8);
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertTheFrontierComesFromTheMeasurements(a, surface);
    }

    /**
     * The frontier starts where advise found the database, each step adds a measured candidate and
     * costs more and buys at least as much as the one before, its count of statements under their
     * target is what the measured timings give, and --max-size takes a step of it.
     */
    private static void assertTheFrontierComesFromTheMeasurements(Advice a, Workload surface) {
        List<FrontierStep> frontier = a.frontier();
        assertThat(frontier.size()).isGreaterThan(2);
        assertThat(frontier.getFirst().added()).isNull();
        assertThat(frontier.getFirst().underTarget()).isEqualTo(a.underTarget(a.before()));
        Map<String, Double> p50 = new java.util.HashMap<>();
        a.before().forEach((name, t) -> p50.put(name, t.p50()));
        for (int k = 1; k < frontier.size(); k++) {
            FrontierStep step = frontier.get(k);
            FrontierStep previous = frontier.get(k - 1);
            assertThat(step.sizeBytes()).isGreaterThan(previous.sizeBytes());
            assertThat(step.buildSeconds()).isGreaterThan(previous.buildSeconds());
            assertThat(step.underTarget()).isGreaterThanOrEqualTo(previous.underTarget());
            assertThat(step.savedMs()).isGreaterThan(previous.savedMs());
            Evaluated added = a.candidates().stream()
                    .filter(e -> e.candidate().equals(step.added()))
                    .findFirst()
                    .orElseThrow();
            assertThat(added.after().values())
                    .allSatisfy(t -> assertThat(t.executions()).isPositive());
            added.after().forEach((name, t) -> {
                double now = p50.get(name);
                if (t.p50() <= now * Selection.MATERIAL && now - t.p50() >= MIN_SAVING.toNanos() / 1e6) {
                    p50.put(name, t.p50());
                }
            });
            long under = surface.statements().stream()
                    .filter(st -> p50.get(st.name()) <= st.targetMs())
                    .count();
            assertThat(step.underTarget()).as("step " + k).isEqualTo((int) under);
        }
        // the steps past the knee (at 20,000 users there are some) bring no statement under its target
        // and save little
        assertThat(a.decisions().values())
                .anySatisfy(d -> assertThat(d.reason()).startsWith("past the frontier's knee"));
        for (int k = 1; k < frontier.size(); k++) {
            FrontierStep step = frontier.get(k);
            if (a.decisions().get(step.added()).reason().startsWith("past the frontier's knee")) {
                FrontierStep previous = frontier.get(k - 1);
                assertThat(step.underTarget()).isEqualTo(previous.underTarget());
                assertThat(step.savedMs() - previous.savedMs()).isLessThan(previous.savedMs() * Selection.KNEE_SHARE);
                assertThat(a.chosen()).doesNotContainKey(step.added());
            }
        }
        long budget = frontier.get(2).sizeBytes();
        Selection.Outcome cut =
                Selection.choose(surface.statements(), a.before(), a.candidates(), budget, MIN_SAVING.toNanos() / 1e6);
        assertThat(cut.chosen())
                .extracting(Evaluated::candidate)
                .isSubsetOf(frontier.get(1).added(), frontier.get(2).added());
        assertThat(cut.frontier()).isEqualTo(frontier);
    }

    /**
     * A constructed case: an index on {@code created} makes a range on it fast, and lets the planner
     * walk it in order for the newest rows with a flag it expects early (5% of the rows) and finds
     * only at the end: slower than sorting the rows a scan finds. That statement is sent twenty
     * times as often as the range (its weight): the gain is measured while choosing and the loss
     * during the check, minutes apart on a noisy machine, so the loss must outweigh the gain by
     * more than that noise (at three times, one CI run under load kept the index, flagged).
     */
    @Test
    void theCheckTogetherDropsAnIndexThatMakesAStatementSlower() throws Exception {
        eventTable("trap", 200_000, 190_000, 100, "order by random()", "");
        List<String> indexesBefore = indexes();
        try {
            Path file = tmp.resolve("trap.yaml");
            Files.writeString(file, """
                    name: trap
                    values:
                      lo: {uniform: [1, 190000]}
                      zero: {uniform: [0, 0]}
                    statements:
                      - name: created_range
                        sql: select id, pad from trap.event where created >= ${lo} and created < ${lo} + 10
                      - name: flagged_first
                        sql: select id from trap.event where flag <> ${zero} order by created limit 10
                        weight: 20
                    """);
            Workload trap = WorkloadFile.read(file, new ScenarioDataset(USERS, null, () -> db, 42), 42);
            Advice a = new Advisor(db, settings(tmp.resolve("reports-trap")), new Quiet()).run(trap);

            Evaluated created = a.candidates().stream()
                    .filter(e -> e.candidate().keys().equals(List.of("created")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no candidate on created: " + a.candidates()));
            // alone, it made the range faster: the frontier took it
            assertThat(created.after().get("created_range").p50())
                    .isLessThan(a.before().get("created_range").p50() * Selection.MATERIAL);
            assertThat(a.frontier()).anySatisfy(f -> assertThat(f.added()).isEqualTo(created.candidate()));
            // together, the check found the other statement slower with it, and it left the set
            assertThat(a.verification()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(created.candidate());
                assertThat(f.dropped()).isTrue();
                assertThat(f.slower()).singleElement().satisfies(slower -> {
                    assertThat(slower.statement()).isEqualTo("flagged_first");
                    assertThat(slower.with().p50())
                            .isGreaterThan(slower.without().p50());
                    assertThat(slower.without().executions()).isEqualTo(Verification.EXECUTIONS);
                });
            });
            assertThat(a.decisions().get(created.candidate()).kept()).isFalse();
            assertThat(a.decisions().get(created.candidate()).reason()).startsWith("dropped by the check together");
            assertThat(a.chosen()).doesNotContainKey(created.candidate());
            assertThat(indexes()).isEqualTo(indexesBefore);
        } finally {
            try (Connection c = db.dataSource().getConnection()) {
                c.createStatement().execute("drop schema trap cascade");
            }
        }
    }

    /**
     * An index that takes a statement's plan from the index that served it alone, where the
     * statement was over the cap as found (so it cannot be slower than as found): the flagged rows
     * (half a percent, the newest; exact statistics, a literal flag so no generic plan guesses a
     * third) are found at once on the flag's index, but with the index on created beside it (the
     * rows stored in created order, so its walk looks cheap) the planner walks created, expecting
     * a flagged row early, and finds the first at the end. Sent three times as often as the range the created index is
     * chosen for, the statement loses more than the range gains: the check drops it.
     */
    @Test
    void theCheckTogetherDropsAnIndexThatTakesAPlanFromTheOneThatServedItAlone() throws Exception {
        eventTable("took", 400_000, 398_000, 200, "", "alter table took.event alter column flag set statistics 10000");
        List<String> indexesBefore = indexes();
        try {
            Path file = tmp.resolve("took.yaml");
            Files.writeString(file, """
                    name: took
                    values:
                      lo: {uniform: [1, 390000]}
                    statements:
                      - name: created_range
                        sql: select id, pad from took.event where created >= ${lo} and created < ${lo} + 10
                      - name: flagged_first
                        sql: select id from took.event where flag > 0 order by created limit 10
                        weight: 3
                    """);
            Workload took = WorkloadFile.read(file, new ScenarioDataset(USERS, null, () -> db, 42), 42);
            AdviseSettings capped = new AdviseSettings(
                    new Repetition(REPEAT, 1, Duration.ZERO),
                    Duration.ofMillis(20),
                    0,
                    60,
                    MIN_SAVING,
                    tmp.resolve("reports-took"));
            Advice a = new Advisor(db, capped, new Quiet()).run(took);

            assertThat(a.before().get("flagged_first").overCap()).isTrue();
            Evaluated created = a.candidates().stream()
                    .filter(e -> e.candidate().keys().equals(List.of("created")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no candidate on created: " + a.candidates()));
            assertThat(a.frontier()).anySatisfy(f -> assertThat(f.added()).isEqualTo(created.candidate()));
            assertThat(a.verification())
                    .as("decisions: %s", a.decisions())
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.index()).isEqualTo(created.candidate());
                        assertThat(f.dropped()).as(f.reason()).isTrue();
                        assertThat(f.slower())
                                .singleElement()
                                .satisfies(
                                        slower -> assertThat(slower.statement()).isEqualTo("flagged_first"));
                    });
            assertThat(a.chosen()).doesNotContainKey(created.candidate());
            assertThat(a.advised().get("flagged_first").p50()).isLessThan(10);
            assertThat(indexes()).isEqualTo(indexesBefore);
        } finally {
            try (Connection c = db.dataSource().getConnection()) {
                c.createStatement().execute("drop schema took cascade");
            }
        }
    }

    @Test
    void theTopStatementsOfPgStatStatementsGetValuesFromTheirColumns() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            // the other tests' statements would outweigh the three executions below
            c.createStatement().execute("create extension if not exists pg_stat_statements");
            c.createStatement().execute("select pg_stat_statements_reset()");
        }
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select user_id from crmbench.user_list"
                        + " where tier_key = ? and city_key = ? order by points desc limit 10")) {
            for (String city : List.of("a", "b", "c")) {
                ps.setString(1, "gold");
                ps.setString(2, city);
                ps.executeQuery().close();
            }
        }
        List<String> skipped = new ArrayList<>();
        Workload top = StatStatements.top(db, 100, skipped::add);
        Workload.Statement ours = top.statements().stream()
                .filter(s -> s.scenario().description().contains("tier_key = $1 and city_key = $2"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not among the top statements: " + top.statements()));
        List<org.crmbench.query.SqlStatement> executed = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            ours.scenario().request().run(c, 0, executed::add);
            // the values are the columns' own: a real tier and a real city key
            // pg_stat_statements keeps the LIMIT as a parameter too ($3): it gets a page's 50
            assertThat(executed.getFirst().binds()).hasSize(3);
            assertThat(executed.getFirst().binds().get(2).toString()).isEqualTo("50");
            String tier = executed.getFirst().binds().get(0).toString();
            String city = executed.getFirst().binds().get(1).toString();
            try (PreparedStatement ps =
                    c.prepareStatement("select count(*) from crmbench.user_list where tier_key = ? and city_key = ?")) {
                ps.setString(1, tier);
                ps.setString(2, city);
                var rs = ps.executeQuery();
                rs.next();
                assertThat(rs.getLong(1)).as(tier + " " + city).isPositive();
            }
        }
        Advice a = new Advisor(db, settings(tmp.resolve("reports-5")), new Quiet())
                .run(new Workload("pg_stat_statements", List.of(ours)));
        assertThat(a.chosen().keySet())
                .anySatisfy(c -> assertThat(c.keys())
                        .startsWith("tier_key")
                        .contains("city_key")
                        .isNotEqualTo(List.of("tier_key")));
    }

    private static Workload workload() throws Exception {
        Path file = tmp.resolve("workload.yaml");
        Files.writeString(file, WORKLOAD);
        return WorkloadFile.read(file, new ScenarioDataset(USERS, null, () -> db, 42), 42);
    }

    private static AdviseSettings settings(Path out) {
        return new AdviseSettings(
                new Repetition(REPEAT, 1, Duration.ZERO), Duration.ofSeconds(5), 0, 60, MIN_SAVING, out);
    }

    /** Every index of the database, as its definition. */
    private static List<String> indexes() {
        return db
                .dsl()
                .fetchValues("select indexdef from pg_indexes where schemaname not in ('pg_catalog')"
                        + " order by schemaname, tablename, indexname")
                .stream()
                .map(String::valueOf)
                .toList();
    }

    private static long histogramCount(Path hlog) throws Exception {
        long count = 0;
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                count += ((org.HdrHistogram.Histogram) h).getTotalCount();
            }
        }
        return count;
    }

    private static class Quiet implements Advisor.Listener {
        @Override
        public void phase(String text) {}

        @Override
        public void measured(String state, int done, int total) {}

        @Override
        public void evaluated(Evaluated candidate, int done, int total) {}
    }

    /**
     * {@code schema.event}: ids 1..{@code rows}, {@code created} equal to the id, {@code flag} 1
     * above {@code flaggedAbove}, a pad of {@code padChars}; inserted in {@code order} (empty: id
     * order), then {@code beforeAnalyze} (empty: nothing), then analyzed.
     */
    private static void eventTable(
            String schema, int rows, int flaggedAbove, int padChars, String order, String beforeAnalyze)
            throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".event (id int primary key, flag int not null,"
                    + " created int not null, pad text not null)");
            s.execute("insert into " + schema + ".event select g, (g > " + flaggedAbove + ")::int, g, repeat('x', "
                    + padChars + ") from generate_series(1, " + rows + ") g " + order);
            if (!beforeAnalyze.isEmpty()) {
                s.execute(beforeAnalyze);
            }
            s.execute("analyze " + schema + ".event");
        }
    }
}
