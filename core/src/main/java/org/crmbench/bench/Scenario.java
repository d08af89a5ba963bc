package org.crmbench.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.crmbench.query.SqlStatement;

/**
 * One API request measured end to end: everything the API runs for it (a page and its count, or a
 * lookup). {@link #run} is what is timed; {@link #statements} lists the SQL for plans and pgbench.
 *
 * @param name the name users pass to --scenario
 * @param description what the request is
 * @param pageSize rows per page, 1 for a lookup, 0 for a count
 * @param randomUserId whether executions look up different random users (see {@link #userIdOf})
 */
public record Scenario(
        String name, String description, int pageSize, boolean randomUserId, Action action, Statements statements) {

    /** The request, as the API runs it, for execution number {@code execution}. */
    @FunctionalInterface
    public interface Action {
        void run(Connection c, long execution) throws SQLException;
    }

    /** The SQL statements of execution number {@code execution} (a count depends on the data). */
    @FunctionalInterface
    public interface Statements {
        List<SqlStatement> of(Connection c, long execution) throws SQLException;
    }

    public void run(Connection c, long execution) throws SQLException {
        action.run(c, execution);
    }
}
