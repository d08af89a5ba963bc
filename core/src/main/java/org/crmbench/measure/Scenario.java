package org.crmbench.measure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UserRepository;
import org.crmbench.results.BenchCsv;

/**
 * One API request measured end to end: everything the API runs for it (a page and its count, or a
 * lookup), through the same repository code as the server. Timing runs it without a listener;
 * plans and pgbench scripts run it once more and collect the statements it executed.
 *
 * @param name the name users pass to --scenario, and the CSV's scenario column
 * @param description what the request is
 * @param pageSize rows per page, 1 for a lookup, 0 for a count
 * @param randomUserId whether executions look up different random users (bench's classic lookups)
 * @param preparation what must be read once before the request can run (a cursor's position), not
 *     timed; the request prepares itself if it runs first
 */
public record Scenario(
        String name, String description, int pageSize, boolean randomUserId, Request request, Preparation preparation) {

    /** A scenario that needs no preparation. */
    public Scenario(String name, String description, int pageSize, boolean randomUserId, Request request) {
        this(name, description, pageSize, randomUserId, request, (c, executed) -> {});
    }

    /** The request, as the API runs it, for execution number {@code execution}. */
    @FunctionalInterface
    public interface Request {
        void run(Connection c, long execution, Consumer<SqlStatement> executed) throws SQLException;
    }

    /** Reads what the request needs once (see {@link #preparation}), telling {@code executed} what it runs. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(Connection c, Consumer<SqlStatement> executed) throws SQLException;
    }

    public void prepare(Connection c) throws SQLException {
        preparation.prepare(c, UserRepository.NO_LISTENER);
    }

    public void run(Connection c, long execution) throws SQLException {
        request.run(c, execution, UserRepository.NO_LISTENER);
    }

    /** The SQL statements execution number {@code execution} runs (a count depends on the data). */
    public List<SqlStatement> statements(Connection c, long execution) throws SQLException {
        List<SqlStatement> statements = new ArrayList<>();
        request.run(c, execution, statements::add);
        return statements;
    }

    /** This scenario's file in {@code indexSet} (its .hlog, its plans). */
    public String fileName(String indexSet, String extension) {
        return BenchCsv.fileName(name, indexSet, extension);
    }
}
