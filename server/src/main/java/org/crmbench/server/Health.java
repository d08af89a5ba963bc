package org.crmbench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.crmbench.db.ReadHost;
import org.crmbench.db.ReadRouting;

/**
 * GET /health: 200 while reads can be served (the primary answers within a second, or a replica
 * is usable), 503 otherwise. With replicas, each host is listed with its role, whether reads go
 * to it, its replay lag and the requests it served.
 */
final class Health {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource primary;
    private final ReadRouting reads;

    Health(DataSource primary, ReadRouting reads) {
        this.primary = primary;
        this.reads = reads;
    }

    ApiResponse check() {
        boolean primaryUp = primaryAnswers();
        boolean replicaUsable = reads.hosts().stream().anyMatch(h -> h.role() == ReadHost.Role.REPLICA && h.usable());
        boolean serving = primaryUp || replicaUsable;
        ObjectNode body = JSON.createObjectNode()
                .put("status", serving ? "ok" : "unavailable")
                .put("database", primaryUp ? "up" : "down");
        if (reads.hasReplicas()) {
            ArrayNode hosts = body.putArray("hosts");
            for (ReadHost.Status host : reads.hosts()) {
                ObjectNode h = hosts.addObject()
                        .put("host", host.address())
                        .put("role", host.role().label())
                        .put("reads", host.usable())
                        .put("requests", host.statements())
                        .put("state", host.state());
                host.lag().ifPresent(lag -> h.put("replay_lag_seconds", lag.toMillis() / 1000.0));
            }
        }
        return ApiResponse.json(serving ? 200 : 503, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private boolean primaryAnswers() {
        try (Connection c = primary.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}
