package org.crmbench.load;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.scenario.LoadScenario;
import org.crmbench.load.scenario.Request;
import org.crmbench.results.LoadResult;
import org.crmbench.values.RowRandom;

/**
 * Drives an HTTP API like Locust over an event-loop transport. Closed model: users start at the
 * spawn rate (or follow the stages) and each sends its next request from the callback of the
 * last, on the transport's thread, so a thousand users need no thousand threads. Open model: a
 * dispatcher sends requests when they are due whatever the server does, and latency is also
 * counted from each request's intended start (coordinated omission, as wrk2).
 */
public final class LoadRun {
    /** The stream of the open model's dispatcher (users' streams are their numbers). */
    private static final int DISPATCHER_STREAM = -1;

    /** Told of every request as it ends (a Locust worker's own statistics); on the transport's thread. */
    @FunctionalInterface
    public interface RequestObserver {
        RequestObserver NONE = (method, name, latencyNanos, bytes, error) -> {};

        /** {@code error} is null for a success. */
        void ended(String method, String name, long latencyNanos, int bytes, String error);
    }

    private final LoadSettings settings;
    private final LoadScenario scenario;
    private final HttpTransport transport;
    private final Map<String, EndpointStats> endpoints = new ConcurrentHashMap<>();
    private final Map<LoadResult.Failure, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean stopping;
    private volatile long deadline;
    private RequestObserver observer = RequestObserver.NONE;
    private java.util.function.IntSupplier userTarget;

    public LoadRun(LoadSettings settings, LoadScenario scenario, HttpTransport transport) {
        this.settings = settings;
        this.scenario = scenario;
        this.transport = transport;
    }

    /** Tells {@code observer} of every request as it ends, besides recording it. */
    public LoadRun observe(RequestObserver observer) {
        this.observer = observer;
        return this;
    }

    /**
     * The closed model's users come from {@code target} (a Locust master's spawn messages) instead
     * of the spawn rate or stages, until {@link #stop}.
     */
    public LoadRun usersFrom(java.util.function.IntSupplier target) {
        this.userTarget = target;
        return this;
    }

    /** Users running now (closed model). */
    public int users() {
        return activeUsers.get();
    }

    /** Runs for the run time (or the stages), reporting an interval every second; {@link #stop} ends it early. */
    public LoadResult run(LoadListener listener) {
        IntervalReporter reporter = new IntervalReporter(endpoints, activeUsers, listener);
        long start = System.nanoTime();
        deadline = start + settings.runTime().toNanos();
        reporter.start(start);
        try {
            if (settings.model() instanceof LoadSettings.Open open) {
                dispatch(start, open);
            } else {
                runUsers(start, (LoadSettings.Closed) settings.model());
            }
        } finally {
            stopping = true;
            awaitInFlight();
            reporter.stop();
        }
        return result(reporter.elapsed());
    }

    /** Asks the run to end now (Ctrl-C): requests in flight finish; results are kept. */
    public void stop() {
        stopping = true;
    }

    /** One simulated user: its lane, its random stream, and whether it was asked to stop. */
    private final class User {
        final int number;
        final HttpTransport.Channel channel = transport.open();
        final RowRandom random = new RowRandom();
        long iteration;
        volatile boolean retiring;

        User(int number) {
            this.number = number;
        }

        void start() {
            activeUsers.incrementAndGet();
            next();
        }

        /** The next request, or the end of this user; called again from each completion. */
        void next() {
            if (stopping || retiring || System.nanoTime() - deadline >= 0) {
                channel.close();
                activeUsers.decrementAndGet();
                return;
            }
            Request request = scenario.next(random.reset(settings.seed(), number, iteration++));
            send(channel, request, 0, this::next);
        }
    }

    /**
     * Starts and retires users toward the target: the spawn rate up to --users, or the stages'
     * ramp; users retire newest first, after their request in flight.
     */
    private void runUsers(long start, LoadSettings.Closed closed) {
        Deque<User> users = new ArrayDeque<>();
        int next = 0;
        while (!stopping && System.nanoTime() - deadline < 0) {
            long elapsed = System.nanoTime() - start;
            int target = userTarget != null
                    ? userTarget.getAsInt()
                    : settings.stages().isEmpty()
                            ? (int) Math.min(closed.users(), Math.floor(closed.spawnRate() * elapsed / 1e9) + 1)
                            : (int) Math.round(Stage.at(settings.stages(), elapsed));
            while (users.size() < target && !stopping) {
                User user = new User(next++);
                users.push(user);
                user.start();
            }
            while (users.size() > target) {
                users.pop().retiring = true;
            }
            // A steady --users target needs no 5 ms turns: 200 wake-ups a second were ~3% of a
            // 100-user run's CPU (per-thread CPU, 2 cores); then it wakes at the deadline, and sees
            // a stop (Ctrl-C) within 100 ms.
            boolean settled = userTarget == null && settings.stages().isEmpty() && users.size() >= closed.users();
            long turn = TimeUnit.MILLISECONDS.toNanos(settled ? 100 : 5);
            LockSupport.parkNanos(Math.min(turn, deadline - System.nanoTime()));
        }
    }

