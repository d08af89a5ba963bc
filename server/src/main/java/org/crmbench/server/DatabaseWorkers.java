package org.crmbench.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.crmbench.db.ReadRouting;
import org.crmbench.db.SqlWork;
import org.crmbench.query.UserRow;
import org.postgresql.PGConnection;

/**
 * The queues in front of the connection pool, one per {@link Lane}: platform threads, one per
 * connection, take requests in arrival order and run each whole, from the query to writing the
 * response. A request still waiting at its deadline is answered there and then by a timer (the
 * sweeper), not when a worker frees up; lookups have their own workers, so a flood of list
 * requests cannot take every connection.
 *
 * <p>Separate workers do not keep lists off the CPU the lookups need. While lookups are coming in,
 * a list worker therefore rests after each request in proportion to what that request cost (its
 * time on the worker), so the list lane is busy at most its share of the time; lists that wait
 * meanwhile get their 503 at their deadline like any other. With no lookups in the last second
 * it does not rest: the cores are the lists' to use.
 *
 * <p>A statement whose client has hung up is cancelled: the sweeper looks at the statements that
 * have run for a while and asks the kernel about their clients ({@link ClientSockets}).
 *
 * <p>Lookups by id that wait for a connection together share one statement
 * ({@link LookupSharing}): a lookup worker that takes one also takes those queued behind it, reads
 * all their users at once, then answers each in turn as if it had run alone. Nobody waits for
 * others to come, so light traffic runs one lookup at a time, and a failed shared statement fails
 * the requests that shared it, no others. Identical list requests (the same parameters) that wait
 * together share one read the same way: the first to run reads its page, the others take it.
 *
 * <p>Why platform threads rather than JDBC on the request's virtual thread? Measured on 2 cores
 * against /api/run-query/ at 1000 connections: 11,100 requests/s behind a fair semaphore against
 * 12,700 with workers. A blocking socket read on a platform thread is one system call; on a
 * virtual thread it goes through the JDK's poller, and that CPU is what the database needs.
 */
final class DatabaseWorkers implements AutoCloseable {
    /** Which workers a route's requests wait for. */
    enum Lane {
        /** One user by id (detail, run-query): cheap and frequent. */
        LOOKUP,
        /** A page of the list and its count: dearer, capped in how many run at once. */
        LIST
    }

    /** How often the sweeper looks for requests past their deadline. */
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Lookups count as coming in while the last one arrived less than this long ago. */
    private static final long LOOKUPS_ACTIVE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A statement is watched for its client hanging up once it has run this long, this often. */
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The longest rest after one list request, however dear it was (the statement timeout ends those). */
    private static final long MAX_REST_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * How lookups waiting together share a statement.
     *
     * @param most at most this many requests taken together (1: each runs alone)
     * @param read the users with these ids, in one statement, on the worker's connection
     */
    record LookupSharing(int most, UsersById read) {
        LookupSharing {
            if (most < 1) {
                throw new IllegalArgumentException("at least one lookup per statement, not " + most);
            }
        }
    }

    /** The users with these ids; an id that does not exist is absent from the map. */
    @FunctionalInterface
    interface UsersById {
        Map<Long, UserRow> read(Connection c, long[] ids) throws SQLException;
    }

    private final int lookupWorkers;
    private final int listWorkers;
    /** The most identical list requests taken together (1: each runs alone). */
    private final int identicalListsAtMost;
    /**
     * Lookups share statements only while at least this many per lookup worker wait: below it
     * the lane keeps up, and a shared statement would only add the wait of answering one after
     * the other. In the runs that chose it (64 and 1,000 connections, 2 cores, wrk on the same
     * machine), sharing whatever waited made p99 at 64 connections several times that of each
     * lookup alone for no more requests/s; from two per worker on, p99 stayed near it, and at
     * 1,000 connections the lane served about twice the requests/s. reports/serve-comparison.txt
     * measures the defaults against --lookup-batch 1.
     */
    private static final int SHARE_FROM_WAITING_PER_WORKER = 2;

