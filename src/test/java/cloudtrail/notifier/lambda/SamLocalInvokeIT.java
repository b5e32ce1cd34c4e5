package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.LambdaSandbox;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.RuntimeApi;
import cloudtrail.notifier.testing.SamTemplate;
import cloudtrail.notifier.testing.SqsQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `sam local invoke NotifierFunction -e events/FILE [--env-vars local-env.json]` as SAM CLI runs it: the
 * runtime interface client on the package `sam build` lays out, template.yaml's environment with
 * {@code !Ref NotificationTopic} resolved as SAM CLI resolves a resource it does not create (to the logical
 * ID), --env-vars applied to the variables the template declares, AWS_SAM_LOCAL=true, and a profile's
 * credentials passed as AWS_ACCESS_KEY_ID and friends.
 */
class SamLocalInvokeIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Path ENV_VARS = Path.of("local-env.json");

    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("sam-local");

    @Test
    void everySampleIsRenderedIntoTheResponseAndNothingIsPublished() throws Exception {
        List<Path> events = Fixtures.events();
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        try (FaultyEndpoint sns = FaultyEndpoint.internalError(); RuntimeApi api = new RuntimeApi();
                LambdaSandbox function = LambdaSandbox.start(api, false, samCli(Map.of(), sns.endpoint().toString()))) {
            List<CompletableFuture<RuntimeApi.Result>> pending = new ArrayList<>();
            for (Path event : events) {
                pending.add(api.invoke(Fixtures.read(event)));
            }
            for (int i = 0; i < events.size(); i++) {
                RuntimeApi.Result result = function.await(pending.get(i), STEP);
                Notification expected = notifier.render(Fixtures.read(events.get(i)));

                assertFalse(result.error(), events.get(i) + ": " + result.body() + "\n" + function.output());
                JsonNode response = MAPPER.readTree(result.body());
                assertEquals(expected.subject(), response.path("subject").asText(), events.get(i).toString());
                assertEquals(expected.message(), response.path("message").asText(), events.get(i).toString());
                assertFalse(response.path("published").asBoolean(true), result.body());
                // and the log shows the mail as it would read: subject, blank line, message
                assertTrue(function.output().contains(expected.subject() + "\n\n" + expected.message()), events.get(i).toString());
            }
            assertEquals(0, sns.requests(), "nothing reaches SNS");
        }
    }

    @Test
    void withARealTopicFromEnvVarsItPublishesAsDeployed() throws Exception {
        try (RuntimeApi api = new RuntimeApi();
                LambdaSandbox function = LambdaSandbox.start(api, false,
                        samCli(Map.of("TOPIC_ARN", SNS.topicArn(), "DEDUP_TABLE", SNS.newLedger()),
                                SNS.moto().endpoint().toString()))) {
            RuntimeApi.Result result = function.await(api.invoke(Fixtures.event("ssm-start-session.json")), STEP);

            assertFalse(result.error(), result.body() + "\n" + function.output());
            JsonNode response = MAPPER.readTree(result.body());
            assertTrue(response.path("published").asBoolean(false), result.body());
            List<SqsQueue.Delivery> deliveries = SNS.queue().receive(1, Duration.ofSeconds(20));
            assertEquals(1, deliveries.size());
        }
    }

    /**
     * The environment SAM CLI gives the container: its own variables, the template's with Refs resolved as
     * it resolves them, local-env.json's values for the variables the template declares (plus
     * {@code overrides}, as a user's own --env-vars file would hold), and a profile's credentials.
     */
    private static Map<String, String> samCli(Map<String, String> overrides, String snsEndpoint) throws Exception {
        SamTemplate template = SamTemplate.load();
        Map<String, String> env = new HashMap<>(template.functionEnvironment(Map.of("NotificationTopic", "NotificationTopic",
                "DeliveredEvents", "DeliveredEvents", "SuppressionPatternsParameter", "SuppressionPatternsParameter",
                "AccountNamesParameter", "AccountNamesParameter")));
        JsonNode envVars = MAPPER.readTree(Files.readString(ENV_VARS)).path("NotifierFunction");
        envVars.properties().forEach(e -> {
            assertTrue(env.containsKey(e.getKey()), "SAM CLI applies --env-vars only to the template's variables: " + e.getKey());
            env.put(e.getKey(), e.getValue().asText());
        });
        env.putAll(overrides);
        env.put("AWS_SAM_LOCAL", "true");
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", template.function().path("Timeout").asText());
        env.put("AWS_LAMBDA_FUNCTION_HANDLER", template.functionHandler());
        env.put("AWS_ACCOUNT_ID", "123456789012");
        env.put("AWS_ACCESS_KEY_ID", "AKIAPROFILEKEYS");
        env.put("AWS_SECRET_ACCESS_KEY", "profile-secret");
        env.put("AWS_SESSION_TOKEN", "profile-session-token");
        env.put("AWS_ENDPOINT_URL_SNS", snsEndpoint);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", snsEndpoint);
        env.put("AWS_ENDPOINT_URL_SSM", snsEndpoint);
        env.put("AWS_ENDPOINT_URL_ORGANIZATIONS", snsEndpoint);
        env.put("AWS_ENDPOINT_URL_IDENTITYSTORE", snsEndpoint);
        return env;
    }
}
