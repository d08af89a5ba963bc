package org.crmbench.server;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** GET /health: 200 when the database answers within a second, 503 otherwise. */
final class Health {
    private static final byte[] UP = "{\"status\":\"ok\",\"database\":\"up\"}".getBytes();
    private static final byte[] DOWN = "{\"status\":\"unavailable\",\"database\":\"down\"}".getBytes();

    private final DataSource dataSource;

    Health(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    ApiResponse check() {
        try (Connection c = dataSource.getConnection()) {
            boolean up = c.isValid(1);
            return ApiResponse.json(up ? 200 : 503, up ? UP : DOWN);
        } catch (SQLException e) {
            return ApiResponse.json(503, DOWN);
        }
    }
}
