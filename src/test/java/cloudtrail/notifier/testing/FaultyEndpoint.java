package cloudtrail.notifier.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that answers every SNS call with the same error, and counts the attempts,
 * to show what the SDK's retries and our failure path do.
 */
public final class FaultyEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private FaultyEndpoint(int status, String code, String type) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = ("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>injected by the test</Message></Error>"
                + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** HTTP 500, as SNS answers an internal failure. */
    public static FaultyEndpoint internalError() throws IOException {
        return new FaultyEndpoint(500, "InternalFailure", "Receiver");
    }

    /** HTTP 400 Throttling, as SNS answers when the publish rate is exceeded. */
    public static FaultyEndpoint throttling() throws IOException {
        return new FaultyEndpoint(400, "Throttling", "Sender");
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
