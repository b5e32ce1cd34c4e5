package cloudtrail.notifier.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Lambda gives a SnapStart function instead of AWS_ACCESS_KEY_ID: an HTTP endpoint on loopback
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI) that hands out the execution role's credentials to a caller
 * presenting AWS_CONTAINER_AUTHORIZATION_TOKEN in the Authorization header, and refuses anyone else.
 * Each answer is a new set of credentials, so a test can tell which fetch a request was signed with.
 */
public final class ContainerCredentialsEndpoint implements AutoCloseable {
    private static final String PATH = "/2021-04-23/credentials";

    /** One request: when it came (System.nanoTime()), whether its token was right, the key handed out. */
    public record Fetch(long at, boolean authorized, String accessKeyId) {}

    private final HttpServer server;
    private final String token;
    private final List<Fetch> fetches = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();

    public ContainerCredentialsEndpoint(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "container-credentials");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The value of AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public List<Fetch> fetches() {
        return List.copyOf(fetches);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        boolean authorized = token.equals(presented);
        if (!authorized) {
            fetches.add(new Fetch(System.nanoTime(), false, null));
            reply(exchange, 401, "{\"message\":\"the authorization token is missing or wrong\"}");
            return;
        }
        String keyId = "ASIACONTAINER" + String.format("%07d", issued.incrementAndGet());
        fetches.add(new Fetch(System.nanoTime(), true, keyId));
        String expiration = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        reply(exchange, 200, """
                {"AccessKeyId": "%s", "SecretAccessKey": "container-secret", "Token": "container-session-token", \
                "Expiration": "%s"}""".formatted(keyId, expiration));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
