package org.crmbench.jmh;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SynchronizedHistogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one latency, the cost paid per request: a plain Histogram (bench, one thread per
 * histogram), a Recorder (load, many user threads writing while the reporter reads intervals),
 * and a SynchronizedHistogram (the locking alternative), alone and with two threads writing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistogramRecordingBenchmark {
    private static final long HIGHEST_US = 3_600_000_000L;

    /** Latencies from 100 µs to ~100 ms, spread over the histogram's buckets. */
    @State(Scope.Thread)
    public static class Values {
        private long state = 42;

        long next() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return 100 + ((state >>> 33) % 100_000);
        }
    }

    @State(Scope.Thread)
    public static class OwnHistogram {
        final Histogram histogram = new Histogram(HIGHEST_US, 3);
    }

    @State(Scope.Group)
    public static class Shared {
        final Recorder recorder = new Recorder(HIGHEST_US, 3);
        final SynchronizedHistogram synchronizedHistogram = new SynchronizedHistogram(HIGHEST_US, 3);
    }

    @Benchmark
    public void histogram(OwnHistogram h, Values v) {
        h.histogram.recordValue(v.next());
    }

    @Benchmark
    @Group("recorder")
    @GroupThreads(1)
    public void recorder(Shared s, Values v) {
        s.recorder.recordValue(v.next());
    }

    @Benchmark
    @Group("synchronizedHistogram")
    @GroupThreads(1)
    public void synchronizedHistogram(Shared s, Values v) {
        s.synchronizedHistogram.recordValue(v.next());
    }

    @Benchmark
    @Group("recorderTwoThreads")
    @GroupThreads(2)
    public void recorderTwoThreads(Shared s, Values v) {
        s.recorder.recordValue(v.next());
    }

    @Benchmark
    @Group("synchronizedHistogramTwoThreads")
    @GroupThreads(2)
    public void synchronizedHistogramTwoThreads(Shared s, Values v) {
        s.synchronizedHistogram.recordValue(v.next());
    }
}
