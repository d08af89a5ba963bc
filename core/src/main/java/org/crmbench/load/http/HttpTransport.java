package org.crmbench.load.http;

import java.util.concurrent.locks.LockSupport;
import org.crmbench.load.scenario.Request;

/**
 * How load sends requests: asynchronously, the response (or why there was none) handed to a
 * callback on the transport's own thread. A {@link Channel} is one simulated user's lane: one
 * request at a time, over one connection in HTTP/1.1.
 */
public interface HttpTransport extends AutoCloseable {
    /** A new lane; opened on one of the transport's own threads (in a {@link Ticker}), it is that thread's. */
    Channel open();

    /** How many threads the transport sends from: the open model runs a {@link Ticker} on each. */
    default int threads() {
        return 1;
    }

    /**
     * Runs {@code ticker} on the transport's thread {@code thread} (0 to {@link #threads()} - 1)
     * whenever it is due, until it says it is done. Here, on a thread of its own that sleeps at
     * least a millisecond between turns; an event loop runs it between its selects instead, so
     * what it sends needs no hand-off from another thread.
     */
    default void repeat(int thread, Ticker ticker) {
        Thread.ofPlatform().daemon().name("load-dispatch-" + thread).start(() -> {
            for (long wait; (wait = ticker.tick(System.nanoTime())) >= 0; ) {
                // nothing tells this thread when a lane frees: it looks again after the shortest wait
                LockSupport.parkNanos(
                        wait == Ticker.UNTIL_A_LANE_FREES
                                ? Ticker.MIN_WAIT_NANOS
                                : Math.max(wait, Ticker.MIN_WAIT_NANOS));
            }
        });
    }

    /** Work a transport thread does in turns: the open model's dispatcher sends what fell due. */
    @FunctionalInterface
    interface Ticker {
        /** The shortest wait between two turns (a turn sends everything that fell due meanwhile). */
        long MIN_WAIT_NANOS = 1_000_000;

        /**
         * What {@link #tick} returns when nothing can go out until a request in flight ends. An event
         * loop runs its tickers after the completions of each select anyway, so it sets no timer for
         * this: without that wake every millisecond, to find every lane still busy, the open model at
         * wrk's rate costs 0.85x its CPU per request in the steady window, in both runs of
         * scripts/compare-load-builds.sh 13ad2461 3 20 100 (reports/load-builds*.txt).
         */
        long UNTIL_A_LANE_FREES = Long.MAX_VALUE;

        /** Does what is due at {@code now}; returns the nanoseconds until the next turn is due, or -1 when done. */
        long tick(long now);
    }

    @Override
    void close();

    /** One user's lane to the server. */
    interface Channel extends AutoCloseable {
        /** Sends {@code request}; exactly one of {@code completion}'s methods is called, later, once. */
        void send(Request request, Completion completion);

        @Override
        void close();
    }

    /** The end of one request. */
    interface Completion {
        /** A response: status and the first {@code length} bytes of {@code body} (all of it). */
        void response(int status, byte[] body, int length);

        /** No response: the reason, as a failure names it ("timeout after 10 s", "connection refused"). */
        void failure(String error);
    }
}