    private final ReadRouting reads;
    private final LookupSharing sharing;
    private final long queueTimeoutNanos;
    private final Map<Lane, LinkedBlockingQueue<Task>> queues = new EnumMap<>(Lane.class);
    private final List<Worker> workers = new ArrayList<>();
    private final Thread sweeper;
    private final LongAdder expired = new LongAdder();
    private final LongAdder listRestNanos = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder sharedStatements = new LongAdder();
    private final LongAdder sharedLookups = new LongAdder();
    private final LongAdder sharedListReads = new LongAdder();
    private final LongAdder sharedListRequests = new LongAdder();
    private final int listSharePercent;
    private volatile long lastLookupNanos = System.nanoTime() - LOOKUPS_ACTIVE_NANOS;
    private volatile boolean running = true;

    /**
     * @param listSharePercent while lookups come in, the share of its time a list worker may be
     *     busy (100: never rests)
     * @param identicalListsAtMost the most identical list requests waiting together that share one
     *     read (1: each runs alone)
     */
    DatabaseWorkers(
            ReadRouting reads,
            Map<Lane, Integer> workersPerLane,
            Duration queueTimeout,
            int listSharePercent,
            LookupSharing sharing,
            int identicalListsAtMost) {
        if (identicalListsAtMost < 1) {
            throw new IllegalArgumentException("at least one list request per read, not " + identicalListsAtMost);
        }
        this.reads = reads;
        this.sharing = sharing;
        this.identicalListsAtMost = identicalListsAtMost;
        this.lookupWorkers = Math.max(1, workersPerLane.getOrDefault(Lane.LOOKUP, 1));
        this.listWorkers = Math.max(1, workersPerLane.getOrDefault(Lane.LIST, 1));
        this.queueTimeoutNanos = queueTimeout.toNanos();
        this.listSharePercent = listSharePercent;
        workersPerLane.forEach((lane, count) -> {
            LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
            queues.put(lane, queue);
            for (int i = 0; i < count; i++) {
                Worker worker = new Worker(lane, queue);
                workers.add(worker);
                worker.start();
            }
        });
        sweeper = Thread.ofPlatform().name("crmbench-deadlines").daemon().start(this::sweep);
    }

    /** A queued request: exactly one of the worker and the sweeper claims it. */
    private static final class Task {
        private static final int QUEUED = 0;
        private static final int CLAIMED = 1;

        final Runnable request;
        final Runnable tooLate;
        final long deadline;
        final ClientSockets.Connection client;
        /** The user id the request looks up, which it may share a statement for; 0: none. */
        final long lookupId;
        /** Equal for identical requests, which may share their read ({@link #readOnce}); null: none. */
        final Object sameAs;

        final AtomicInteger state = new AtomicInteger(QUEUED);
        /** The lookup's result read by a shared statement, until the request takes it; null: none. */
        SharedResult shared;
        /** The read this request shares with identical ones taken together; null: its own. */
        IdenticalRead identical;

        Task(
                Runnable request,
                Runnable tooLate,
                long deadline,
                ClientSockets.Connection client,
                long lookupId,
                Object sameAs) {
            this.request = request;
            this.tooLate = tooLate;
            this.deadline = deadline;
            this.client = client;
            this.lookupId = lookupId;
            this.sameAs = sameAs;
        }

        boolean claim() {
            return state.compareAndSet(QUEUED, CLAIMED);
        }
    }

    /** What a shared statement read for one request: its user (or none), or the statement's failure. */
    private record SharedResult(Optional<UserRow> user, Exception failure) {}

    /**
     * The one read identical requests taken together share: the first to run makes it, on its
     * connection; the others take its result, or its failure, as their own. Only the worker that
     * took them touches it.
     */
    private static final class IdenticalRead {
        final List<Task> tasks;
        boolean done;
        Object result;
        Exception failure;

        IdenticalRead(List<Task> tasks) {
            this.tasks = tasks;
        }
    }

    /** A database worker thread: it owns at most one connection at a time, which a stop may cancel. */
    private final class Worker extends Thread {
        private final Lane lane;
        private final LinkedBlockingQueue<Task> queue;
        volatile Connection current;
        /** The requests running now (several while a shared statement runs); null between requests. */
        volatile Running inFlight;
        /** The request whose turn it is; only this thread reads it. */
        Task turn;

