package cloudtrail.notifier.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing where SNS would: it answers with the faults SNS can give (errors,
 * throttling, denial, slowness) and counts the attempts, so a test can see what the SDK's retries
 * and our failure path do. It can also pass requests on to a real endpoint after some failures.
 */
public final class FaultyEndpoint implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect");

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private interface Behaviour {
        void answer(HttpExchange exchange, int attempt, byte[] body) throws IOException, InterruptedException;
    }

    private FaultyEndpoint(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-endpoint");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            int attempt = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                behaviour.answer(exchange, attempt, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // the SDK gave up on a slow answer: nothing to do
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private static Behaviour error(int status, String code, String type) {
        byte[] body = ("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>injected by the test</Message></Error>"
                + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        return (exchange, attempt, request) -> reply(exchange, status, body);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** HTTP 500, as SNS answers an internal failure. */
    public static FaultyEndpoint internalError() throws IOException {
        return new FaultyEndpoint(error(500, "InternalFailure", "Receiver"));
    }

    /** HTTP 400 Throttling, as SNS answers when the publish rate is exceeded. */
    public static FaultyEndpoint throttling() throws IOException {
        return new FaultyEndpoint(error(400, "Throttling", "Sender"));
    }

    /** HTTP 403 AuthorizationError: the role may not publish to the topic. */
    public static FaultyEndpoint authorizationError() throws IOException {
        return new FaultyEndpoint(error(403, "AuthorizationError", "Sender"));
    }

    /** HTTP 400 KMSAccessDenied: the topic's key does not let the function use it. */
    public static FaultyEndpoint kmsAccessDenied() throws IOException {
        return new FaultyEndpoint(error(400, "KMSAccessDenied", "Sender"));
    }

    /** Answers nothing for longer than the client waits. */
    public static FaultyEndpoint slowerThan(Duration timeout) throws IOException {
        long millis = timeout.toMillis() + 3_000;
        return new FaultyEndpoint((exchange, attempt, body) -> {
            Thread.sleep(millis);
            reply(exchange, 500, new byte[0]);
        });
    }

    /**
     * Passes requests on to the real endpoint, but answers HTTP 500 to every request whose body contains
     * {@code marker}: one notification that SNS cannot take among many it can.
     */
    public static FaultyEndpoint failingWhenBodyContains(String marker, URI target) throws IOException {
        Behaviour fail = error(500, "InternalFailure", "Receiver");
        Behaviour forward = forwarding(target);
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        return new FaultyEndpoint((exchange, attempt, body) -> {
            if (indexOf(body, needle) >= 0) {
                fail.answer(exchange, attempt, body);
            } else {
                forward.answer(exchange, attempt, body);
            }
        });
    }

    /**
     * Passes every request on to the real endpoint, and holds the answer to the first {@code slow} of them
     * for {@code delay}: SNS took the message, the client did not hear so in time.
     */
    public static FaultyEndpoint answeringLate(int slow, Duration delay, URI target) throws IOException {
        return new FaultyEndpoint(forwarding(target, attempt -> attempt <= slow ? delay : Duration.ZERO));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Fails the first {@code failures} attempts with HTTP 500, then passes requests on to the real endpoint. */
    public static FaultyEndpoint failingThenForwarding(int failures, URI target) throws IOException {
        Behaviour fail = error(500, "InternalFailure", "Receiver");
        Behaviour forward = forwarding(target);
        return new FaultyEndpoint((exchange, attempt, body) -> {
            if (attempt <= failures) {
                fail.answer(exchange, attempt, body);
                return;
            }
            forward.answer(exchange, attempt, body);
        });
    }

    private static Behaviour forwarding(URI target) {
        return forwarding(target, attempt -> Duration.ZERO);
    }

    private static Behaviour forwarding(URI target, java.util.function.IntFunction<Duration> delay) {
        HttpClient client = HttpClient.newHttpClient();
        return (exchange, attempt, body) -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("transfer-encoding")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            Thread.sleep(delay.apply(attempt).toMillis());
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        };
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
