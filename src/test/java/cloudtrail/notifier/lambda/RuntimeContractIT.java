package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.MotoServer;
import cloudtrail.notifier.testing.LambdaSandbox;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.RuntimeApi;
import cloudtrail.notifier.testing.SqsQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The function as Lambda runs a version without SnapStart: the real Lambda Java runtime client in a
 * child JVM ({@link LambdaSandbox}: the package `sam build` lays out, template.yaml's handler and
 * environment), against a Runtime API served here and SNS served by SNS.moto().
 */
class RuntimeContractIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REGION = "ap-northeast-1";
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("runtime-contract");

    @Test
    void theRuntimeClientRunsTheTemplatesHandlerAndEveryEventIsPublished() throws Exception {
        List<Path> events = Fixtures.events();
        try (RuntimeApi api = new RuntimeApi(); LambdaSandbox function = start(api, SNS.moto().endpoint().toString())) {
            // When every sample event is invoked through the Runtime API
            List<CompletableFuture<RuntimeApi.Result>> results = new ArrayList<>();
            for (Path event : events) {
                results.add(api.invoke(Fixtures.read(event)));
            }

            // Then each invocation answers with the SNS message ID
            for (int i = 0; i < events.size(); i++) {
                RuntimeApi.Result result = function.await(results.get(i), AWAIT);
                assertFalse(result.error(), events.get(i) + ": " + result.body());
                assertTrue(MAPPER.readTree(result.body()).hasNonNull("messageId"), result.body());
            }
        }

        // And the topic delivered each rendering once
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        Set<String> expected = events.stream().map(p -> notifier.render(Fixtures.read(p)))
                .map(Notification::subject).collect(Collectors.toSet());
        List<SqsQueue.Delivery> deliveries = SNS.queue().receive(events.size(), Duration.ofSeconds(30));
        deliveries.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2)));
        assertEquals(events.size(), deliveries.size());
        assertEquals(expected, deliveries.stream().map(SqsQueue.Delivery::subject).collect(Collectors.toSet()));
    }

    @Test
    void aFailedPublishComesBackThroughTheRuntimeErrorPath() throws Exception {
        String deadEndpoint = "http://127.0.0.1:" + MotoServer.freePort();
        try (RuntimeApi api = new RuntimeApi(); LambdaSandbox function = start(api, deadEndpoint)) {
            RuntimeApi.Result result = function.await(api.invoke(Fixtures.event("cloudtrail-stop-logging.json")), AWAIT);

            assertTrue(result.error(), result.body());
            JsonNode error = MAPPER.readTree(result.body());
            assertEquals("cloudtrail.notifier.publish.PublishException", error.path("errorType").asText(), result.body());
            assertTrue(error.path("errorMessage").asText().contains("7570d776-efa3-48c1-a78d-89440d507dd5"), result.body());

            // and the function keeps serving the next event (here: not JSON, also an error)
            RuntimeApi.Result next = function.await(api.invoke("not json".getBytes(StandardCharsets.UTF_8)), AWAIT);
            assertTrue(next.error(), next.body());
            assertEquals("cloudtrail.notifier.event.InvalidEventException", MAPPER.readTree(next.body()).path("errorType").asText());
        }
    }

    /**
     * A version without SnapStart ($LATEST), as Lambda runs it: the execution role's credentials in
     * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, template.yaml's environment.
     */
    private static LambdaSandbox start(RuntimeApi api, String snsEndpoint) throws IOException {
        return LambdaSandbox.start(api, false, SNS.deployedEnvironment(snsEndpoint, SNS.newLedger()));
    }
}
