package org.crmbench.query;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/**
 * The SQL the API runs, built with the generated tables: one joined query per page (no N+1),
 * counts that stay fast at millions of rows, and the lookup by user id. {@code bench} measures
 * exactly these statements.
 */
public final class UserQueries {
    /**
     * Below this estimate a filtered count is exact; above it the planner's estimate is returned.
     * Counting 10,000 index entries took ~18 ms at 1,000,000 users, ten times the page itself.
     */
    public static final long EXACT_COUNT_LIMIT = 1_000;

    private final DSLContext dsl;
    /** The lookup runs thousands of times a second: its SQL is rendered once, only the id is bound. */
    private final String lookupSql;

    public UserQueries(DSLContext dsl) {
        this.dsl = dsl;
        this.lookupSql = dsl.render(joined(dsl.select(columns())).where(APP_USER.ID.eq(0L)));
    }

    /** All columns of the three tables, user first: the shape of one API result. */
    public static List<Field<?>> columns() {
        List<Field<?>> fields = new ArrayList<>(List.of(APP_USER.fields()));
        fields.addAll(List.of(ADDRESS.fields()));
        fields.addAll(List.of(CUSTOMER_RELATIONSHIP.fields()));
        return fields;
    }

    /** One page by offset (page numbers, as Django REST framework's PageNumberPagination). */
    public SqlStatement page(UserFilter filter, Ordering ordering, long offset, int limit) {
        return render(joined(dsl.select(columns()))
                .where(filter.condition())
                .orderBy(ordering.sortFields())
                .limit(limit)
                .offset(offset));
    }

    /** The page after the row (value of the ordering column, user id), without OFFSET's cost. */
    public SqlStatement pageAfter(UserFilter filter, Ordering ordering, Object afterValue, long afterId, int limit) {
        Condition after;
        if (ordering.key() == Ordering.Key.ID) {
            after = ordering.descending() ? APP_USER.ID.lt(afterId) : APP_USER.ID.gt(afterId);
        } else {
            @SuppressWarnings("unchecked")
            Field<Object> field = (Field<Object>) ordering.key().field;
            var row = DSL.row(field, APP_USER.ID);
            after = ordering.descending()
                    ? row.lt(DSL.val(afterValue, field), DSL.val(afterId))
                    : row.gt(DSL.val(afterValue, field), DSL.val(afterId));
        }
        return render(joined(dsl.select(columns()))
                .where(filter.condition())
                .and(after)
                .orderBy(ordering.sortFields())
                .limit(limit));
    }

    public SqlStatement lookup(long userId) {
        return new SqlStatement(lookupSql, List.of(userId));
    }

    /** The exact number of users matching the filter. */
    public SqlStatement countExact(UserFilter filter) {
        return render(from(dsl.selectCount(), filter).where(filter.condition()));
    }

    /** The planner's estimate of the matching rows ({@code EXPLAIN (FORMAT JSON)}, first "Plan Rows"). */
    public SqlStatement countEstimate(UserFilter filter) {
        if (filter.isEmpty()) {
            return render(dsl.select(DSL.field("reltuples::bigint", Long.class))
                    .from(DSL.table("pg_class"))
                    .where(DSL.field("oid").eq(DSL.field("'crmbench.app_user'::regclass"))));
        }
        // EXPLAIN cannot take bind parameters: the filter values are inlined as escaped literals
        String select = dsl.renderInlined(from(dsl.selectOne(), filter).where(filter.condition()));
        return new SqlStatement("explain (format json) " + select, List.of());
    }

    private SelectJoinStep<Record> joined(org.jooq.SelectSelectStep<Record> select) {
        return select.from(APP_USER)
                .join(ADDRESS)
                .on(ADDRESS.USER_ID.eq(APP_USER.ID))
                .join(CUSTOMER_RELATIONSHIP)
                .on(CUSTOMER_RELATIONSHIP.USER_ID.eq(APP_USER.ID));
    }

    /** The tables a count needs: the joins only when a filter is on a joined table. */
    private <R extends Record> SelectJoinStep<R> from(org.jooq.SelectSelectStep<R> select, UserFilter filter) {
        if (!filter.needsJoins()) {
            return select.from(APP_USER);
        }
        return select.from(APP_USER)
                .join(ADDRESS)
                .on(ADDRESS.USER_ID.eq(APP_USER.ID))
                .join(CUSTOMER_RELATIONSHIP)
                .on(CUSTOMER_RELATIONSHIP.USER_ID.eq(APP_USER.ID));
    }

    private SqlStatement render(Query query) {
        return new SqlStatement(dsl.render(query), dsl.extractBindValues(query));
    }
}
