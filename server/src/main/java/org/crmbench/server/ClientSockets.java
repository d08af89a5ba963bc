package org.crmbench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which clients have hung up, from Linux's TCP tables ({@code /proc/net/tcp} and {@code tcp6}).
 * An HTTP/1.1 server learns that a client went away only when it reads or writes the connection,
 * and Jetty does neither while a request is being handled; the kernel knows at once: the socket
 * is in CLOSE_WAIT after the client's FIN, and gone from the table after its reset. Elsewhere
 * (no such files) nothing is known and the statement timeout remains the bound.
 */
final class ClientSockets {
    /** A connection as the server sees it: its own port and the client's. */
    record Connection(int localPort, int remotePort) {}

    /** The kernel's TCP_CLOSE_WAIT: the client has sent FIN. */
    private static final int CLOSE_WAIT = 0x08;

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private ClientSockets() {}

    /**
     * The state of every connection to {@code localPort}, keyed by the client's port; empty when
     * the tables cannot be read (not Linux).
     */
    static Optional<Map<Integer, Integer>> statesOn(int localPort) {
        if (!Files.isReadable(TABLES.getFirst())) {
            return Optional.empty();
        }
        Map<Integer, Integer> states = new HashMap<>();
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(table)) {
                lines.skip(1).forEach(line -> addIfOn(localPort, line, states));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(states);
    }

    /** True when {@code states} (from {@link #statesOn}) shows that the client has hung up. */
    static boolean hungUp(Map<Integer, Integer> states, Connection connection) {
        Integer state = states.get(connection.remotePort());
        return state == null || state == CLOSE_WAIT;
    }

    /** "  12: 0100007F:1F4B 0100007F:C350 08 ..." : local address:port, remote, state, in hex. */
    private static void addIfOn(int localPort, String line, Map<Integer, Integer> states) {
        String[] fields = line.trim().split("\\s+", 5);
        if (fields.length < 4) {
            return;
        }
        if (port(fields[1]) == localPort) {
            // two clients on other hosts may share a port: one still connected keeps both alive
            states.merge(port(fields[2]), Integer.parseInt(fields[3], 16), (a, b) -> a == CLOSE_WAIT ? b : a);
        }
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
