package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.ContainerCredentialsEndpoint;
import cloudtrail.notifier.testing.LambdaSandbox;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.RuntimeApi;
import cloudtrail.notifier.testing.SamTemplate;
import cloudtrail.notifier.testing.SqsQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The function as a SnapStart version runs in Lambda: the runtime interface client started as the
 * managed runtime starts it (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start and the org.crac compat
 * property), so our beforeCheckpoint hook runs, then /restore/next, then afterRestore. Lambda gives
 * such a version no AWS_ACCESS_KEY_ID: the execution role's credentials come only from the container
 * endpoint, with a token. The environment and JAVA_TOOL_OPTIONS are template.yaml's.
 */
class SnapStartContractIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "snapstart-authorization-token";
    private static final Duration STEP = Duration.ofSeconds(60);

    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("snapstart-contract");

    @Test
    void aRestoredSnapStartVersionPublishesEverySampleWithTheContainerCredentials() throws Exception {
        List<Path> events = Fixtures.events();
        List<RuntimeApi.Result> results = new ArrayList<>();
        String output;
        List<ContainerCredentialsEndpoint.Fetch> fetches;
        long restoredAt;
        try (RuntimeApi api = new RuntimeApi();
                ContainerCredentialsEndpoint credentials = new ContainerCredentialsEndpoint(TOKEN);
                LambdaSandbox function = LambdaSandbox.start(api, true, environment(credentials, TOKEN))) {
            // Given a version whose beforeCheckpoint hooks ran (the runtime asks for /restore/next)
            function.await(api.checkpointed(), STEP);
            assertFalse(api.initError().isDone(), () -> "the snapshot failed: " + api.initError().join());

            // When it is restored and every sample is invoked
            api.restore();
            List<CompletableFuture<RuntimeApi.Result>> pending = new ArrayList<>();
            for (Path event : events) {
                pending.add(api.invoke(Fixtures.read(event)));
            }
            for (CompletableFuture<RuntimeApi.Result> result : pending) {
                results.add(function.await(result, STEP));
            }
            output = function.output();
            fetches = credentials.fetches();
            restoredAt = api.restoredAt();
        }

        // Then every invocation answered with an SNS message ID
        for (int i = 0; i < events.size(); i++) {
            RuntimeApi.Result result = results.get(i);
            assertFalse(result.error(), events.get(i) + ": " + result.body() + "\nfunction output:\n" + output);
            assertTrue(MAPPER.readTree(result.body()).hasNonNull("messageId"), result.body());
        }

        // And the topic delivered each sample's notification once
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        Set<String> expected = events.stream().map(p -> notifier.render(Fixtures.read(p)))
                .map(Notification::subject).collect(Collectors.toSet());
        List<SqsQueue.Delivery> deliveries = SNS.queue().receive(events.size(), Duration.ofSeconds(30));
        deliveries.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2)));
        assertEquals(events.size(), deliveries.size());
        assertEquals(expected, deliveries.stream().map(SqsQueue.Delivery::subject).collect(Collectors.toSet()));

        // And each delivery's log record is a JSON object whose fields Logs Insights can query
        List<JsonNode> published = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{") && line.contains("\"published\"")) {
                published.add(MAPPER.readTree(line));
            }
        }
        assertEquals(events.size(), published.size(), output);
        for (JsonNode record : published) {
            assertEquals("INFO", record.path("level").asText(), record::toString);
            assertEquals("published", record.path("message").asText(), record::toString);
            for (String field : List.of("timestamp", "AWSRequestId", "eventId", "eventName", "snsMessageId")) {
                assertTrue(record.path(field).isTextual() && !record.path(field).asText().isEmpty(),
                        () -> field + " missing from " + record);
            }
        }

        // And credentials were fetched with the token, and fetched again after the restore: those
        // cached in the snapshot would be shared by every environment restored from it
        assertTrue(fetches.stream().allMatch(ContainerCredentialsEndpoint.Fetch::authorized), fetches::toString);
        assertTrue(fetches.stream().anyMatch(f -> f.at() > restoredAt), () -> "no credentials fetched after the restore: " + fetches);
    }

    @Test
    void aVersionThatCannotGetCredentialsFailsItsSnapshotWithTheReason() throws Exception {
        try (RuntimeApi api = new RuntimeApi();
                ContainerCredentialsEndpoint credentials = new ContainerCredentialsEndpoint(TOKEN);
                LambdaSandbox function = LambdaSandbox.start(api, true, environment(credentials, "a-token-Lambda-did-not-issue"))) {
            // When beforeCheckpoint cannot sign the rehearsed publish
            String error = function.await(api.initError(), STEP);

            // Then the runtime reports the snapshot as failed, so the version never goes live
            assertEquals("Runtime.BeforeCheckpointError", api.initErrorType().join(), error);
            assertFalse(api.checkpointed().isDone(), "the runtime went on to /restore/next");
            assertTrue(function.awaitExit(STEP) != 0, "the runtime exits");
            // And the log says why
            String output = function.output();
            assertTrue(output.contains("SnapStart priming failed") && output.contains("credentials"), output);
            assertTrue(credentials.fetches().stream().noneMatch(ContainerCredentialsEndpoint.Fetch::authorized));
        }
    }

    /** template.yaml's environment, the topic on moto, and the container credentials, as SnapStart gives them. */
    private static Map<String, String> environment(ContainerCredentialsEndpoint credentials, String token) throws Exception {
        Map<String, String> env = new HashMap<>(SamTemplate.load().functionEnvironment(SNS.resources()));
        env.put("AWS_ENDPOINT_URL_SNS", SNS.moto().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", SNS.moto().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSM", SNS.moto().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_ORGANIZATIONS", SNS.moto().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_IDENTITYSTORE", SNS.moto().endpoint().toString());
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
        assertTrue(env.keySet().stream().noneMatch(k -> k.startsWith("AWS_") && k.contains("KEY")),
                "a SnapStart version has no AWS_*KEY* variables: " + env.keySet());
        return env;
    }
}
