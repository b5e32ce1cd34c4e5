package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Under `sam local invoke` without a real topic the function shows the notification and publishes nothing. */
class HandlerDryRunTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void samLocalWithTheLogicalIdForATopicRendersAndReturnsTheNotification() throws Exception {
        Handler handler = new Handler(Map.of("AWS_SAM_LOCAL", "true", "TOPIC_ARN", "NotificationTopic", "AWS_REGION", "us-east-1"));
        TestContext context = new TestContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(Fixtures.event("cloudtrail-stop-logging.json")), out, context);

        Notification expected = new Notifier(NotifierConfig.fromEnvironment(Map.of())).render(Fixtures.event("cloudtrail-stop-logging.json"));
        JsonNode response = MAPPER.readTree(out.toByteArray());
        assertFalse(response.path("published").asBoolean(true), response::toString);
        assertEquals(expected.subject(), response.path("subject").asText());
        assertEquals(expected.message(), response.path("message").asText());
        assertEquals(expected.messageAttributes().get("severity"), response.path("messageAttributes").path("severity").asText());
        assertEquals("7570d776-efa3-48c1-a78d-89440d507dd5", response.path("eventId").asText());
        assertEquals("custom", response.path("chat").path("source").asText(), "the chat part, as Amazon Q would get it");
        assertEquals(expected.message(), response.path("machine").path("message").asText(), "the machine part, as SQS would get it");
        JsonNode log = MAPPER.readTree(context.logLines().get(0));
        assertTrue(log.path("message").asText().startsWith("not published: TOPIC_ARN='NotificationTopic' is not an SNS topic ARN"), log::toString);
    }

    @Test
    void aDryRunStillRejectsInputThatIsNotAnEvent() {
        Handler handler = new Handler(Map.of("AWS_SAM_LOCAL", "true", "TOPIC_ARN", "NotificationTopic"));

        assertThrows(InvalidEventException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), new TestContext()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            deployed: the logical ID       |       | NotificationTopic
            deployed: no topic             |       |
            AWS_SAM_LOCAL=false            | false | NotificationTopic
            """)
    void outsideSamCliABadTopicStillStopsTheFunction(String name, String samLocal, String topic) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "ap-northeast-1");
        if (samLocal != null) {
            env.put("AWS_SAM_LOCAL", samLocal);
        }
        if (topic != null) {
            env.put("TOPIC_ARN", topic);
        }

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new Handler(env));

        assertTrue(e.getMessage().startsWith("TOPIC_ARN"), e.getMessage());
    }

    @Test
    void samLocalWithAnSqsBatchShowsWhatTheBatchWouldPublishAndReportsWhatIsNotAnEvent() throws Exception {
        Handler handler = new Handler(Map.of("AWS_SAM_LOCAL", "true", "TOPIC_ARN", "NotificationTopic", "AWS_REGION", "us-east-1"));
        String stop = new String(Fixtures.event("cloudtrail-stop-logging.json"), java.nio.charset.StandardCharsets.UTF_8);
        byte[] batch = cloudtrail.notifier.testing.SqsBatches.event("arn:aws:sqs:us-east-1:123456789012:q", java.util.List.of(
                new cloudtrail.notifier.testing.SqsQueue.Received("m1", "r1", stop, "x"),
                new cloudtrail.notifier.testing.SqsQueue.Received("m2", "r2", stop, "x"),
                new cloudtrail.notifier.testing.SqsQueue.Received("m3", "r3", "not json", "x")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(batch), out, new TestContext());

        JsonNode response = MAPPER.readTree(out.toByteArray());
        assertFalse(response.path("published").asBoolean(true), response::toString);
        assertEquals(1, response.path("notifications").size(), "the event twice is one notification");
        assertTrue(response.path("notifications").path(0).path("subject").asText().startsWith("【重大】CloudTrail のログ記録の停止"));
        assertEquals("m3", response.path("batchItemFailures").path(0).path("itemIdentifier").asText(), response::toString);
        assertEquals(1, response.path("batchItemFailures").size());
    }
}
