package cloudtrail.notifier.doctor;

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
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local endpoint standing in for one AWS service where moto cannot show what AWS would answer. */
final class StandInEndpoint implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect");
    private static final Pattern MEMBER = Pattern.compile("<member>.*?</member>", Pattern.DOTALL);
    private static final Pattern SUBSCRIPTION_ARN = Pattern.compile("<SubscriptionArn>[^<]*</SubscriptionArn>");

    private interface Answer {
        void answer(HttpExchange exchange, byte[] body) throws IOException, InterruptedException;
    }

    private final HttpServer server;

    private StandInEndpoint(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-endpoint");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try {
                answer.answer(exchange, exchange.getRequestBody().readAllBytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /**
     * SNS as it lists an e-mail subscription nobody confirmed yet: SubscriptionArn "PendingConfirmation".
     * moto confirms every subscription at once, so this passes requests on to moto and rewrites the
     * e-mail subscriptions in its answer to that.
     */
    static StandInEndpoint snsWithPendingEmail(URI moto) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        return new StandInEndpoint((exchange, body) -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<String> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher member = MEMBER.matcher(response.body());
            StringBuilder rewritten = new StringBuilder();
            while (member.find()) {
                String m = member.group();
                if (m.contains("<Protocol>email</Protocol>")) {
                    m = SUBSCRIPTION_ARN.matcher(m).replaceAll("<SubscriptionArn>PendingConfirmation</SubscriptionArn>");
                }
                member.appendReplacement(rewritten, Matcher.quoteReplacement(m));
            }
            member.appendTail(rewritten);
            reply(exchange, response.statusCode(), "text/xml", rewritten.toString());
        });
    }

    /** Any service, refusing every call as IAM does: AccessDenied, in the JSON or the XML shape the client speaks. */
    static StandInEndpoint denying() throws IOException {
        return new StandInEndpoint((exchange, body) -> {
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String message = "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform this action";
            if (contentType.contains("json")) {
                // AWS JSON services (SQS among them) name the query-compatible code in a header as well
                exchange.getResponseHeaders().add("x-amzn-query-error", "AccessDenied;Sender");
                reply(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"AccessDeniedException\",\"message\":\"" + message + "\"}");
            } else {
                reply(exchange, 403, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>" + message
                        + "</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>");
            }
        });
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
