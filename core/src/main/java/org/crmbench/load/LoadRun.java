package org.crmbench.load;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.crmbench.generate.RowRandom;

/**
 * Drives the API like Locust, from virtual threads over keep-alive HTTP/1.1 connections. Closed
 * model: users start at the spawn rate and each loops request, response, next request. Open model
 * (--rate): a dispatcher sends requests at a constant total rate whatever the server does, and
 * latency is also counted from each request's intended start (coordinated omission, as wrk2).
 */
public final class LoadRun {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final long SEED = 42;

    /** What the CLI shows while a run goes on, and where the files go. */
    public interface Listener {
        /** Called once a second with the interval just finished. */
        void interval(LoadInterval interval);
    }

    private final LoadSettings settings;
    /**
     * Closed model: one platform thread per user, blocking on its own connection. Measured against
     * /health with 100 users: 0.19 CPU seconds per 10,000 requests, against 0.33 on virtual threads
     * (a virtual thread's blocking read goes through the JDK's poller). The open model's short
     * per-request tasks stay on virtual threads.
     */
    private final ExecutorService requests;
    /** Idle connections of the open model, reused by whichever request is sent next. */
    private final java.util.concurrent.ConcurrentLinkedDeque<HttpConnection> idle =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    private final Map<String, EndpointStats> endpoints = new ConcurrentHashMap<>();
    private final Map<LoadResult.Failure, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private volatile boolean stopping;

    public LoadRun(LoadSettings settings) {
        this.settings = settings;
        this.requests = settings.openModel()
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newThreadPerTaskExecutor(
                        Thread.ofPlatform().daemon().name("load-user-", 0).factory());
    }

    /** Checks the host answers and finds the dataset size; a host that cannot be reached is a LoadConnectException. */
    public long prepare() {
        if (settings.maxUserId() > 0
                || settings.scenario() == LoadScenario.USERS_LIST
                || settings.scenario() == LoadScenario.HEALTH) {
            get("/health");
            return Math.max(1, settings.maxUserId());
        }
        HttpConnection.Response page = get("/api/users/?page_size=1");
        Matcher m = COUNT.matcher(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8));
        if (page.status() != 200 || !m.find() || Long.parseLong(m.group(1)) < 1) {
            throw new CrmbenchException("Could not read the number of users from "
                    + settings.host().resolve("/api/users/") + " (HTTP " + page.status() + "); pass --max-user-id.");
        }
        return Long.parseLong(m.group(1));
    }

    /** Runs for the run time, reporting an interval every second; Ctrl-C (stop) ends it early. */
    public LoadResult run(long maxUserId, Listener listener) {
        IntervalReporter reporter = new IntervalReporter(endpoints, activeUsers, settings.openModel(), listener);
        long start = System.nanoTime();
        long deadline = start + settings.runTime().toNanos();
        reporter.start(start);
        try {
            if (settings.openModel()) {
                dispatchAtRate(start, deadline, maxUserId);
            } else {
                spawnUsers(deadline, maxUserId);
            }
        } finally {
            stopping = true;
            requests.shutdown();
            awaitInFlight();
            reporter.stop();
        }
        return result(reporter.elapsed());
    }

    /** Asks the run to end now (Ctrl-C): users finish their current request; results are kept. */
    public void stop() {
        stopping = true;
    }

    private void spawnUsers(long deadline, long maxUserId) {
        long periodNanos = (long) (1e9 / settings.spawnRate());
        long next = System.nanoTime();
        for (int user = 0; user < settings.users() && !stopping && System.nanoTime() < deadline; user++) {
            int id = user;
            requests.submit(() -> userLoop(id, deadline, maxUserId));
            next += periodNanos;
            sleepUntil(Math.min(next, deadline));
        }
        sleepUntil(deadline);
    }

    private void userLoop(int user, long deadline, long maxUserId) {
        activeUsers.incrementAndGet();
        try (HttpConnection connection = connection()) {
            RowRandom random = new RowRandom();
            for (long i = 0; !stopping && System.nanoTime() < deadline; i++) {
                LoadRequest request = settings.scenario().next(random.reset(SEED, user, i), maxUserId);
                send(connection, request, 0);
            }
        } finally {
            activeUsers.decrementAndGet();
        }
    }

    private void dispatchAtRate(long start, long deadline, long maxUserId) {
        double periodNanos = 1e9 / settings.ratePerSecond();
        RowRandom random = new RowRandom();
        for (long i = 0; !stopping; i++) {
            long intended = start + (long) (i * periodNanos);
            if (intended >= deadline) {
                break;
            }
            sleepUntil(intended);
            LoadRequest request = settings.scenario().next(random.reset(SEED, -1, i), maxUserId);
            requests.submit(() -> {
                HttpConnection polled = idle.pollFirst();
                HttpConnection connection = polled != null ? polled : connection();
                send(connection, request, intended);
                idle.addFirst(connection);
            });
        }
        sleepUntil(deadline);
    }

    private HttpConnection connection() {
        return new HttpConnection(settings.host(), (int) settings.timeout().toMillis());
    }

    /** Sends one request and records it; {@code intendedStart} 0 in the closed model. */
    private void send(HttpConnection connection, LoadRequest request, long intendedStart) {
        EndpointStats stats = endpoints.computeIfAbsent(request.name(), EndpointStats::new);
        long sent = System.nanoTime();
        String error;
        int bytes = 0;
        try {
            HttpConnection.Response response = connection.get(request.path());
            bytes = response.body().length;
            error = LoadScenario.failure(response);
        } catch (java.net.SocketTimeoutException e) {
            error = "timeout after " + settings.timeout().toSeconds() + " s";
        } catch (ConnectException e) {
            error = "connection refused";
        } catch (IOException e) {
            error = "connection: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        long end = System.nanoTime();
        stats.record(end - sent, intendedStart > 0 ? end - intendedStart : 0, bytes, error != null);
        if (error != null) {
            failures.computeIfAbsent(new LoadResult.Failure("GET", request.name(), error), k -> new LongAdder())
                    .increment();
        }
    }

    private HttpConnection.Response get(String path) {
        try (HttpConnection connection = connection()) {
            return connection.get(path);
        } catch (IOException e) {
            throw new LoadConnectException(
                    "Cannot connect to " + settings.host() + " ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "); is crmbench serve running there?",
                    e);
        }
    }

    private void awaitInFlight() {
        try {
            requests.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.shutdownNow();
        idle.forEach(HttpConnection::close);
    }

    private LoadResult result(Duration elapsed) {
        List<LoadResult.Endpoint> list = new ArrayList<>();
        endpoints.values().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .forEach(e -> list.add(new LoadResult.Endpoint(
                        e.name, e.requests.sum(), e.failures.sum(), e.contentBytes.sum(), e.total, e.totalIntended)));
        Map<LoadResult.Failure, Long> failed = new java.util.LinkedHashMap<>();
        failures.forEach((k, v) -> failed.put(k, v.sum()));
        return new LoadResult(list, failed, elapsed, settings.openModel(), settings.users());
    }

    private void sleepUntil(long nanoTime) {
        long wait;
        while (!stopping && (wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000L));
        }
    }
}
