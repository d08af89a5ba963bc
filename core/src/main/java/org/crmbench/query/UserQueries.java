package org.crmbench.query;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;
import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.ArrayList;
import java.util.List;
import org.crmbench.jooq.tables.records.UserListRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SelectLimitStep;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The SQL the API runs, built with the generated tables. A list page is sorted and limited on the
 * read table {@code user_list} (one index range scan for any filter and ordering) and read from
 * it; counts stay fast at millions of rows; the lookup by id joins the three tables, the source of
 * truth. {@code bench} measures exactly these statements.
 */
public final class UserQueries {
    /**
     * Below this estimate a filtered count is exact; above it the planner's estimate is returned.
     * The planner's estimate of a value outside its sample's commonest (per tier partition) can be
     * several times too low: at 3,000,000 users 38 names and cities with 5,000-9,000 users were
     * estimated under a third of that (a limit of 1,000 reported those estimates). Below 10,000 a
     * page number's rows are read from a filter's index and counted in the same pass
     * ({@link #pageWithTotal}), so an exact count costs little more than the page.
     */
    public static final long EXACT_COUNT_LIMIT = 10_000;

    /**
     * The same limit for a request with a search: its rows are not in an index that could count
     * them. Each match is a heap row to fetch and recheck (a trigram index holds the text's
     * three-character pieces, not the text), several times the cost of an index entry; the
     * search shapes of {@code bench --surface} measure what this limit costs.
     */
    public static final long SEARCH_EXACT_COUNT_LIMIT = 1_000;

    /** Below this estimate the filter's count is exact. */
    static long exactCountLimit(UserFilter filter) {
        return filter.search().isPresent() ? SEARCH_EXACT_COUNT_LIMIT : EXACT_COUNT_LIMIT;
    }

    /**
     * The read table's primary key, (user_id, tier_key): the table is partitioned by tier, so a
     * page's rows are read back by both columns and each one probes a single partition.
     */
    private static final List<TableField<UserListRecord, ?>> KEY =
            USER_LIST.getPrimaryKey().getFields();

    private static final String PAGE = "page";
    private static final String TOTAL = "total";
    private static final String ROW = "row";

    private final DSLContext dsl;
    /** The lookup runs thousands of times a second: its SQL is rendered once, only the id is bound. */
    private final String lookupSql;
    /** Many lookups in one statement ({@link #lookupAll}), rendered once like the single one. */
    private final String lookupAllSql;

    public UserQueries(DSLContext dsl) {
        this.dsl = dsl;
        this.lookupSql = dsl.render(joinedTables(dsl.select(UserRow.columns())).where(APP_USER.ID.eq(0L)));
        this.lookupAllSql = dsl.render(joinedTables(dsl.select(UserRow.columns()))
                .where(APP_USER.ID.eq(
                        DSL.any(DSL.val(new Long[0], APP_USER.ID.getDataType().getArrayDataType())))));
    }

    /**
     * One page: the ids (and sort values) of the page from the read table's indexes alone (an
     * index-only scan, however deep the OFFSET), then each of those rows by primary key, in order.
     */
    public SqlStatement page(ListRequest request) {
        return page(request, false);
    }

    /**
     * {@link #page} with one more column after the row's: how many users match the filter in all
     * ({@code count(*) over ()}). When the filter matches few users the page reads them all
     * anyway, and counting them in the same pass halves the cost of a page and its count (a
     * separate count read first_name=lamar&city=london's 31,000 index entries a second time).
     * Only for a page number: after a cursor, the window would count the rows after it.
     */
    public SqlStatement pageWithTotal(ListRequest request) {
        if (!(request.position() instanceof ListRequest.Page)) {
            throw new IllegalArgumentException("a total in the page is for page numbers, not cursors");
        }
        return page(request, true);
    }

