package org.crmbench.jmh;

import java.util.concurrent.TimeUnit;
import org.crmbench.generate.CopyBuffer;
import org.crmbench.generate.Dataset;
import org.crmbench.generate.TableRows;
import org.crmbench.generate.ValuePools;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second one thread generates into COPY text, per table: the rate crmbench generate can
 * feed PostgreSQL with. Compare with the rows/s generate reports for the same table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RowGeneratorBenchmark {
    private static final long USERS = 3_000_000;
    private static final int FLUSH_BYTES = 256 * 1024;

    @Param({"app_user", "address", "customer_relationship"})
    public String table;

    private TableRows rows;
    private CopyBuffer out;
    private long id;

    @Setup
    public void setUp() {
        Dataset dataset = new Dataset(42, USERS, ValuePools.forSeed(42));
        rows = dataset.tables().stream()
                .filter(t -> t.table().getName().equals(table))
                .findFirst()
                .orElseThrow();
        out = new CopyBuffer(FLUSH_BYTES + 4096);
    }

    /** One row, as the loader writes it: into a buffer flushed (here: cleared) every 256 KiB. */
    @Benchmark
    public int row() {
        if (out.length() >= FLUSH_BYTES) {
            out.clear();
        }
        rows.write(1 + id++ % USERS, out);
        return out.length();
    }
}
