package org.crmbench.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.QueryExecutor;

/** EXPLAIN (FORMAT JSON) of a statement, as a tree. */
final class Explain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Explain() {}

    /**
     * The JSON plan EXPLAIN prints for {@code explain}, a whole EXPLAIN statement. It is sent with
     * the simple query protocol: in the extended one (pgjdbc's default) the $n of an EXPLAIN
     * (GENERIC_PLAN) would be parameters of the EXPLAIN itself, which its Bind message must supply.
     */
    static JsonNode json(Connection c, String explain) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.unwrap(BaseStatement.class).executeWithFlags(explain, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("EXPLAIN returned what is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
