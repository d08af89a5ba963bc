package org.crmbench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the API's requests on a connection: a page and its count, the lookup by id. What the
 * server answers and what {@code bench} measures is this code, statement for statement.
 */
public final class UserRepository {
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final UserQueries queries;

    public UserRepository(UserQueries queries) {
        this.queries = queries;
    }

    public UserQueries queries() {
        return queries;
    }

    /** Page {@code page} (1-based) of {@code pageSize} users, and the count. */
    public UserPage list(Connection c, UserFilter filter, Ordering ordering, long page, int pageSize)
            throws SQLException {
        long offset = (page - 1) * pageSize;
        List<Object[]> rows = fetch(c, queries.page(filter, ordering, offset, pageSize));
        if (isLastPage(rows, page, pageSize)) {
            return new UserPage(rows, new Count(offset + rows.size(), false));
        }
        return new UserPage(rows, count(c, filter));
    }

    /**
     * The SQL {@link #list} runs: the page, and the count statements unless the page is the last
     * one (then the total is known without counting).
     */
    public List<SqlStatement> listStatements(
            Connection c, UserFilter filter, Ordering ordering, long page, int pageSize) throws SQLException {
        SqlStatement pageQuery = queries.page(filter, ordering, (page - 1) * pageSize, pageSize);
        List<SqlStatement> statements = new ArrayList<>(List.of(pageQuery));
        if (!isLastPage(fetch(c, pageQuery), page, pageSize)) {
            statements.addAll(countStatements(c, filter));
        }
        return statements;
    }

    /**
     * A page with fewer rows than asked for is the last one, so the total is known; an empty page
     * after the first is past the end, where the total is not known.
     */
    private static boolean isLastPage(List<Object[]> rows, long page, int pageSize) {
        return rows.size() < pageSize && (page == 1 || !rows.isEmpty());
    }

    /** The page after a keyset cursor (ordering value and user id of the last row seen), and the count. */
    public UserPage listAfter(
            Connection c, UserFilter filter, Ordering ordering, Object afterValue, long afterId, int pageSize)
            throws SQLException {
        List<Object[]> rows = fetch(c, queries.pageAfter(filter, ordering, afterValue, afterId, pageSize));
        return new UserPage(rows, count(c, filter));
    }

    public Optional<Object[]> lookup(Connection c, long userId) throws SQLException {
        List<Object[]> rows = fetch(c, queries.lookup(userId));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /**
     * A count that stays fast at millions of rows: the planner's estimate, made exact when it is
     * small enough to count quickly ({@link UserQueries#EXACT_COUNT_LIMIT}).
     */
    public Count count(Connection c, UserFilter filter) throws SQLException {
        long estimate = countEstimate(c, filter);
        if (!countsExactly(filter, estimate)) {
            return new Count(estimate, true);
        }
        return new Count(countExact(c, filter), false);
    }

    /** The SQL {@link #count} runs for this filter, given the estimate it reads first. */
    public List<SqlStatement> countStatements(Connection c, UserFilter filter) throws SQLException {
        if (!countsExactly(filter, countEstimate(c, filter))) {
            return List.of(queries.countEstimate(filter));
        }
        return List.of(queries.countEstimate(filter), queries.countExact(filter));
    }

    private static boolean countsExactly(UserFilter filter, long estimate) {
        return !filter.isEmpty() && estimate < UserQueries.EXACT_COUNT_LIMIT;
    }

    public long countExact(Connection c, UserFilter filter) throws SQLException {
        return singleLong(c, queries.countExact(filter));
    }

    public long countEstimate(Connection c, UserFilter filter) throws SQLException {
        SqlStatement statement = queries.countEstimate(filter);
        if (filter.isEmpty()) {
            return Math.max(0, singleLong(c, statement));
        }
        try (PreparedStatement ps = prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Matcher m = PLAN_ROWS.matcher(rs.getString(1));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private static long singleLong(Connection c, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Object[]> fetch(Connection c, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection c, SqlStatement statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        for (int i = 0; i < statement.binds().size(); i++) {
            ps.setObject(i + 1, statement.binds().get(i));
        }
        return ps;
    }
}