        Worker(Lane lane, LinkedBlockingQueue<Task> queue) {
            super("crmbench-db-" + lane.name().toLowerCase(java.util.Locale.ROOT));
            this.lane = lane;
            this.queue = queue;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                Task task;
                try {
                    task = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (task != null && task.claim()) {
                    List<Task> together = withThoseWaiting(task, queue);
                    if (together.size() > 1 && task.lookupId != 0) {
                        readShared(this, together);
                    }
                    for (Task each : together) {
                        runAlone(each);
                    }
                }
            }
        }

        private void runAlone(Task task) {
            long started = System.nanoTime();
            // a read identical requests share is cancelled only once all their clients have hung up
            this.inFlight = new Running(task.identical == null ? List.of(task) : task.identical.tasks, started);
            this.turn = task;
            try {
                task.request.run();
            } finally {
                this.inFlight = null;
                this.turn = null;
            }
            if (lane == Lane.LIST) {
                restAfter(System.nanoTime() - started);
            }
        }
    }

    /** Requests a worker is running, and since when. */
    private record Running(List<Task> tasks, long startedNanos) {}

    /**
     * {@code first} and, if it is a lookup and enough wait ({@link #SHARE_FROM_WAITING_PER_WORKER}),
     * its share of the requests queued behind it now: those waiting divided among the lane's
     * workers, at most {@link LookupSharing#most} in all, each
     * claimed: they are this worker's to answer, one after the other once their statement ran. A
     * worker taking every waiting request would leave the other workers and backends idle while
     * it ran one long statement and wrote sixty responses, the last of which waited for that
     * thread's every turn on the CPU; handing the answers back to the queue for any worker to
     * write cost more wake-ups than it saved (both tried; p99 was worse).
     */
    private List<Task> withThoseWaiting(Task first, LinkedBlockingQueue<Task> queue) {
        if (first.sameAs != null) {
            return withIdenticalWaiting(first, queue);
        }
        if (first.lookupId == 0 || sharing.most() == 1) {
            return List.of(first);
        }
        int waiting = queue.size();
        if (waiting < SHARE_FROM_WAITING_PER_WORKER * lookupWorkers) {
            return List.of(first);
        }
        int most = Math.min(sharing.most(), 1 + waiting / lookupWorkers);
        List<Task> together = new ArrayList<>();
        together.add(first);
        for (Task next; together.size() < most && (next = queue.poll()) != null; ) {
            if (next.claim()) {
                together.add(next);
            }
        }
        return together;
    }

    /**
     * {@code first} and the requests identical to it queued now, claimed, at most its share of
     * those waiting (divided among the lane's workers, as for lookups) and at most
     * {@link #identicalListsAtMost}: they will share the read the first one makes. Unlike lookups
     * they share from two on: each one taken forward is a whole statement saved, and the others
     * behind it wait only for its response to be written.
     */
    private List<Task> withIdenticalWaiting(Task first, LinkedBlockingQueue<Task> queue) {
        int most = Math.min(identicalListsAtMost, 1 + queue.size() / listWorkers);
        if (most == 1) {
            return List.of(first);
        }
        List<Task> together = new ArrayList<>();
        together.add(first);
        for (Iterator<Task> it = queue.iterator(); together.size() < most && it.hasNext(); ) {
            Task next = it.next();
            if (first.sameAs.equals(next.sameAs) && next.claim()) { // the claim decides, as for the sweeper
                it.remove();
                together.add(next);
            }
        }
        if (together.size() > 1) {
            IdenticalRead read = new IdenticalRead(List.copyOf(together));
            together.forEach(t -> t.identical = read);
        }
        return together;
    }

    /**
     * Reads the users {@code together}'s lookups ask for in one statement and leaves each request
     * its result (or the statement's failure) to take when its turn comes.
     */
    private void readShared(Worker worker, List<Task> together) {
        List<Task> asking = together.stream().filter(t -> t.lookupId != 0).toList();
        long[] ids = asking.stream().mapToLong(t -> t.lookupId).distinct().toArray();
        if (ids.length < 2) {
            return;
        }
        worker.inFlight = new Running(together, System.nanoTime());
        try {
            Map<Long, UserRow> found = withConnection(c -> sharing.read().read(c, ids));
            for (Task t : asking) {
                t.shared = new SharedResult(Optional.ofNullable(found.get(t.lookupId)), null);
            }
        } catch (SQLException | RuntimeException e) { // each request answers it as its own would be
            for (Task t : asking) {
                t.shared = new SharedResult(null, e);
            }
        } finally {
            worker.inFlight = null;
        }
        sharedStatements.increment();
        sharedLookups.add(asking.size());
    }

