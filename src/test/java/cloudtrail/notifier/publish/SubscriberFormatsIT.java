package cloudtrail.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.ChatPayload;
import cloudtrail.notifier.render.MachinePayload;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.HttpsSubscriber;
import cloudtrail.notifier.testing.JsonSchemaSubset;
import cloudtrail.notifier.testing.MotoServer;
import cloudtrail.notifier.testing.SqsQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * One publish, each kind of subscriber its own part, delivered by SNS (moto) through the real SnsPublisher:
 * an HTTPS subscriber, as Amazon Q's subscription is, gets the custom notification; an SQS queue gets the
 * machine format, with the mail text and the attributes in it; a plain HTTP webhook gets the mail text
 * (the default part, which e-mail's part repeats); a subscriber filtering on the severity attribute still filters.
 */
class SubscriberFormatsIT {
    private static final String REGION = "ap-northeast-1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void eachSubscriberGetsItsOwnPart(@TempDir Path dir) throws Exception {
        LinkedBlockingQueue<String> webhook = new LinkedBlockingQueue<>();
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            try (exchange) {
                webhook.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        plain.start();
        try (HttpsSubscriber chat = HttpsSubscriber.start(dir);
                MotoServer moto = MotoServer.start(Map.of("REQUESTS_CA_BUNDLE", chat.certificate().toString()));
                SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                        .build()) {
            String topic = sns.createTopic(b -> b.name("formats")).topicArn();
            SqsQueue queue = SqsQueue.create(moto.endpoint(), REGION, "formats");
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn()));
            sns.subscribe(b -> b.topicArn(topic).protocol("https").endpoint(chat.endpoint().toString()));
            sns.subscribe(b -> b.topicArn(topic).protocol("http")
                    .endpoint("http://127.0.0.1:" + plain.getAddress().getPort() + "/hook"));
            // a subscriber that filters on the severity attribute, as README suggests: only info, so not this one
            SqsQueue infoOnly = SqsQueue.create(moto.endpoint(), REGION, "info-only");
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(infoOnly.arn())
                    .attributes(Map.of("FilterPolicy", "{\"severity\": [\"info\"]}")));
            SqsQueue criticalOnly = SqsQueue.create(moto.endpoint(), REGION, "critical-only");
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(criticalOnly.arn())
                    .attributes(Map.of("FilterPolicy", "{\"severity\": [\"critical\"]}")));
            Notifier notifier = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), Language.JA));
            Notification n = notifier.render(Fixtures.event("cloudtrail-stop-logging.json"));

            assertNotNull(new SnsPublisher(sns, topic).publish(n, "7570d776-efa3-48c1-a78d-89440d507dd5"));

            // Amazon Q's part: its custom notification, as a JSON string in SNS's envelope
            String delivered = chat.next(Duration.ofSeconds(20));
            assertNotNull(delivered, "the HTTPS subscriber got nothing");
            JsonNode envelope = MAPPER.readTree(delivered);
            assertEquals("Notification", envelope.path("Type").asText());
            JsonNode custom = MAPPER.readTree(envelope.path("Message").asText());
            assertEquals(MAPPER.readTree(ChatPayload.of(n).toString()), custom);
            assertEquals(List.of(), JsonSchemaSubset.violations(
                    MAPPER.readTree(Path.of("src/test/resources/chat/custom-notification.schema.json").toFile()), custom));

            // the queue's part: the machine format, the mail text and the attributes in it
            List<SqsQueue.Received> received = queue.receiveMessages(10, Duration.ofSeconds(30));
            assertEquals(1, received.size());
            JsonNode machine = MAPPER.readTree(MAPPER.readTree(received.get(0).body()).path("Message").asText());
            assertEquals(MachinePayload.FORMAT, machine.path("format").asText());
            assertEquals("critical", machine.path("severity").asText());
            assertEquals("StopLogging", machine.path("attributes").path("eventName").asText());
            assertTrue(machine.path("fields").path("who").asText().startsWith("taro.yamada@example.com"), machine.toString());
            assertEquals(n.message(), machine.path("message").asText());
            assertEquals("7570d776-efa3-48c1-a78d-89440d507dd5", machine.path("eventIds").get(0).asText());

            // the attributes still filter: the critical notification reached the critical-only subscriber, not the info-only one
            assertEquals(1, criticalOnly.receiveMessages(10, Duration.ofSeconds(30)).size());
            assertEquals(0, infoOnly.receiveMessages(10, Duration.ofSeconds(30)).size());

            // anyone else: the mail text
            String hook = webhook.poll(20, TimeUnit.SECONDS);
            assertNotNull(hook, "the HTTP webhook got nothing");
            assertEquals(n.message(), MAPPER.readTree(hook).path("Message").asText());
            assertEquals(n.subject(), MAPPER.readTree(hook).path("Subject").asText());
        } finally {
            plain.stop(0);
        }
    }
}
