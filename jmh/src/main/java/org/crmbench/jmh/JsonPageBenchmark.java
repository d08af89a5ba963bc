package org.crmbench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crmbench.query.Count;
import org.crmbench.query.UserPage;
import org.crmbench.query.UserRow;
import org.crmbench.server.UserJson;
import org.jooq.Field;
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
 * The JSON of one /api/users/ page (50 users with address and relationship, as JDBC returns
 * their values): crmbench's streaming encoder against the obvious alternative, nested maps per
 * row serialized by an ObjectMapper.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class JsonPageBenchmark {
    private static final int PAGE_SIZE = 50;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Field<?>> columns = UserRow.columns();
    private UserPage page;

    @Setup
    public void setUp() {
        List<UserRow> rows = new ArrayList<>();
        for (int r = 0; r < PAGE_SIZE; r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                row.add(value(columns.get(c).getType(), r, c));
            }
            rows.add(new UserRow(row));
        }
        page = new UserPage(rows, new Count(3_000_000, true));
    }

    /** A value of the column's Java type (what the repository reads from JDBC). */
    private static Object value(Class<?> type, int row, int column) {
        long n = 1_000_000L + row * 31L + column;
        if (type == Long.class) {
            return n;
        }
        if (type == Integer.class || type == Short.class) {
            return (int) (n % 5000);
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(n * 7, 2);
        }
        if (type == Boolean.class) {
            return row % 2 == 0;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(1980, 1, 1).plusDays(n % 15_000);
        }
        if (type == OffsetDateTime.class) {
            return Instant.ofEpochMilli(1_420_070_400_000L + n * 97_000).atOffset(ZoneOffset.UTC);
        }
        return "Schuppe-" + (n % 1000);
    }

    @Benchmark
    public byte[] crmbench() {
        return UserJson.page(page, "http://127.0.0.1:8000/api/users/?page=2", null);
    }

    @Benchmark
    public byte[] objectMapperMaps() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", page.count().orElseThrow().value());
        body.put("count_is_estimate", page.count().orElseThrow().estimate());
        body.put("next", "http://127.0.0.1:8000/api/users/?page=2");
        body.put("previous", null);
        List<Map<String, Object>> results = new ArrayList<>();
        for (UserRow row : page.rows()) {
            Map<String, Object> user = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Object value = row.value(c);
                user.put(
                        columns.get(c).getName(),
                        value instanceof OffsetDateTime t ? t.toInstant().toString() : value);
            }
            results.add(user);
        }
        body.put("results", results);
        return mapper.writeValueAsBytes(body);
    }
}
