package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.db.ReadRouting;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRepository;
import org.crmbench.query.UserRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups that wait for a connection together share one statement, and each request still gets
 * exactly what it would have got alone: its own user, nothing for an id that does not exist, and
 * the failure of its statement only. The one lookup worker is held by a request that waits on a
 * latch while the lookups queue behind it, so the test decides which requests wait together.
 */
class SharedLookupsTest {
    @TempDir
    static Path tmp;

    static Database db;
    static UserRepository users;

    @BeforeAll
    static void generate() throws IOException {
        db = EmbeddedDatabase.open(tmp, 4);
        EmbeddedDatabase.generate(db, 2_000);
        users = new UserRepository(new UserQueries(db.dsl()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** What one request got: its user or the failure its lookup threw. */
    private record Answer(Optional<UserRow> user, Exception failure) {}

    /** One lookup worker (and one list worker) sharing at most {@code most} lookups per statement. */
    private static DatabaseWorkers workers(int most, DatabaseWorkers.UsersById read) {
        return new DatabaseWorkers(
                ReadRouting.primaryOnly(db),
                Map.of(DatabaseWorkers.Lane.LOOKUP, 1, DatabaseWorkers.Lane.LIST, 1),
                Duration.ofSeconds(30),
                100,
                new DatabaseWorkers.LookupSharing(most, read),
                ServerSettings.DEFAULT_LIST_BATCH);
    }

    private static DatabaseWorkers.UsersById realRead() {
        return (c, ids) -> users.lookupAll(c, ids, UserRepository.NO_LISTENER);
    }

    /**
     * Queues a lookup of each id in turn behind a request that holds the worker until released;
     * the answers in the order of {@code ids}.
     */
    private static List<Answer> lookUpTogether(DatabaseWorkers workers, long... ids) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        workers.execute(
                DatabaseWorkers.Lane.LOOKUP,
                () -> {
                    held.countDown();
                    awaitQuietly(release);
                },
                () -> {},
                null);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Map<Integer, Answer> answers = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(ids.length);
        for (int i = 0; i < ids.length; i++) {
            int index = i;
            long id = ids[i];
            workers.execute(
                    DatabaseWorkers.Lane.LOOKUP,
                    id,
                    null,
                    () -> {
                        try {
                            answers.put(index, new Answer(workers.lookup(id, c -> users.lookup(c, id)), null));
                        } catch (Exception e) {
                            answers.put(index, new Answer(null, e));
                        } finally {
                            done.countDown();
                        }
                    },
                    () -> {
                        answers.put(index, new Answer(null, new IllegalStateException("too late")));
                        done.countDown();
                    },
                    null);
        }
        release.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        List<Answer> inOrder = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            inOrder.add(answers.get(i));
        }
        return inOrder;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user with {@code id} as a lookup alone reads it, on a connection of the test's own. */
    private static Optional<UserRow> alone(long id) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return users.lookup(c, id);
        }
    }

    @Test
    void lookupsWaitingTogetherShareAStatementAndEachGetsItsOwnUser() throws Exception {
        long missing = 9_000_000;
        // ids in no order, one asked twice, two that do not exist
        long[] ids = LongStream.concat(
                        LongStream.of(1_999, 7, missing, 7, 1_000),
                        LongStream.rangeClosed(100, 140).map(i -> i * 13))
                .toArray();
        ids[20] = missing + 1;
        try (DatabaseWorkers workers = workers(64, realRead())) {
            List<Answer> answers = lookUpTogether(workers, ids);

            for (int i = 0; i < ids.length; i++) {
                Answer answer = answers.get(i);
                assertThat(answer.failure()).as("id %d", ids[i]).isNull();
                assertThat(answer.user()).as("id %d", ids[i]).isEqualTo(alone(ids[i]));
            }
            assertThat(answers.get(2).user()).isEmpty();
            assertThat(answers.get(20).user()).isEmpty();
            assertThat(answers.get(0).user()).isPresent();
            assertThat(workers.sharedStatements())
                    .as("one statement for all that waited")
                    .isEqualTo(1);
            assertThat(workers.sharedLookups()).isEqualTo(ids.length);
        }
    }

    /** With fewer than two waiting per lookup worker the lane keeps up: each runs its own statement. */
    @Test
    void lookupsRunAloneWhileTheLaneKeepsUp() throws Exception {
        try (DatabaseWorkers workers = workers(64, realRead())) {
            assertThat(lookUpTogether(workers, 5)).extracting(Answer::user).containsExactly(alone(5));
            assertThat(lookUpTogether(workers, 6, 7)).extracting(Answer::user).containsExactly(alone(6), alone(7));
            assertThat(workers.sharedStatements()).isZero();

            assertThat(lookUpTogether(workers, 8, 9, 10))
                    .extracting(Answer::user)
                    .containsExactly(alone(8), alone(9), alone(10));
            assertThat(workers.sharedStatements())
                    .as("two waiting behind the first")
                    .isEqualTo(1);
        }
    }

    @Test
    void withLookupBatchOneEveryLookupRunsAlone() throws Exception {
        try (DatabaseWorkers workers = workers(1, realRead())) {
            List<Answer> answers = lookUpTogether(workers, 5, 6, 7);

            assertThat(answers).extracting(Answer::user).containsExactly(alone(5), alone(6), alone(7));
            assertThat(workers.sharedStatements()).isZero();
        }
    }

    /**
     * Twenty lookups wait, at most ten per statement: the first ten share a statement that fails
     * (it asks for a poisoned id), the next ten one that does not. Only the first ten fail, each
     * with the statement's error.
     */
    @Test
    void aFailedSharedStatementFailsOnlyTheRequestsThatSharedIt() throws Exception {
        long poison = 3;
        DatabaseWorkers.UsersById failsOnPoison = (c, ids) -> {
            if (LongStream.of(ids).anyMatch(id -> id == poison)) {
                throw new SQLException("the statement failed", "XX000");
            }
            return realRead().read(c, ids);
        };
        long[] ids = LongStream.concat(LongStream.rangeClosed(1, 10), LongStream.rangeClosed(11, 20))
                .toArray();
        try (DatabaseWorkers workers = workers(10, failsOnPoison)) {
            List<Answer> answers = lookUpTogether(workers, ids);

            for (int i = 0; i < 10; i++) {
                assertThat(answers.get(i).failure())
                        .as("id %d shared the failed statement", ids[i])
                        .isInstanceOf(SQLException.class)
                        .hasMessage("the statement failed");
            }
            for (int i = 10; i < 20; i++) {
                assertThat(answers.get(i).failure()).as("id %d", ids[i]).isNull();
                assertThat(answers.get(i).user()).isEqualTo(alone(ids[i]));
            }
            assertThat(workers.sharedStatements()).isEqualTo(2);
        }
    }
}