    /**
     * The user with {@code id}: read by the statement the request shared, if it did (once: a
     * second lookup of the same request runs its own), else by {@code alone} on a connection.
     */
    Optional<UserRow> lookup(long id, SqlWork<Optional<UserRow>> alone) throws SQLException {
        if (Thread.currentThread() instanceof Worker worker
                && worker.turn != null
                && worker.turn.lookupId == id
                && worker.turn.shared != null) {
            SharedResult result = worker.turn.shared;
            worker.turn.shared = null;
            if (result.failure() instanceof SQLException e) {
                throw e;
            }
            if (result.failure() instanceof RuntimeException e) {
                throw e;
            }
            return result.user();
        }
        return withConnection(alone);
    }

    /**
     * The result of {@code work}, the one read of a request that may share it with identical ones
     * ({@link #execute}'s {@code sameAs}): made on a connection by the first of them to run, taken
     * by the others, its failure theirs too. Alone, it runs as {@link #withConnection} does.
     */
    @SuppressWarnings("unchecked") // identical requests run the same endpoint code: the same type
    <T> T readOnce(SqlWork<T> work) throws SQLException {
        if (!(Thread.currentThread() instanceof Worker worker)
                || worker.turn == null
                || worker.turn.identical == null) {
            return withConnection(work);
        }
        IdenticalRead read = worker.turn.identical;
        if (!read.done) {
            try {
                read.result = withConnection(work);
            } catch (SQLException | RuntimeException e) {
                read.failure = e;
            }
            read.done = true;
            sharedListReads.increment();
            sharedListRequests.add(read.tasks.size());
        }
        if (read.failure instanceof SQLException e) {
            throw e;
        }
        if (read.failure instanceof RuntimeException e) {
            throw e;
        }
        return (T) read.result;
    }

