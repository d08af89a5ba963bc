package org.crmbench.load.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

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
            Expect expect) {}

    /**
     * The success rule: the status is one of these (default: any 2xx), the body contains
     * {@code bodyContains} and does not contain {@code bodyNotContains}.
     */
    public record Expect(
            List<Integer> status,
            @JsonProperty("body_contains") String bodyContains,
            @JsonProperty("body_not_contains") String bodyNotContains) {}

    /**
     * A value generator; exactly one of its keys is given.
     *
     * @param uniform [min, max], whole numbers, both included
     * @param zipf whole numbers from min to max, min the most frequent (Zipf's law with the exponent)
     * @param list one of these, uniformly
     * @param csv one value of a column of a CSV file (with a header row), uniformly
     * @param dataset a value from the crmbench dataset as often as it occurs there: user_id (uniform
     *     over the users), last_name, first_name, city or tier
     */
    public record ValueSpec(List<Long> uniform, Zipf zipf, List<String> list, Csv csv, String dataset) {}

    public record Zipf(long min, long max, double exponent) {}

    /** A column of a CSV file; the path is relative to the scenario file. */
    public record Csv(String file, String column) {}
}
