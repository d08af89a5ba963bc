package org.crmbench.jmh;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import java.util.concurrent.TimeUnit;
import org.crmbench.query.Filter;
import org.crmbench.query.ListRequest;
import org.crmbench.query.Ordering;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserFilter;
import org.crmbench.query.UserQueries;
import org.crmbench.query.UserRow;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SQL of a request: the lookup rendered by jOOQ on every request (what the server first did,
 * its top hotspot) against the cached lookup SQL crmbench uses now, and the list page, which is
 * still rendered per request because its filters and ordering vary.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SqlRenderingBenchmark {
    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    private final UserQueries queries = new UserQueries(dsl);
    private final ListRequest page3 = ListRequest.page(
            UserFilter.of(Filter.LAST_NAME, "smith").and(Filter.CITY, "vienna"), Ordering.DEFAULT, 3, 50);
    private long id;

    @Benchmark
    public SqlStatement lookupRenderedEachTime() {
        var query = dsl.select(UserRow.columns())
                .from(APP_USER)
                .join(ADDRESS)
                .on(ADDRESS.USER_ID.eq(APP_USER.ID))
                .join(CUSTOMER_RELATIONSHIP)
                .on(CUSTOMER_RELATIONSHIP.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(++id));
        return new SqlStatement(dsl.render(query), dsl.extractBindValues(query));
    }

    @Benchmark
    public SqlStatement lookupCached() {
        return queries.lookup(++id);
    }

    @Benchmark
    public SqlStatement filteredPageRendered() {
        return queries.page(page3);
    }
}