    /**
     * Sends each request when it is due: the transport's threads share the requests in turn
     * (thread k sends requests k, k + n, k + 2n, ... of n threads, as wrk2's threads share the
     * rate), each from a {@link HttpTransport.Ticker} on its own thread that sends what fell due
     * since its last turn; a request due while --max-in-flight are out is dropped, or sent when one
     * ends ({@link LoadSettings.WhenBusy}). Latency counts
     * from when each was due, so a request sent late is measured as late as it was.
     */
    private void dispatch(long start, LoadSettings.Open open) {
        Queue<HttpTransport.Channel> all = new ConcurrentLinkedQueue<>();
        int threads = transport.threads();
        CountDownLatch sent = new CountDownLatch(threads);
        for (int thread = 0; thread < threads; thread++) {
            transport.repeat(thread, new Dispatcher(start, open, thread, threads, all, sent));
        }
        // the dispatchers end after their last request, which may fall due a tick before the deadline
        // and go out a little after it: waiting only for the deadline lost it
        while (!stopping && !awaitQuietly(sent)) {
            // until every dispatcher has sent its share, or the run is stopped
        }
        sleepUntil(deadline);
        stopping = true;
        awaitInFlight();
        all.forEach(HttpTransport.Channel::close);
    }

    /**
     * How long after the run's end a waiting request may still go out: one due just before the
     * end that a busy loop reaches just after it is sent, as in the dropping model; what still
     * waits then is counted as dropped.
     */
    private static final long END_OF_WAITING_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** One transport thread's share of the open model's requests, and its idle lanes. */
    private final class Dispatcher implements HttpTransport.Ticker {
        private final long start;
        private final LoadSettings.Open open;
        private final int step;
        private final Queue<HttpTransport.Channel> all;
        private final Deque<HttpTransport.Channel> idle = new ConcurrentLinkedDeque<>();
        private final RowRandom random = new RowRandom();
        private final CountDownLatch sent;
        private long i;

        Dispatcher(
                long start,
                LoadSettings.Open open,
                int first,
                int step,
                Queue<HttpTransport.Channel> all,
                CountDownLatch sent) {
            this.start = start;
            this.open = open;
            this.i = first;
            this.step = step;
            this.all = all;
            this.sent = sent;
        }

        @Override
        public long tick(long now) {
            for (; ; i += step) {
                long due = settings.stages().isEmpty()
                        ? (long) (i * 1e9 / open.ratePerSecond())
                        : Stage.dueNanos(settings.stages(), i);
                if (stopping || due < 0 || due >= settings.runTime().toNanos()) {
                    sent.countDown();
                    return -1;
                }
                long intended = start + due;
                if (intended - now > 0) {
                    return intended - now;
                }
                boolean waits = open.whenBusy() == LoadSettings.WhenBusy.WAIT;
                if (waits && now - deadline >= END_OF_WAITING_NANOS) {
                    dropped.increment(); // still waiting for a lane when the run ended
                    continue;
                }
                if (inFlight.get() >= open.maxInFlight()) {
                    if (waits) {
                        return HttpTransport.Ticker.UNTIL_A_LANE_FREES;
                    }
                    dropped.increment();
                    continue;
                }
                send(intended);
            }
        }

        private void send(long intended) {
            Request request = scenario.next(random.reset(settings.seed(), DISPATCHER_STREAM, i));
            HttpTransport.Channel polled = idle.pollFirst();
            HttpTransport.Channel channel;
            if (polled != null) {
                channel = polled;
            } else {
                channel = transport.open();
                all.add(channel);
            }
            inFlight.incrementAndGet();
            LoadRun.this.send(channel, request, intended, () -> {
                idle.addFirst(channel);
                inFlight.decrementAndGet();
            });
        }
    }

    /**
     * Sends one request and records it when it ends; {@code intendedStart} is 0 in the closed
     * model; {@code then} runs after recording (the user's next request, or freeing the lane).
     */
    private void send(HttpTransport.Channel channel, Request request, long intendedStart, Runnable then) {
        EndpointStats stats = endpoints.computeIfAbsent(
                EndpointStats.key(request.method(), request.name()),
                key -> new EndpointStats(request.method(), request.name(), settings.openModel()));
        long sent = System.nanoTime();
        if (settings.model() instanceof LoadSettings.Closed) {
            inFlight.incrementAndGet();
        }
        channel.send(request, new HttpTransport.Completion() {
            @Override
            public void response(int status, byte[] body, int length) {
                end(
                        request,
                        stats,
                        sent,
                        intendedStart,
                        length,
                        request.expect().failure(status, body, length),
                        then);
            }

            @Override
            public void failure(String error) {
                end(request, stats, sent, intendedStart, 0, error, then);
            }
        });
    }

    private void end(
            Request request,
            EndpointStats stats,
            long sent,
            long intendedStart,
            int bytes,
            String error,
            Runnable then) {
        long end = System.nanoTime();
        stats.record(end - sent, intendedStart > 0 ? end - intendedStart : 0, bytes, error != null);
        observer.ended(request.method(), request.name(), end - sent, bytes, error);
        if (error != null) {
            failures.computeIfAbsent(
                            new LoadResult.Failure(request.method(), request.name(), error), k -> new LongAdder())
                    .increment();
        }
        if (settings.model() instanceof LoadSettings.Closed) {
            inFlight.decrementAndGet();
        }
        then.run();
    }

    /** Waits until no request is in flight, at most the request timeout and a second. */
    private void awaitInFlight() {
        long end = System.nanoTime() + settings.transport().timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    private LoadResult result(Duration elapsed) {
        List<LoadResult.Endpoint> list = new ArrayList<>();
        endpoints.values().stream().sorted((a, b) -> a.key().compareTo(b.key())).forEach(e -> list.add(e.result()));
        Map<LoadResult.Failure, Long> failed = new java.util.LinkedHashMap<>();
        failures.forEach((k, v) -> failed.put(k, v.sum()));
        return new LoadResult(list, failed, elapsed, settings.openModel(), dropped.sum());
    }

    /** Waits up to 100 ms for {@code latch}; whether it reached zero. */
    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void sleepUntil(long nanoTime) {
        long wait;
        while (!stopping && (wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000L));
        }
    }
}
