package cloudtrail.notifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The templates' wiring that no event pattern shows: where they may run, retries, dead letters, retention. */
class TemplateResourcesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode read(String file) throws IOException {
        return CfnYaml.read(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    @Test
    void theForwarderRefusesEveryRegionButUsEast1() throws Exception {
        JsonNode rules = read("forwarder.yaml").path("Rules");
        List<JsonNode> regionAssertions = new ArrayList<>();
        rules.forEach(rule -> rule.path("Assertions").forEach(a -> {
            if (a.path("Assert").toString().contains("AWS::Region")) {
                assertTrue(rule.path("RuleCondition").isMissingNode(), "the region rule applies to every deployment");
                regionAssertions.add(a);
            }
        }));

        assertEquals(1, regionAssertions.size(), rules.toString());
        JsonNode assertion = regionAssertions.get(0);
        assertEquals(json("{\"Fn::Equals\": [{\"Ref\": \"AWS::Region\"}, \"us-east-1\"]}"), assertion.path("Assert"));
        String description = assertion.path("AssertDescription").asText();
        assertTrue(description.contains("us-east-1"), description);
    }

    @Test
    void theForwardingRuleRetriesAndParksWhatItCannotDeliverInItsOwnQueue() throws Exception {
        JsonNode resources = read("forwarder.yaml").path("Resources");
        JsonNode targets = resources.path("ForwardGlobalServiceEvents").path("Properties").path("Targets");
        assertEquals(1, targets.size());
        JsonNode target = targets.get(0);

        assertTrue(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt() > 0, target.toString());
        assertTrue(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt() >= 60, target.toString());
        assertEquals(json("{\"Fn::GetAtt\": [\"ForwardDeadLetterQueue\", \"Arn\"]}"), target.path("DeadLetterConfig").path("Arn"));

        JsonNode queue = resources.path("ForwardDeadLetterQueue");
        assertEquals("AWS::SQS::Queue", queue.path("Type").asText());
        assertEquals(1_209_600, queue.path("Properties").path("MessageRetentionPeriod").asInt(), "14 days");
        assertTrue(queue.path("Properties").path("SqsManagedSseEnabled").asBoolean(), "encrypted at rest");
        assertRetained(queue);

        JsonNode policy = resources.path("ForwardDeadLetterQueuePolicy").path("Properties");
        assertEquals(json("[{\"Ref\": \"ForwardDeadLetterQueue\"}]"), policy.path("Queues"));
        JsonNode statements = policy.path("PolicyDocument").path("Statement");
        assertEquals(1, statements.size());
        JsonNode statement = statements.get(0);
        assertEquals("Allow", statement.path("Effect").asText());
        assertEquals("events.amazonaws.com", statement.path("Principal").path("Service").asText());
        assertEquals("sqs:SendMessage", statement.path("Action").asText());
        assertEquals(json("{\"Fn::GetAtt\": [\"ForwardDeadLetterQueue\", \"Arn\"]}"), statement.path("Resource"));
        assertEquals(json("{\"ArnEquals\": {\"aws:SourceArn\": {\"Fn::GetAtt\": [\"ForwardGlobalServiceEvents\", \"Arn\"]}}}"),
                statement.path("Condition"), "only the forwarding rule may send");

        assertEquals(json("{\"Ref\": \"ForwardDeadLetterQueue\"}"),
                read("forwarder.yaml").path("Outputs").path("DeadLetterQueueUrl").path("Value"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DeadLetterQueue", "NotificationQueue", "TopicKey", "FunctionLogGroup"})
    void statefulResourcesOutliveTheStack(String resource) throws Exception {
        assertRetained(read("template.yaml").path("Resources").path(resource));
    }

    /** Event IDs that expire anyway: deleted with the stack, said explicitly (cfn-lint's I3011 asks for it). */
    @Test
    void theDeliveredEventsTableGoesWithTheStack() throws Exception {
        JsonNode table = read("template.yaml").path("Resources").path("DeliveredEvents");
        assertEquals("Delete", table.path("DeletionPolicy").asText(), table.toString());
        assertEquals("Delete", table.path("UpdateReplacePolicy").asText(), table.toString());
    }

    @Test
    void noServiceMayUseTheTopicKeyOnlyTheAccountAdministersIt() throws Exception {
        JsonNode statements = read("template.yaml").path("Resources").path("TopicKey").path("Properties")
                .path("KeyPolicy").path("Statement");
        List<String> services = new ArrayList<>();
        statements.forEach(s -> {
            JsonNode service = s.path("Principal").path("Service");
            if (service.isArray()) {
                service.forEach(v -> services.add(v.asText()));
            } else if (!service.isMissingNode()) {
                services.add(service.asText());
            }
        });

        assertEquals(List.of(), services, "the alarms no longer publish to the notification topic");
        assertEquals(1, statements.size());
    }

    /**
     * A broken notification topic or key must not silence the alarm that reports it: every alarm publishes to
     * AlarmTopic, which uses no customer managed key (CloudWatch could not use the AWS managed SNS key) and
     * lets only this account's CloudWatch publish.
     */
    @Test
    void theAlarmsReachPeopleWithoutTheNotificationTopicOrItsKey() throws Exception {
        JsonNode resources = read("template.yaml").path("Resources");
        List<String> alarms = new ArrayList<>();
        resources.properties().forEach(r -> {
            if ("AWS::CloudWatch::Alarm".equals(r.getValue().path("Type").asText())) {
                alarms.add(r.getKey());
                JsonNode actions = r.getValue().path("Properties").path("AlarmActions");
                assertEquals(1, actions.size(), r.getKey());
                assertEquals("AlarmTopic", actions.get(0).path("Ref").asText(), r.getKey() + " alarms through AlarmTopic");
            }
        });
        assertEquals(List.of("DeadLetterQueueAlarm", "NotificationQueueAgeAlarm", "FunctionErrorsAlarm", "DeliveryFailuresAlarm"), alarms);

        JsonNode topic = resources.path("AlarmTopic");
        assertTrue(topic.path("Properties").path("KmsMasterKeyId").isMissingNode(), "no key on the alarm path");
        JsonNode statement = resources.path("AlarmTopicPolicy").path("Properties").path("PolicyDocument").path("Statement").get(0);
        assertEquals("cloudwatch.amazonaws.com", statement.path("Principal").path("Service").asText());
        assertEquals("sns:Publish", statement.path("Action").asText());
        assertEquals("AWS::AccountId", statement.path("Condition").path("StringEquals").path("aws:SourceAccount").path("Ref").asText());
        JsonNode subscription = resources.path("AlarmSubscription");
        assertEquals("AlarmTopic", subscription.path("Properties").path("TopicArn").path("Ref").asText());
        assertEquals("email", subscription.path("Properties").path("Protocol").asText());
    }

    @Test
    void everyFunctionPropertyChangePublishesAVersionAndTheLogsKeepStartAndReport() throws Exception {
        JsonNode function = read("template.yaml").path("Resources").path("NotifierFunction").path("Properties");

        assertTrue(function.path("AutoPublishAliasAllProperties").asBoolean(), function.toString());
        assertEquals("INFO", function.path("LoggingConfig").path("SystemLogLevel").asText());
        assertFalse(function.path("AutoPublishAlias").asText().isEmpty());
    }

    private static void assertRetained(JsonNode resource) {
        assertEquals("Retain", resource.path("DeletionPolicy").asText(), resource.toString());
        assertEquals("Retain", resource.path("UpdateReplacePolicy").asText(), resource.toString());
    }
}
