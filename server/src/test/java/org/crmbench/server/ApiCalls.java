package org.crmbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The API of a server on {@code port} as the HTTP tests call it: plain GETs, JSON answers, 'next' walks. */
record ApiCalls(int port) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body, after checking the status and that the body is JSON. */
    JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    /** The ids of every page from {@code first} on, following 'next'; the links followed go into {@code links}. */
    List<Long> walk(String first, List<String> links) throws Exception {
        List<Long> seen = new ArrayList<>();
        String url = first;
        while (url != null) {
            JsonNode page = getJson(url.replaceFirst("^http://[^/]+", ""), 200);
            seen.addAll(ids(page.get("results")));
            url = page.get("next").isNull() ? null : page.get("next").asText();
            if (url != null) {
                links.add(url);
            }
        }
        return seen;
    }

    List<Long> walk(String first) throws Exception {
        return walk(first, new ArrayList<>());
    }

    static List<Long> ids(JsonNode results) {
        List<Long> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
