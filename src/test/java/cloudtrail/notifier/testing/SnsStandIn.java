package cloudtrail.notifier.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing where SNS would, enforcing the rules of Publish that moto does not:
 * the message and its attributes (every name, data type and value, in UTF-8 bytes) are at most
 * 262,144 bytes together; a subject is 1 to 100 characters with no line break or control character.
 * It speaks the Query protocol the SDK uses (form-encoded Action=Publish) and answers as SNS does:
 * a PublishResponse with a MessageId, or an ErrorResponse with HTTP 400 and SNS's own wording.
 * What it accepted is kept for the test to read.
 */
public final class SnsStandIn implements AutoCloseable {
    /** SNS's limit on a publish: the message plus its attributes. */
    public static final int MAX_PUBLISH_BYTES = 262_144;
    private static final int MAX_SUBJECT_CHARS = 100;

    /**
     * A message SNS took.
     *
     * @param message what an e-mail subscriber gets: the {@code email} part (else {@code default}) of a
     *     per-protocol message, or the message itself
     * @param parts a per-protocol message's parts ({@code MessageStructure=json}), by protocol; empty otherwise
     * @param bytes what SNS counts: the whole message and the attributes
     */
    public record Published(String topicArn, String subject, String message, Map<String, String> attributes, int bytes,
            Map<String, String> parts) {}

    private final HttpServer server;
    private final List<Published> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> rejected = Collections.synchronizedList(new ArrayList<>());

    public SnsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sns-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try {
                answer(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            error(exchange, 400, "Sender", "InvalidAction", "this stand-in speaks the Query protocol only, not " + contentType);
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"Publish".equals(form.get("Action"))) {
            error(exchange, 400, "Sender", "InvalidAction", "Could not find operation " + form.get("Action"));
            return;
        }
        String topic = form.get("TopicArn");
        if (topic == null || topic.isEmpty()) {
            error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
            return;
        }
        String message = form.get("Message");
        if (message == null || message.isEmpty()) {
            error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: Empty message");
            return;
        }
        String subject = form.get("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > MAX_SUBJECT_CHARS || hasControl(subject))) {
            error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: Subject");
            return;
        }
        // SNS: with MessageStructure=json the message is a JSON object with at least a "default" string; a
        // key that is not a protocol, or a value that is not a string, is ignored
        Map<String, String> parts = new LinkedHashMap<>();
        String structure = form.get("MessageStructure");
        if (structure != null) {
            if (!"json".equals(structure)) {
                error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: Invalid MessageStructure");
                return;
            }
            com.fasterxml.jackson.databind.JsonNode tree;
            try {
                tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(message);
            } catch (IOException e) {
                tree = null;
            }
            if (tree == null || !tree.isObject() || !tree.path("default").isTextual()) {
                error(exchange, 400, "Sender", "InvalidParameter",
                        "Invalid parameter: Message Structure - No default entry in JSON message body");
                return;
            }
            tree.properties().forEach(p -> {
                if (p.getValue().isTextual()) {
                    parts.put(p.getKey(), p.getValue().asText());
                }
            });
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        int bytes = utf8(message);
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            String name = form.get(prefix + "Name");
            String type = form.get(prefix + "Value.DataType");
            String value = form.get(prefix + "Value.StringValue");
            if (type == null || value == null || value.isEmpty()) {
                error(exchange, 400, "Sender", "ParameterValueInvalid",
                        "The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
                return;
            }
            bytes += utf8(name) + utf8(type) + utf8(value);
            attributes.put(name, value);
        }
        if (bytes > MAX_PUBLISH_BYTES) {
            rejected.add(bytes + " bytes");
            error(exchange, 400, "Sender", "InvalidParameter", "Invalid parameter: Message too long");
            return;
        }
        String mail = parts.isEmpty() ? message : parts.getOrDefault("email", parts.get("default"));
        accepted.add(new Published(topic, subject, mail, attributes, bytes, parts));
        String body = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></PublishResponse>";
        reply(exchange, 200, body);
    }

    /** SNS: a subject has "no line breaks or control characters". */
    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message) throws IOException {
        reply(exchange, status, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
                + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The messages taken, in order. */
    public List<Published> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** The sizes of the messages refused as too long. */
    public List<String> rejected() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
