package org.crmbench.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crmbench.load.http.HttpTransport;
import org.crmbench.load.http.TransportSettings;
import org.crmbench.load.scenario.Expect;
import org.crmbench.load.scenario.Request;

/** One request before the run, waited for: is the host there, and what does it say. */
public final class Probe {
    /** A response to a probe. */
    public record Response(int status, byte[] body) {}

    private Probe() {}

    /** GETs {@code target}; no response at all is a LoadConnectException naming the host and why. */
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
