package org.crmbench.db;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * How far behind a replica is, in time, from the primary's WAL position sampled now and then:
 * a replica that has replayed up to position R has everything the primary had written when it
 * passed R, a time found between the two samples around R; its lag is the time since.
 * PostgreSQL's own {@code replay_lag} is computed the same way (WAL positions and their times),
 * but only on the primary and only for replicas streaming from it; this works for any replica
 * the server reads from, by asking the replica its replay position. An idle primary's position
 * does not move, so a caught-up replica reads 0, not the time since the last commit (which
 * {@code now() - pg_last_xact_replay_timestamp()} would say).
 */
final class ReplayLag {
    private record Sample(long nanos, long position) {}

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final long keepNanos;

    /** @param keep how much history is kept: lags beyond it read as at least that long */
    ReplayLag(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /** The primary's WAL position (bytes) at {@code nanos} ({@link System#nanoTime()}). */
    synchronized void primaryAt(long nanos, long position) {
        samples.addLast(new Sample(nanos, position));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > keepNanos) {
            samples.removeFirst();
        }
    }

    /**
     * The lag, at {@code nanos}, of a replica that has replayed up to {@code replayed}; empty
     * before the primary was sampled. Caught up with the latest sample: zero. Between two
     * samples, the time the primary passed {@code replayed} is interpolated, as PostgreSQL's
     * walsender does for {@code replay_lag}: a replica a millisecond behind a primary that writes
     * all the time reads a millisecond, not the time between two samples.
     */
    synchronized Optional<Duration> of(long replayed, long nanos) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        if (samples.peekLast().position() <= replayed) {
            return Optional.of(Duration.ZERO);
        }
        long passedAt = samples.peekFirst().nanos(); // behind every sample kept: at least this long
        Sample later = null;
        for (Iterator<Sample> newestFirst = samples.descendingIterator(); newestFirst.hasNext(); ) {
            Sample s = newestFirst.next();
            if (s.position() <= replayed) {
                double fraction = (double) (replayed - s.position()) / (later.position() - s.position());
                passedAt = s.nanos() + (long) (fraction * (later.nanos() - s.nanos()));
                break;
            }
            later = s;
        }
        return Optional.of(Duration.ofNanos(Math.max(0, nanos - passedAt)));
    }
}
