package cloudtrail.notifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's path from a rule to the function, as a user would check it: every rule puts its events
 * on NotificationQueue (and parks what it cannot put there), the queue is encrypted, hides a batch long
 * enough and parks what the function keeps failing on, the function reads it in batches at a bounded
 * concurrency, and the table that remembers delivered events is the only one the function may write.
 */
class QueueTemplateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** SNS suspends an e-mail subscription that receives more than 10 messages a second; stay at half of it. */
    private static final int MAX_PUBLISHES_PER_SECOND_ON_THE_TOPIC = 5;

    private static SamTemplate template;
    private static JsonNode resources;
    private static JsonNode function;

    @BeforeAll
    static void load() throws IOException {
        template = SamTemplate.load();
        resources = template.root().path("Resources");
        function = template.function();
    }

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    @Test
    void everyRuleTargetsTheQueueOnlyAndParksWhatItCannotDeliver() throws Exception {
        Map<String, JsonNode> rules = template.rules();
        assertEquals(24, rules.size(), rules.keySet().toString());
        for (Map.Entry<String, JsonNode> rule : rules.entrySet()) {
            JsonNode targets = rule.getValue().path("Targets");
            assertEquals(1, targets.size(), rule.getKey());
            JsonNode target = targets.get(0);
            assertEquals(json("{\"Fn::GetAtt\": [\"NotificationQueue\", \"Arn\"]}"), target.path("Arn"), rule.getKey());
            assertEquals(json("{\"Fn::GetAtt\": [\"DeadLetterQueue\", \"Arn\"]}"), target.path("DeadLetterConfig").path("Arn"), rule.getKey());
            assertTrue(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt() > 0, rule.getKey());
            assertTrue(target.path("RoleArn").isMissingNode(), rule.getKey() + ": the queue policy lets the rule send, no role needed");
        }
        assertTrue(function.path("Events").properties().stream().noneMatch(e -> {
            String type = e.getValue().path("Type").asText();
            return type.equals("EventBridgeRule") || type.equals("CloudWatchEvent");
        }), "no rule invokes the function directly");
    }

    @Test
    void theQueueIsEncryptedAndParksWhatTheFunctionKeepsFailingOn() throws Exception {
        JsonNode queue = resources.path("NotificationQueue");
        assertEquals("AWS::SQS::Queue", queue.path("Type").asText());
        JsonNode properties = queue.path("Properties");
        assertTrue(properties.path("SqsManagedSseEnabled").asBoolean(), "SSE-SQS: EventBridge and Lambda need no key grant");
        assertTrue(properties.path("KmsMasterKeyId").isMissingNode());
        assertEquals(json("{\"Fn::GetAtt\": [\"DeadLetterQueue\", \"Arn\"]}"), properties.path("RedrivePolicy").path("deadLetterTargetArn"));
        assertEquals(5, properties.path("RedrivePolicy").path("maxReceiveCount").asInt(), "AWS recommends at least 5 for a Lambda event source");
        assertTrue(properties.path("MessageRetentionPeriod").asInt()
                        < resources.path("DeadLetterQueue").path("Properties").path("MessageRetentionPeriod").asInt(),
                "a parked message keeps its first enqueue time: the dead-letter queue must keep messages longer");
    }

    @Test
    void aBatchStaysHiddenForSixTimesTheFunctionsTimeout() {
        int timeout = function.path("Timeout").asInt();
        int visibility = resources.path("NotificationQueue").path("Properties").path("VisibilityTimeout").asInt();
        assertTrue(timeout > 0, function.toString());
        assertTrue(visibility >= 6 * timeout, "VisibilityTimeout " + visibility + " < 6 x Timeout " + timeout);
    }

    @Test
    void theFunctionReadsTheQueueInBatchesReportsFailuresAndRunsAtMostTwice() throws Exception {
        JsonNode events = function.path("Events");
        assertEquals(1, events.size(), events.toString());
        JsonNode event = events.elements().next();
        assertEquals("SQS", event.path("Type").asText());
        JsonNode properties = event.path("Properties");
        assertEquals(json("{\"Fn::GetAtt\": [\"NotificationQueue\", \"Arn\"]}"), properties.path("Queue"));
        assertEquals(json("[\"ReportBatchItemFailures\"]"), properties.path("FunctionResponseTypes"));
        assertEquals(json("{\"Ref\": \"DigestWindowSeconds\"}"), properties.path("MaximumBatchingWindowInSeconds"));
        int concurrency = properties.path("ScalingConfig").path("MaximumConcurrency").asInt();
        assertTrue(concurrency >= 2, "Lambda's minimum MaximumConcurrency is 2: " + concurrency);

        // a batch of more than 10 messages needs a batching window of a second at least (Lambda refuses it otherwise)
        JsonNode batchSize = properties.path("BatchSize").path("Fn::If");
        assertEquals(3, batchSize.size(), properties.toString());
        assertEquals("Grouping", batchSize.path(0).asText());
        assertTrue(batchSize.path(1).asInt() > 10 && batchSize.path(1).asInt() <= 10_000, batchSize.toString());
        assertTrue(batchSize.path(2).asInt() <= 10, batchSize.toString());
        assertEquals(json("{\"Fn::Not\": [{\"Fn::Equals\": [{\"Ref\": \"DigestWindowSeconds\"}, 0]}]}"),
                template.root().path("Conditions").path("Grouping"));
        JsonNode window = template.root().path("Parameters").path("DigestWindowSeconds");
        assertEquals(0, window.path("MinValue").asInt());
        assertTrue(window.path("MaxValue").asInt() <= 300, "Lambda's longest batching window is 300 s");

        assertTrue(function.path("DeadLetterQueue").isMissingNode(), "asynchronous invocations only");
        assertTrue(function.path("EventInvokeConfig").isMissingNode(), "asynchronous invocations only");
    }

    @Test
    void theFunctionPublishesSlowerThanAnEmailSubscriptionIsSuspendedFor() {
        int concurrency = function.path("Events").elements().next().path("Properties").path("ScalingConfig").path("MaximumConcurrency").asInt();
        JsonNode perInstance = function.path("Environment").path("Variables").path("MAX_PUBLISHES_PER_SECOND");
        assertTrue(perInstance.isTextual(), "a literal, not a parameter: " + perInstance);
        int rate = Integer.parseInt(perInstance.asText());
        assertTrue(rate > 0);
        assertTrue(concurrency * rate <= MAX_PUBLISHES_PER_SECOND_ON_THE_TOPIC,
                concurrency + " instances x " + rate + " per second > " + MAX_PUBLISHES_PER_SECOND_ON_THE_TOPIC);
    }

    @Test
    void theDeliveredEventsTableIsTheFunctionsAndExpiresItsItems() throws Exception {
        JsonNode variables = function.path("Environment").path("Variables");
        assertEquals(json("{\"Ref\": \"DeliveredEvents\"}"), variables.path("DEDUP_TABLE"));
        JsonNode table = resources.path("DeliveredEvents");
        assertEquals("AWS::DynamoDB::Table", table.path("Type").asText());
        JsonNode properties = table.path("Properties");
        assertTrue(properties.path("TableName").isMissingNode(), "CloudFormation names it: two stacks never share one");
        assertEquals("PAY_PER_REQUEST", properties.path("BillingMode").asText());
        assertEquals(json("[{\"AttributeName\": \"eventId\", \"KeyType\": \"HASH\"}]"), properties.path("KeySchema"));
        assertEquals(json("[{\"AttributeName\": \"eventId\", \"AttributeType\": \"S\"}]"), properties.path("AttributeDefinitions"));
        assertTrue(properties.path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertFalse(properties.path("TimeToLiveSpecification").path("AttributeName").asText().isEmpty());
        assertTrue(properties.path("SSESpecification").path("SSEEnabled").asBoolean());
    }

    /** The function may read and write single items of its table, and nothing else of DynamoDB. */
    @Test
    void theFunctionsGrantOnTheTableIsFourItemActions() {
        Set<String> onTheTable = new TreeSet<>();
        List<String> elsewhere = new ArrayList<>();
        for (JsonNode policy : function.path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                List<String> actions = new ArrayList<>();
                JsonNode action = statement.path("Action");
                if (action.isArray()) {
                    action.forEach(a -> actions.add(a.asText()));
                } else {
                    actions.add(action.asText());
                }
                boolean table = "DeliveredEvents".equals(statement.path("Resource").path("Fn::GetAtt").path(0).asText());
                for (String a : actions) {
                    if (table) {
                        onTheTable.add(a);
                    } else if (a.startsWith("dynamodb:")) {
                        elsewhere.add(a + " on " + statement.path("Resource"));
                    }
                }
            }
            assertTrue(policy.path("DynamoDBCrudPolicy").isMissingNode() && policy.path("DynamoDBWritePolicy").isMissingNode(), policy.toString());
        }
        assertEquals(Set.of("dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"), onTheTable);
        assertEquals(List.of(), elsewhere);
    }

    @Test
    void anOldNotificationRaisesAnAlarm() throws Exception {
        JsonNode alarm = resources.path("NotificationQueueAgeAlarm").path("Properties");
        assertEquals("AWS/SQS", alarm.path("Namespace").asText());
        assertEquals("ApproximateAgeOfOldestMessage", alarm.path("MetricName").asText());
        assertEquals(json("[{\"Name\": \"QueueName\", \"Value\": {\"Fn::GetAtt\": [\"NotificationQueue\", \"QueueName\"]}}]"), alarm.path("Dimensions"));
        int windowMax = template.root().path("Parameters").path("DigestWindowSeconds").path("MaxValue").asInt();
        assertTrue(alarm.path("Threshold").asInt() > windowMax, "a message waiting for its batching window is not late");
        assertEquals("notBreaching", alarm.path("TreatMissingData").asText());
    }

    @Test
    void theStackNamesItsQueueAndTable() throws Exception {
        JsonNode outputs = template.root().path("Outputs");
        assertEquals(json("{\"Ref\": \"NotificationQueue\"}"), outputs.path("NotificationQueueUrl").path("Value"));
        assertEquals(json("{\"Ref\": \"DeliveredEvents\"}"), outputs.path("DeliveredEventsTable").path("Value"));
    }
}
