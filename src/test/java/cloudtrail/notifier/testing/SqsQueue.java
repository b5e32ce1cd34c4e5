package cloudtrail.notifier.testing;

import cloudtrail.notifier.render.MachinePayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An SQS queue on moto, spoken to with SQS's query API over plain HTTP (the SDK's sqs module of
 * the SDK version we use is not in the registry we reach). It receives what the topic delivers.
 */
public final class SqsQueue {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String region;
    private final String url;
    private final String arn;

    /** One SNS delivery as SQS holds it: SNS's JSON envelope around our subject and message. */
    public record Delivery(String subject, String message, Map<String, String> attributes, java.time.Instant timestamp) {}

    /** A message as ReceiveMessage returns it: what Lambda's event source mapping puts in a record. */
    public record Received(String messageId, String receiptHandle, String body, String md5OfBody) {}

    private SqsQueue(URI endpoint, String region, String url, String arn) {
        this.endpoint = endpoint;
        this.region = region;
        this.url = url;
        this.arn = arn;
    }

    public static SqsQueue create(URI endpoint, String region, String name) throws IOException, InterruptedException {
        SqsQueue probe = new SqsQueue(endpoint, region, null, null);
        Document created = probe.call(Map.of("Action", "CreateQueue", "QueueName", name));
        String url = text(created, "QueueUrl");
        Document attributes = probe.call(Map.of("Action", "GetQueueAttributes", "QueueUrl", url, "AttributeName.1", "QueueArn"));
        NodeList values = attributes.getElementsByTagName("Value");
        String arn = values.getLength() > 0 ? values.item(0).getTextContent() : "arn:aws:sqs:" + region + ":123456789012:" + name;
        return new SqsQueue(endpoint, region, url, arn);
    }

    public String arn() {
        return arn;
    }

    /** Receives until {@code expected} deliveries arrived or the time is up; deletes what it read. */
    public List<Delivery> receive(int expected, Duration within) throws IOException, InterruptedException {
        List<Delivery> out = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        do {
            Document d = call(Map.of("Action", "ReceiveMessage", "QueueUrl", url, "MaxNumberOfMessages", "10",
                    "WaitTimeSeconds", "1", "VisibilityTimeout", "300"));
            NodeList messages = d.getElementsByTagName("Message");
            for (int i = 0; i < messages.getLength(); i++) {
                Element m = (Element) messages.item(i);
                out.add(parse(text(m, "Body")));
                call(Map.of("Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", text(m, "ReceiptHandle")));
            }
        } while (out.size() < expected && System.nanoTime() < deadline);
        return out;
    }

    public String url() {
        return url;
    }

    /** Puts a message on the queue, as EventBridge does for a rule's target. */
    public void send(String body) throws IOException, InterruptedException {
        call(Map.of("Action", "SendMessage", "QueueUrl", url, "MessageBody", body));
    }

    /** Receives up to {@code max} messages without deleting them: they come back after the visibility timeout. */
    public List<Received> receiveMessages(int max, Duration visibility) throws IOException, InterruptedException {
        List<Received> out = new ArrayList<>();
        while (out.size() < max) {
            Document d = call(Map.of("Action", "ReceiveMessage", "QueueUrl", url, "MaxNumberOfMessages",
                    Integer.toString(Math.min(10, max - out.size())), "WaitTimeSeconds", "0",
                    "VisibilityTimeout", Long.toString(visibility.toSeconds())));
            NodeList messages = d.getElementsByTagName("Message");
            if (messages.getLength() == 0) {
                break;
            }
            for (int i = 0; i < messages.getLength(); i++) {
                Element m = (Element) messages.item(i);
                out.add(new Received(text(m, "MessageId"), text(m, "ReceiptHandle"), text(m, "Body"), text(m, "MD5OfBody")));
            }
        }
        return out;
    }

    /** Makes a received message visible again at once: as if its visibility timeout had run out. */
    public void release(String receiptHandle) throws IOException, InterruptedException {
        call(Map.of("Action", "ChangeMessageVisibility", "QueueUrl", url, "ReceiptHandle", receiptHandle, "VisibilityTimeout", "0"));
    }

    public void delete(String receiptHandle) throws IOException, InterruptedException {
        call(Map.of("Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", receiptHandle));
    }

    /** Removes whatever is waiting, so a test reads only its own deliveries. */
    public void drain() throws IOException, InterruptedException {
        while (true) {
            Document d = call(Map.of("Action", "ReceiveMessage", "QueueUrl", url, "MaxNumberOfMessages", "10",
                    "WaitTimeSeconds", "0", "VisibilityTimeout", "300"));
            NodeList messages = d.getElementsByTagName("Message");
            if (messages.getLength() == 0) {
                return;
            }
            for (int i = 0; i < messages.getLength(); i++) {
                Element m = (Element) messages.item(i);
                call(Map.of("Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", text(m, "ReceiptHandle")));
            }
        }
    }

    /**
     * SNS's envelope as an SQS subscriber gets it. The notifier publishes one message per protocol, so the
     * queue gets the machine format ({@link MachinePayload}): the mail text and the attributes are read from
     * it, since SNS delivers no attributes with a per-protocol message (moto does; SNS's documentation:
     * "sent only when the message structure is String, not JSON").
     */
    private static Delivery parse(String body) throws IOException {
        JsonNode envelope = MAPPER.readTree(body);
        Map<String, String> attributes = new LinkedHashMap<>();
        String message = envelope.path("Message").asText(null);
        JsonNode machine = machine(message);
        JsonNode attrs = machine != null ? machine.path("attributes") : envelope.path("MessageAttributes");
        attrs.fieldNames().forEachRemaining(name -> attributes.put(name,
                machine != null ? attrs.get(name).asText() : attrs.get(name).path("Value").asText()));
        String at = envelope.path("Timestamp").asText(null);
        return new Delivery(envelope.path("Subject").asText(null), machine != null ? machine.path("message").asText(null) : message,
                attributes, at == null ? null : java.time.Instant.parse(at));
    }

    /** The machine format, when the message is one. */
    static JsonNode machine(String message) {
        if (message == null || !message.startsWith("{\"format\"")) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(message);
            return MachinePayload.FORMAT.equals(tree.path("format").asText()) ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Document call(Map<String, String> params) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("Version=2012-11-05");
        params.forEach((k, v) -> form.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // moto routes a request to a service by the credential scope; it does not check the signature
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region
                        + "/sqs/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("SQS " + params.get("Action") + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        } catch (Exception e) {
            throw new IOException("SQS " + params.get("Action") + ": unreadable answer", e);
        }
    }

    private static String text(Document d, String tag) {
        return d.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }
}