    /** A list worker's rest after a request that held it {@code busyNanos}, while lookups come in. */
    private void restAfter(long busyNanos) {
        long now = System.nanoTime();
        if (listSharePercent >= 100 || now - lastLookupNanos > LOOKUPS_ACTIVE_NANOS) {
            return;
        }
        long rest = Math.min(MAX_REST_NANOS, busyNanos * (100 - listSharePercent) / listSharePercent);
        long until = now + rest;
        for (long left = rest; running && left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        listRestNanos.add(System.nanoTime() - now);
    }

    /**
     * Runs {@code request} on a worker of {@code lane} in its turn; if its turn has not come by
     * the queue deadline, runs {@code tooLate} at that deadline instead. Either must answer.
     * {@code client} (null if unknown) is the request's connection: if it hangs up while the
     * request's statement runs, the statement is cancelled.
     */
    void execute(Lane lane, Runnable request, Runnable tooLate, ClientSockets.Connection client) {
        execute(lane, 0, null, request, tooLate, client);
    }

    /**
     * {@link #execute(Lane, Runnable, Runnable, ClientSockets.Connection)} for a request that
     * looks up the user {@code lookupId} (0: none) through {@link #lookup}: it may share its
     * statement with other lookups waiting at the same time; or whose one read goes through
     * {@link #readOnce}, which identical requests waiting at the same time ({@code sameAs} equal;
     * null: none) may share.
     */
    void execute(
            Lane lane,
            long lookupId,
            Object sameAs,
            Runnable request,
            Runnable tooLate,
            ClientSockets.Connection client) {
        if (!running) {
            tooLate.run();
            return;
        }
        if (lane == Lane.LOOKUP) {
            lastLookupNanos = System.nanoTime();
        }
        queues.get(lane)
                .add(new Task(request, tooLate, System.nanoTime() + queueTimeoutNanos, client, lookupId, sameAs));
    }

    /**
     * Queues are FIFO with one timeout, so deadlines grow from head to tail: the sweeper only
     * looks at each head. A head it removes is its own to answer.
     */
    private void sweep() {
        long lastWatch = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now - lastWatch >= WATCH_NANOS) {
                cancelAbandoned(now);
                lastWatch = now;
            }
            for (LinkedBlockingQueue<Task> queue : queues.values()) {
                for (Task head = queue.peek(); head != null && head.deadline - now <= 0; head = queue.peek()) {
                    if (queue.remove(head) && head.claim()) {
                        expired.increment();
                        head.tooLate.run();
                    }
                }
            }
            LockSupport.parkNanos(SWEEP_NANOS);
        }
    }

    /**
     * Cancels the statements, running for a while, whose client has hung up. A worker that ends
     * that request and starts another between the check and the cancel has the new statement
     * cancelled instead (a 503 for it, nothing else): PostgreSQL cancels whatever a backend runs.
     */
    private void cancelAbandoned(long now) {
        Map<Integer, Map<Integer, Integer>> statesByPort = new HashMap<>();
        for (Worker worker : workers) {
            Running run = worker.inFlight;
            Connection c = worker.current;
            if (run == null || c == null || now - run.startedNanos() < WATCH_NANOS) {
                continue;
            }
            if (allHungUp(run.tasks(), statesByPort) && worker.inFlight == run) {
                abandoned.increment();
                cancel(c);
            }
        }
    }

    /** Whether every client of a statement has hung up: a shared one is cancelled only then. */
    private static boolean allHungUp(List<Task> tasks, Map<Integer, Map<Integer, Integer>> statesByPort) {
        for (Task task : tasks) {
            ClientSockets.Connection client = task.client;
            if (client == null) {
                return false;
            }
            Map<Integer, Integer> states = statesByPort.computeIfAbsent(
                    client.localPort(), port -> ClientSockets.statesOn(port).orElse(null));
            if (states == null || !ClientSockets.hungUp(states, client)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code work} on a connection of the host the read routing picks. Only a request
     * running on a worker (through {@link #execute}) queries the database, so every query waits
     * its turn in its lane.
     */
    <T> T withConnection(SqlWork<T> work) throws SQLException {
        if (!(Thread.currentThread() instanceof Worker worker)) {
            throw new IllegalStateException("database work must run on a database worker (a route with a lane)");
        }
        return reads.read(c -> {
            worker.current = c;
            try {
                return work.apply(c);
            } finally {
                worker.current = null;
            }
        });
    }

    /** Requests waiting for their turn in {@code lane} now. */
    int waiting(Lane lane) {
        return queues.get(lane).size();
    }

    /** Requests answered at their deadline because no worker took them in time. */
    long expired() {
        return expired.sum();
    }

    /** Time list workers spent resting so that lookups keep the CPU (see the class comment). */
    long listRestNanos() {
        return listRestNanos.sum();
    }

    /** Statements cancelled because their client hung up. */
    long abandoned() {
        return abandoned.sum();
    }

    /** Statements that lookups waiting together shared (each read two users or more). */
    long sharedStatements() {
        return sharedStatements.sum();
    }

    /** Lookups answered by a shared statement. */
    long sharedLookups() {
        return sharedLookups.sum();
    }

    /** Reads that identical list requests waiting together shared (each for two requests or more). */
    long sharedListReads() {
        return sharedListReads.sum();
    }

    /** List requests answered by a shared read. */
    long sharedListRequests() {
        return sharedListRequests.sum();
    }

    /** Asks PostgreSQL to cancel every statement the workers are running now. */
    void cancelRunning() {
        for (Worker worker : workers) {
            Connection c = worker.current;
            if (c != null) {
                cancel(c);
            }
        }
    }

    private static void cancel(Connection c) {
        try {
            c.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            // the statement has ended, or the connection is gone: nothing runs either way
        }
    }

    /** Stops taking requests, answers those still queued with {@code tooLate}, cancels what runs. */
    @Override
    public void close() {
        running = false;
        for (LinkedBlockingQueue<Task> queue : queues.values()) {
            for (Task task; (task = queue.poll()) != null; ) {
                if (task.claim()) {
                    task.tooLate.run();
                }
            }
        }
        cancelRunning();
        sweeper.interrupt();
    }
}
