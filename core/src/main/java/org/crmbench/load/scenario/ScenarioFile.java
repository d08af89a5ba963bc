package org.crmbench.load.scenario;

import java.util.List;
import java.util.Map;
import org.crmbench.values.ValueSpec;

/**
 * A scenario file as written (YAML or JSON): named requests with weights, templates that take
 * values from named generators, and the rule for a successful response. Unknown keys are errors,
 * so a misspelt one is reported rather than ignored. See {@code examples/scenarios/}.
 *
 * @param name what the run reports the scenario as
 * @param description one sentence for people
 * @param host the API's base URL, used when --host is not given (a path in it prefixes every request)
 * @param headers sent with every request (templates allowed)
 * @param values named value generators, drawn once per request for the templates that use them
 * @param requests what the simulated users send, picked by weight
 */
public record ScenarioFile(
        String name,
        String description,
        String host,
        Map<String, String> headers,
        Map<String, ValueSpec> values,
        List<RequestSpec> requests) {

    /**
     * One kind of request. {@code path} may hold a query; {@code ${value}} in the path, headers
     * and body is replaced by a drawn value (URL-encoded in the path).
     *
     * @param name the name it is reported under (default: the path up to the first template or '?')
     * @param method GET (default), POST, PUT, PATCH, DELETE, HEAD or OPTIONS
     * @param weight how often it is picked relative to the others (default 1)
     * @param expect what counts as success (default: any 2xx status)
     */
    public record RequestSpec(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            Integer weight,
            ExpectSpec expect) {}

    /**
     * The success rule: the status is one of these (default: any 2xx), the body contains
     * {@code bodyContains} and does not contain {@code bodyNotContains}.
     */
    public record ExpectSpec(List<Integer> status, String bodyContains, String bodyNotContains) {}
}
