package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.publish.PublishException;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.MotoServer;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.SqsQueue;
import cloudtrail.notifier.testing.TestContext;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handler against a real SNS endpoint (moto_server): every sample event is published once and
 * read back from an SQS subscription exactly as rendered; deliveries that cannot be made throw.
 */
class HandlerPublishIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REGION = "ap-northeast-1";
    /** The SDK reads its endpoint from here as from AWS_ENDPOINT_URL_SNS; the handler has no endpoint code. */
    private static final String ENDPOINT_PROPERTY = "aws.endpointUrlSns";
    private static final String LEDGER_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
    /** The client's whole-call timeout (20 s) plus room for a slow machine. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("notifications");

    @org.junit.jupiter.api.BeforeEach
    void emptyTheQueue() throws Exception {
        SNS.queue().drain(); // what an earlier test left behind
    }

    @AfterEach
    void clearEndpoint() {
        System.clearProperty(ENDPOINT_PROPERTY);
        System.clearProperty(LEDGER_ENDPOINT_PROPERTY);
    }

    private static Handler handlerFor(URI endpoint) {
        System.setProperty(ENDPOINT_PROPERTY, endpoint.toString());
        System.setProperty(LEDGER_ENDPOINT_PROPERTY, SNS.moto().endpoint().toString());
        return new Handler(Map.of("TOPIC_ARN", SNS.topicArn(), "AWS_REGION", REGION, "DEDUP_TABLE", SNS.newLedger()));
    }

    private static JsonNode invoke(Handler handler, byte[] event, TestContext context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void everySampleEventIsDeliveredOnceExactlyAsRendered() throws Exception {
        // Given the handler pointed at the topic, and the rendering the command line would show
        Handler handler = handlerFor(SNS.moto().endpoint());
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        List<Path> events = Fixtures.events();
        Map<String, Notification> expected = new HashMap<>();
        List<String> logLines = new ArrayList<>();

        // When every sample event is handled
        for (Path file : events) {
            TestContext context = new TestContext();
            JsonNode response = invoke(handler, Fixtures.read(file), context);
            Notification n = notifier.render(Fixtures.read(file));
            expected.put(n.message(), n);
            assertTrue(response.hasNonNull("messageId"), file + ": " + response);
            assertEquals(List.of(LogLevel.INFO, LogLevel.INFO), context.logLevels(), file + ": the publish, then the batch's counts");
            JsonNode log = MAPPER.readTree(context.logLines().get(0));
            JsonNode counts = MAPPER.readTree(context.logLines().get(1));
            assertEquals(1, counts.path("Notifications").asInt(), counts.toString());
            assertEquals("CloudTrailNotifier", counts.path("_aws").path("CloudWatchMetrics").path(0).path("Namespace").asText());
            assertEquals(context.getAwsRequestId(), log.get("AWSRequestId").asText());
            assertEquals("INFO", log.get("level").asText());
            assertEquals(response.get("messageId").asText(), log.get("snsMessageId").asText());
            assertTrue(log.hasNonNull("eventId") && log.hasNonNull("eventName"), log.toString());
            logLines.add(log.toString());
        }

        // Then the queue holds one delivery per event, each with the rendered subject, message and attributes
        List<SqsQueue.Delivery> deliveries = SNS.queue().receive(events.size(), Duration.ofSeconds(30));
        deliveries.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2))); // nothing more may arrive
        assertEquals(events.size(), deliveries.size(), "deliveries");
        Map<String, SqsQueue.Delivery> byMessage = deliveries.stream()
                .collect(Collectors.toMap(SqsQueue.Delivery::message, Function.identity()));
        assertAll(expected.values().stream().map(n -> () -> {
            SqsQueue.Delivery d = byMessage.get(n.message());
            assertTrue(d != null, "no delivery for " + n.subject());
            assertEquals(n.subject(), d.subject());
            assertEquals(n.messageAttributes(), d.attributes());
        }));
    }

    @Test
    void anEndpointThatIsDownFailsTheInvocationNamingTheEvent() throws Exception {
        Handler handler = handlerFor(URI.create("http://127.0.0.1:" + MotoServer.freePort()));

        PublishException e = assertFailsWithin(handler, "cloudtrail-stop-logging.json");

        assertTrue(e.getMessage().contains("7570d776-efa3-48c1-a78d-89440d507dd5"), e.getMessage());
    }

    @Test
    void anEndpointAnswering500IsRetriedThenFails() throws Exception {
        try (FaultyEndpoint faulty = FaultyEndpoint.internalError()) {
            Handler handler = handlerFor(faulty.endpoint());

            PublishException e = assertFailsWithin(handler, "cloudtrail-stop-logging.json");

            assertEquals(3, faulty.requests(), "the STANDARD retry mode makes 3 attempts");
            assertTrue(e.getMessage().contains("7570d776-efa3-48c1-a78d-89440d507dd5"), e.getMessage());
        }
    }

    @Test
    void throttlingIsRetriedThenFails() throws Exception {
        try (FaultyEndpoint faulty = FaultyEndpoint.throttling()) {
            Handler handler = handlerFor(faulty.endpoint());

            PublishException e = assertFailsWithin(handler, "signin-root-console-login.json");

            assertEquals(3, faulty.requests(), "the STANDARD retry mode makes 3 attempts");
            assertTrue(e.getMessage().contains("Throttling") || e.getMessage().contains("injected"), e.getMessage());
        }
    }

    @Test
    void aResponseSlowerThanTheTimeoutFailsAfterTheAllowedAttempts() throws Exception {
        try (FaultyEndpoint slow = FaultyEndpoint.slowerThan(Duration.ofSeconds(6))) {
            Handler handler = handlerFor(slow.endpoint());

            PublishException e = assertFailsWithin(handler, "cloudtrail-stop-logging.json");

            assertTrue(slow.requests() >= 1 && slow.requests() <= 3, "attempts: " + slow.requests());
            assertTrue(e.getMessage().contains("7570d776-efa3-48c1-a78d-89440d507dd5"), e.getMessage());
        }
    }

    @Test
    void accessDeniedIsNotRetriedAndFailsNamingTheEvent() throws Exception {
        try (FaultyEndpoint denied = FaultyEndpoint.authorizationError()) {
            Handler handler = handlerFor(denied.endpoint());

            PublishException e = assertFailsWithin(handler, "cloudtrail-stop-logging.json");

            assertEquals(1, denied.requests(), "a denial is not retried");
            assertTrue(e.getMessage().contains("AuthorizationError") && e.getMessage().contains("7570d776"), e.getMessage());
        }
    }

    @Test
    void aTopicKeyTheFunctionMayNotUseIsNotRetriedAndFails() throws Exception {
        try (FaultyEndpoint denied = FaultyEndpoint.kmsAccessDenied()) {
            Handler handler = handlerFor(denied.endpoint());

            PublishException e = assertFailsWithin(handler, "signin-root-console-login.json");

            assertEquals(1, denied.requests(), "a denial is not retried");
            assertTrue(e.getMessage().contains("KMSAccessDenied"), e.getMessage());
        }
    }

    @Test
    void aTransientFaultThatClearsWithinTheRetriesDeliversExactlyOnce() throws Exception {
        try (FaultyEndpoint flaky = FaultyEndpoint.failingThenForwarding(2, SNS.moto().endpoint())) {
            Handler handler = handlerFor(flaky.endpoint());
            TestContext context = new TestContext();

            JsonNode response = invoke(handler, Fixtures.event("kms-schedule-key-deletion.json"), context);

            assertEquals(3, flaky.requests(), "two failures, then the delivery");
            assertTrue(response.hasNonNull("messageId"));
            List<SqsQueue.Delivery> deliveries = SNS.queue().receive(1, Duration.ofSeconds(20));
            deliveries.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2)));
            assertEquals(1, deliveries.size(), "exactly one delivery");
            assertTrue(deliveries.get(0).subject().startsWith("【重大】KMS キーの削除予約"), deliveries.get(0).subject());
        }
    }

    @Test
    void inputThatIsNotJsonIsLoggedAndThrownWithoutPublishing() throws Exception {
        try (FaultyEndpoint sns = FaultyEndpoint.internalError()) {
            Handler handler = handlerFor(sns.endpoint());
            TestContext context = new TestContext();

            InvalidEventException e = assertThrows(InvalidEventException.class,
                    () -> invoke(handler, "{\"detail-type\": ".getBytes(StandardCharsets.UTF_8), context));

            assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
            assertEquals(0, sns.requests(), "nothing is published");
            assertEquals(List.of(LogLevel.ERROR, LogLevel.WARN), context.logLevels(), "the rejection, then the batch's counts");
            JsonNode log = MAPPER.readTree(context.logLines().get(0));
            assertTrue(log.get("message").asText().startsWith("event rejected: not JSON"), log.toString());
            assertEquals("{\"detail-type\": ", log.get("inputPreview").asText());
        }
    }

    private static PublishException assertFailsWithin(Handler handler, String event) {
        TestContext context = new TestContext();
        long start = System.nanoTime();
        PublishException e = assertThrows(PublishException.class, () -> invoke(handler, Fixtures.event(event), context));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, "failed after " + took);
        assertEquals(List.of(LogLevel.ERROR, LogLevel.WARN), context.logLevels(), "one error line, then the batch's counts");
        return e;
    }
}
