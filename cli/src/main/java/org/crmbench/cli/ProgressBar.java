package org.crmbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.crmbench.generate.LoadProgress;

/**
 * Draws a load's progress: on a terminal a bar redrawn in place (rows, rows/s, ETA); otherwise one
 * line per phase, so logs of scripted runs stay readable.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_MS = 250;

    private final PrintWriter err;
    private final LoadProgress progress;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private String lastPhase = "";
    private boolean closed;

    private ProgressBar(PrintWriter err, LoadProgress progress, boolean terminal) {
        this.err = err;
        this.progress = progress;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
    }

    static ProgressBar start(PrintWriter err, LoadProgress progress) {
        ProgressBar bar = new ProgressBar(err, progress, Terminal.attached());
        bar.timer.scheduleAtFixedRate(bar::draw, 0, REDRAW_MS, TimeUnit.MILLISECONDS);
        return bar;
    }

    private synchronized void draw() {
        if (closed) {
            return;
        }
        String phase = progress.phase();
        if (!terminal) {
            if (!phase.equals(lastPhase)) {
                err.printf(Locale.ROOT, "%s (%.1f s)%n", phase, elapsedSeconds());
                err.flush();
            }
            lastPhase = phase;
            return;
        }
        err.print("\r\033[K" + line(phase));
        err.flush();
        lastPhase = phase;
    }

    private String line(String phase) {
        long done = progress.rowsLoaded();
        long total = progress.totalRows();
        double seconds = elapsedSeconds();
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) (fraction * WIDTH);
        double rate = done / Math.max(seconds, 1e-3);
        String eta = done == 0 || done >= total ? "" : "  ETA " + clock((total - done) / rate);
        return String.format(
                Locale.ROOT,
                "%-16s [%s%s] %,d / %,d rows  %,.0f rows/s%s  %s",
                phase,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                done,
                total,
                rate,
                eta,
                clock(seconds));
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        draw();
        closed = true;
        timer.shutdownNow();
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
