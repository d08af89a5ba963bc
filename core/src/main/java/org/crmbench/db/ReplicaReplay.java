package org.crmbench.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.crmbench.CrmbenchException;

/** Waiting for a streaming replica to have replayed what its primary wrote (indexes built, ANALYZE). */
public final class ReplicaReplay {
    private static final long POLL_MS = 50;

    private ReplicaReplay() {}

    /** Opens a pool on {@code replica}, refused (and closed) when it is not a streaming replica. */
    public static Database open(DbSettings replica) {
        Database opened = Database.open(replica);
        try {
            requireReplica(opened);
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Refuses a server that is not in recovery: measuring "on a replica" there would measure a primary. */
    public static void requireReplica(Database replica) {
        if (!Boolean.TRUE.equals(replica.dsl().fetchValue("select pg_is_in_recovery()"))) {
            throw new CrmbenchException(replica.target().redactedUrl()
                    + " is not a streaming replica (pg_is_in_recovery() is false): give a replica of the database"
                    + " the indexes are built on.");
        }
    }

    /**
     * Returns once {@code replica} has replayed the WAL {@code primary} had written when this was
     * called; fails after {@code timeout} with how far behind it still was. The insert position,
     * not the flushed one: the embedded server commits asynchronously (synchronous_commit=off), so
     * a commit can be visible on the primary before its WAL is flushed and sent.
     */
    public static void await(Database primary, Database replica, Duration timeout) {
        String target = String.valueOf(primary.dsl().fetchValue("select pg_current_wal_insert_lsn()::text"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object behind = replica.dsl()
                    .fetchValue(
                            "select pg_wal_lsn_diff({0}::pg_lsn, coalesce(pg_last_wal_replay_lsn(), '0/0'))", target);
            if (((Number) behind).longValue() <= 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new CrmbenchException("The replica " + replica.target().redactedUrl() + " is still " + behind
                        + " bytes of WAL behind the primary after " + timeout.toSeconds()
                        + " s; is it streaming? ('crmbench db status' shows its lag)");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmbenchException("Interrupted while waiting for the replica", e);
            }
        }
    }
}
