package org.crmbench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.scenario.Expect;
import org.crmbench.load.scenario.Request;

/** One request before the run, waited for: is the host there, and what does it say. */
public final class Probe {
    /**
     * The page whose one row is the user with the highest id. Not the list's count: past 10,000
     * rows that is PostgreSQL's estimate, and ids drawn up to an estimate above the last id were
     * 404s (11 in 20 s at 1,000,000 users).
     */
    public static final String LAST_USER_PAGE = "/api/users/?page_size=1&ordering=-id";
    /** The first "id" of the page is its one user's (the relationship's comes after). */
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    /** A response to a probe. */
    public record Response(int status, byte[] body) {}

    private Probe() {}

    /** GETs {@code target}; no response at all is a LoadConnectException naming the host and why. */
    /** The highest user id the crmbench API at the other end serves, from its {@link #LAST_USER_PAGE}. */
    public static long highestUserId(HttpTransport transport, TransportSettings settings) {
        Response page = get(transport, settings, LAST_USER_PAGE);
        Matcher m = FIRST_ID.matcher(new String(page.body(), StandardCharsets.UTF_8));
        if (page.status() != 200 || !m.find() || Long.parseLong(m.group(1)) < 1) {
            String hint = page.status() == 401
                    ? "; the API wants its token: -H 'Authorization: Bearer TOKEN'"
                    : "; pass --max-user-id";
            throw new CrmbenchException("Could not read the highest user id from the API's /api/users/ (HTTP "
                    + page.status() + ")" + hint + ".");
        }
        return Long.parseLong(m.group(1));
    }

    public static Response get(HttpTransport transport, TransportSettings settings, String target) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        try (HttpTransport.Channel channel = transport.open()) {
            channel.send(
                    new Request(target, "GET", target, List.of(), new byte[0], Expect.ANY_2XX),
                    new HttpTransport.Completion() {
                        @Override
                        public void response(int status, byte[] body, int length) {
                            answer.complete(new Response(status, java.util.Arrays.copyOf(body, length)));
                        }

                        @Override
                        public void failure(String error) {
                            answer.completeExceptionally(new LoadConnectException(
                                    "Cannot connect to " + settings.host() + " (" + error + ")", null));
                        }
                    });
            return answer.get(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (TimeoutException e) {
            throw new LoadConnectException("Cannot connect to " + settings.host() + " (no answer)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadConnectException("Interrupted while connecting to " + settings.host(), e);
        }
    }
}
