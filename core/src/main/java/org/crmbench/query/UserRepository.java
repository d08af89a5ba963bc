package org.crmbench.query;

import static org.crmbench.jooq.Tables.APP_USER;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Field;

/**
 * Runs the API's requests on a connection: a list page and its count, the lookup by id. What the
 * server answers and what {@code bench} measures is this code, statement for statement: bench
 * learns which statements a request ran by passing a listener, not by asking a second time.
 */
public final class UserRepository {
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");
    private static final List<Field<?>> COLUMNS = UserRow.columns();

    /** Told of every statement as it is executed. */
    public static final Consumer<SqlStatement> NO_LISTENER = statement -> {};

    private final UserQueries queries;

    public UserRepository(UserQueries queries) {
        this.queries = queries;
    }

    public UserQueries queries() {
        return queries;
    }

    public UserPage list(Connection c, ListRequest request) throws SQLException {
        return list(c, request, NO_LISTENER);
    }

    /**
     * The page, and the count of all matching users. A filtered page number asks the planner's
     * estimate first: below {@link UserQueries#EXACT_COUNT_LIMIT} ({@link
     * UserQueries#SEARCH_EXACT_COUNT_LIMIT} with a search) the page counts its rows in the
     * same pass ({@link UserQueries#pageWithTotal}); above it the estimate is the count, unless the
     * page is the last one, whose total is known without counting. Otherwise see {@link #count}.
     */
    public UserPage list(Connection c, ListRequest request, Consumer<SqlStatement> executed) throws SQLException {
        if (request.position() instanceof ListRequest.Page page
                && !request.filter().isEmpty()) {
            long estimate = countEstimate(c, request.filter(), executed);
            if (estimate < UserQueries.exactCountLimit(request.filter())) {
                return counted(c, request, page, executed);
            }
            List<UserRow> rows = rows(c, queries.page(request), executed);
            return known(rows, request, page).orElseGet(() -> new UserPage(rows, new Count(estimate, true)));
        }
        List<UserRow> rows = rows(c, queries.page(request), executed);
        if (request.position() instanceof ListRequest.Page page) {
            Optional<UserPage> known = known(rows, request, page);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return new UserPage(rows, count(c, request.filter(), executed));
    }

    /** A page that carries the exact total. */
    private UserPage counted(Connection c, ListRequest request, ListRequest.Page page, Consumer<SqlStatement> executed)
            throws SQLException {
        Rows counted = read(c, queries.pageWithTotal(request), executed, true);
        List<UserRow> rows = counted.rows();
        if (!rows.isEmpty()) {
            return new UserPage(rows, new Count(counted.total(), false));
        }
        return page.number() == 1 ? new UserPage(rows, new Count(0, false)) : UserPage.pastTheEnd();
    }

    /**
     * A page number's rows when they need no count: the last page (fewer rows than asked for: the
     * total is known) and a page past the end (empty, after the first: nothing to count for a 404).
     */
    private static Optional<UserPage> known(List<UserRow> rows, ListRequest request, ListRequest.Page page) {
        if (rows.isEmpty() && page.number() > 1) {
            return Optional.of(UserPage.pastTheEnd());
        }
        if (rows.size() < request.pageSize()) {
            return Optional.of(new UserPage(rows, new Count(request.offset() + rows.size(), false)));
        }
        return Optional.empty();
    }

    public Optional<UserRow> lookup(Connection c, long userId) throws SQLException {
        return lookup(c, userId, NO_LISTENER);
    }

    public Optional<UserRow> lookup(Connection c, long userId, Consumer<SqlStatement> executed) throws SQLException {
        List<UserRow> rows = rows(c, queries.lookup(userId), executed);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** The users of {@link UserQueries#lookupAll} by id; an id that does not exist is absent. */
    public Map<Long, UserRow> lookupAll(Connection c, long[] userIds, Consumer<SqlStatement> executed)
            throws SQLException {
        Map<Long, UserRow> found = new HashMap<>(userIds.length * 2);
        for (UserRow row : rows(c, queries.lookupAll(userIds), executed)) {
            found.put(row.get(APP_USER.ID), row);
        }
        return found;
    }

    /**
     * A count that stays fast at millions of rows: the planner's estimate, made exact when it is
     * small enough to count quickly ({@link UserQueries#EXACT_COUNT_LIMIT}).
     */
    public Count count(Connection c, UserFilter filter, Consumer<SqlStatement> executed) throws SQLException {
        long estimate = countEstimate(c, filter, executed);
        if (filter.isEmpty() || estimate >= UserQueries.exactCountLimit(filter)) {
            return new Count(estimate, true);
        }
        return new Count(countExact(c, filter, executed), false);
    }

    public long countExact(Connection c, UserFilter filter, Consumer<SqlStatement> executed) throws SQLException {
        return singleLong(c, queries.countExact(filter), executed);
    }

    public long countEstimate(Connection c, UserFilter filter, Consumer<SqlStatement> executed) throws SQLException {
        SqlStatement statement = queries.countEstimate(filter);
        if (filter.isEmpty()) {
            return Math.max(0, singleLong(c, statement, executed));
        }
        executed.accept(statement);
        try (PreparedStatement ps = statement.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Matcher m = PLAN_ROWS.matcher(rs.getString(1));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private static long singleLong(Connection c, SqlStatement statement, Consumer<SqlStatement> executed)
            throws SQLException {
        executed.accept(statement);
        try (PreparedStatement ps = statement.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of {@link UserQueries#columns()}, each value read as its column's Java type. */
    private static List<UserRow> rows(Connection c, SqlStatement statement, Consumer<SqlStatement> executed)
            throws SQLException {
        return read(c, statement, executed, false).rows();
    }

    /** A statement's rows, and the total of matching users its last column holds (-1 without it). */
    private record Rows(List<UserRow> rows, long total) {}

    private static Rows read(Connection c, SqlStatement statement, Consumer<SqlStatement> executed, boolean withTotal)
            throws SQLException {
        executed.accept(statement);
        try (PreparedStatement ps = statement.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            List<UserRow> rows = new ArrayList<>();
            long total = -1;
            Object[] values = new Object[COLUMNS.size()];
            while (rs.next()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(i + 1, COLUMNS.get(i).getType());
                }
                rows.add(new UserRow(java.util.Arrays.asList(values)));
                if (withTotal) {
                    total = rs.getLong(values.length + 1);
                }
            }
            return new Rows(rows, total);
        }
    }
}
