package org.crmbench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.crmbench.generate.CopyBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The COPY text encoder alone, on a row shaped like app_user (numbers, text, a date, a
 * timestamp), against the obvious alternative: String.format plus getBytes per row.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CopyEncoderBenchmark {
    private static final int FLUSH_BYTES = 256 * 1024;

    private final byte[] firstName = CopyBuffer.encode("Mellissa");
    private final byte[] lastName = CopyBuffer.encode("Schuppe");
    private final byte[] email = CopyBuffer.encode("mellissa.schuppe@predovic.io");
    private CopyBuffer out;
    private long id;

    @Setup
    public void setUp() {
        out = new CopyBuffer(FLUSH_BYTES + 4096);
    }

    @Benchmark
    public int copyBuffer() {
        if (out.length() >= FLUSH_BYTES) {
            out.clear();
        }
        long n = ++id;
        out.number(n).number(1_000_000_000L + n * 1000).number(n % 5000);
        out.text(firstName).text(lastName).text(email);
        out.date(10_000 + n % 20_000).timestamp(1_420_070_400L + n * 97).cents(n * 31);
        out.endRow();
        return out.length();
    }

    @Benchmark
    public int stringFormat() {
        long n = ++id;
        String row = String.format(
                "%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d.%02d%n",
                n,
                1_000_000_000L + n * 1000,
                n % 5000,
                "Mellissa",
                "Schuppe",
                "mellissa.schuppe@predovic.io",
                java.time.LocalDate.ofEpochDay(10_000 + n % 20_000),
                java.time.Instant.ofEpochSecond(1_420_070_400L + n * 97),
                n * 31 / 100,
                n * 31 % 100);
        return row.getBytes(StandardCharsets.UTF_8).length;
    }
}