    private SqlStatement page(ListRequest request, boolean withTotal) {
        Ordering ordering = request.ordering();
        List<Field<?>> sortColumns = ordering.listColumns();
        List<Field<?>> pageColumns = new ArrayList<>(sortColumns);
        KEY.stream().filter(k -> !pageColumns.contains(k)).forEach(pageColumns::add);
        if (withTotal) {
            pageColumns.add(DSL.count().over().as(TOTAL));
        }
        SelectLimitStep<Record> sorted = dsl.select(pageColumns)
                .from(USER_LIST)
                .where(request.filter().condition())
                .and(after(request))
                .orderBy(ordering.sort(sortColumns));
        Table<?> page = (request.offset() > 0
                        ? sorted.limit(request.pageSize()).offset(request.offset())
                        : sorted.limit(request.pageSize()))
                .asTable(PAGE);
        Table<?> row = USER_LIST.as(ROW);
        List<Field<?>> selected = new ArrayList<>(UserRow.columns().stream()
                .map(c -> row.field(UserList.columnOf(c)))
                .toList());
        if (withTotal) {
            selected.add(page.field(TOTAL));
        }
        return render(dsl.select(selected)
                .from(page)
                .join(row)
                .on(DSL.and(KEY.stream().map(k -> sameValue(row, page, k)).toList()))
                .orderBy(ordering.sort(sortColumns.stream().map(page::field).toList())));
    }

    @SuppressWarnings("unchecked")
    private static Condition sameValue(Table<?> a, Table<?> b, Field<?> column) {
        return ((Field<Object>) a.field(column)).eq((Field<Object>) b.field(column));
    }

    /** (sort value, id) beyond the cursor's, in the ordering's direction; nothing for a page number. */
    private static Condition after(ListRequest request) {
        if (!(request.position() instanceof ListRequest.After after)) {
            return DSL.noCondition();
        }
        Ordering ordering = request.ordering();
        if (ordering.key() == Ordering.Key.ID) {
            return ordering.descending() ? USER_LIST.USER_ID.lt(after.id()) : USER_LIST.USER_ID.gt(after.id());
        }
        @SuppressWarnings("unchecked")
        Field<Object> column = (Field<Object>) ordering.key().listColumn();
        var row = DSL.row(column, USER_LIST.USER_ID);
        var cursor = DSL.row(DSL.val(ordering.key().listValue(after.value()), column), DSL.val(after.id()));
        return ordering.descending() ? row.lt(cursor) : row.gt(cursor);
    }

    public SqlStatement lookup(long userId) {
        return new SqlStatement(lookupSql, List.of(userId));
    }

    /**
     * The users with these ids, in one statement ({@code id = any(?)}, one array bound): what the
     * server runs for lookups that wait for a connection together. Its plan is the single
     * lookup's, an index probe per id, so one statement costs one round trip and one executor
     * start-up for all of them.
     */
    public SqlStatement lookupAll(long[] userIds) {
        return new SqlStatement(lookupAllSql, List.of(userIds.clone()));
    }

    /** The exact number of users matching the filter. */
    public SqlStatement countExact(UserFilter filter) {
        return render(dsl.selectCount().from(USER_LIST).where(filter.condition()));
    }

    /** The planner's estimate of the matching rows ({@code EXPLAIN (FORMAT JSON)}, first "Plan Rows"). */
    public SqlStatement countEstimate(UserFilter filter) {
        if (filter.isEmpty()) {
            return render(dsl.select(DSL.field("reltuples::bigint", Long.class))
                    .from(DSL.table("pg_class"))
                    .where(DSL.field("oid").eq(DSL.field("?::regclass", Object.class, qualifiedName()))));
        }
        // EXPLAIN cannot take bind parameters: the filter values are inlined as escaped literals
        String select = dsl.renderInlined(dsl.selectOne().from(USER_LIST).where(filter.condition()));
        return new SqlStatement("explain (format json) " + select, List.of());
    }

    private static String qualifiedName() {
        return USER_LIST.getSchema().getName() + "." + USER_LIST.getName();
    }

    /** A list statement: planned for its values at every execution ({@link SqlStatement#plannedForItsValues}). */
    private SqlStatement render(Query query) {
        return new SqlStatement(dsl.render(query), dsl.extractBindValues(query), true);
    }

    /** The three tables joined by user: the lookup's FROM, and the source of the read table. */
    static SelectJoinStep<Record> joinedTables(org.jooq.SelectSelectStep<Record> select) {
        return select.from(APP_USER)
                .join(ADDRESS)
                .on(ADDRESS.USER_ID.eq(APP_USER.ID))
                .join(CUSTOMER_RELATIONSHIP)
                .on(CUSTOMER_RELATIONSHIP.USER_ID.eq(APP_USER.ID));
    }
}
