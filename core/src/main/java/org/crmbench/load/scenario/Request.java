package org.crmbench.load.scenario;

import java.util.List;
import java.util.Map;

/**
 * One request to send, filled in: the name it is reported under, method, target (path and query,
 * percent-encoded, relative to the host's base path), headers, body (empty for none) and the rule
 * its response is judged by.
 */
public record Request(
        String name,
        String method,
        String target,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        Expect expect) {}
