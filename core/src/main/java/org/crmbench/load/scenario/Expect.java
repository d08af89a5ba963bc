package org.crmbench.load.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * When a response counts as a success: its status is one of {@code statuses} (any 2xx when
 * empty), its body contains {@code contains} and not {@code notContains} (either may be absent).
 * The original locustfile's rule is status 200 and no "error" in the body.
 */
public final class Expect {
    public static final Expect ANY_2XX = new Expect(Set.of(), null, null);

    private final Set<Integer> statuses;
    private final byte[] contains;
    private final byte[] notContains;

    Expect(Set<Integer> statuses, String contains, String notContains) {
        this.statuses = Set.copyOf(statuses);
        this.contains = contains == null ? null : contains.getBytes(StandardCharsets.UTF_8);
        this.notContains = notContains == null ? null : notContains.getBytes(StandardCharsets.UTF_8);
    }

    static Expect of(ScenarioFile.ExpectSpec spec, String where) {
        if (spec == null) {
            return ANY_2XX;
        }
        List<Integer> statuses = spec.status() == null ? List.of() : spec.status();
        for (int status : statuses) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException(where + ": status " + status + " is not an HTTP status");
            }
        }
        return new Expect(Set.copyOf(statuses), spec.bodyContains(), spec.bodyNotContains());
    }

    /** Whether the body must be read to judge (else its length is enough). */
    public boolean needsBody() {
        return contains != null || notContains != null;
    }

    /** Why the response is a failure, or null for a success; {@code body} holds {@code length} bytes. */
    public String failure(int status, byte[] body, int length) {
        boolean statusOk = statuses.isEmpty() ? status >= 200 && status < 300 : statuses.contains(status);
        if (!statusOk) {
            return "HTTP " + status;
        }
        if (contains != null && indexOf(body, length, contains) < 0) {
            return "body lacks \"" + new String(contains, StandardCharsets.UTF_8) + "\"";
        }
        if (notContains != null && indexOf(body, length, notContains) >= 0) {
            return "body contains \"" + new String(notContains, StandardCharsets.UTF_8) + "\"";
        }
        return null;
    }

    private static int indexOf(byte[] body, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (body[i + j] != word[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
