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

    /** With OrganizationId, the organization's accounts may put events on the home bus, and nobody else may. */
    @Test
    void onlyTheOrganizationMayPutEventsOnTheHomeBusAndOnlyWhenItIsGiven() throws Exception {
        JsonNode template = read("template.yaml");
        JsonNode policy = template.path("Resources").path("OrganizationMayForwardEvents");

        assertEquals("AWS::Events::EventBusPolicy", policy.path("Type").asText());
        assertEquals("HasOrganization", policy.path("Condition").asText());
        assertEquals(json("{\"Fn::Not\": [{\"Fn::Equals\": [{\"Ref\": \"OrganizationId\"}, \"\"]}]}"),
                template.path("Conditions").path("HasOrganization"));
        assertEquals("", template.path("Parameters").path("OrganizationId").path("Default").asText(), "off unless asked for");
        JsonNode statement = policy.path("Properties").path("Statement");
        assertEquals("Allow", statement.path("Effect").asText());
        assertEquals("events:PutEvents", statement.path("Action").asText());
        assertEquals(json("{\"StringEquals\": {\"aws:PrincipalOrgID\": {\"Ref\": \"OrganizationId\"}}}"), statement.path("Condition"));
        assertEquals("default", policy.path("Properties").path("EventBusName").asText());
    }

    /** The organization's StackSet deploys forwarder.yaml as it is, to the OUs and regions given, as accounts join. */
    @Test
    void theChatChannelOnlyReceivesNotifications() throws Exception {
        JsonNode template = read("template.yaml");
        JsonNode resources = template.path("Resources");
        JsonNode channel = resources.path("ChatChannel");

        assertEquals("AWS::Chatbot::SlackChannelConfiguration", channel.path("Type").asText());
        for (String name : List.of("ChatChannel", "ChatChannelRole", "ChatChannelGuardrail")) {
            assertEquals("HasSlackChannel", resources.path(name).path("Condition").asText(), name + " only with a channel");
        }
        assertEquals("", template.path("Parameters").path("ChatSlackWorkspaceId").path("Default").asText(), "off unless asked for");
        assertEquals(json("[{\"Ref\": \"NotificationTopic\"}]"), channel.path("Properties").path("SnsTopicArns"));
        assertEquals(json("[{\"Ref\": \"ChatChannelGuardrail\"}]"), channel.path("Properties").path("GuardrailPolicies"));
        assertEquals(json("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}"""),
                resources.path("ChatChannelGuardrail").path("Properties").path("PolicyDocument"), "the guardrail denies everything");
        JsonNode role = resources.path("ChatChannelRole").path("Properties");
        assertTrue(role.path("Policies").isMissingNode() && role.path("ManagedPolicyArns").isMissingNode(), "the role may do nothing");
        assertEquals("chatbot.amazonaws.com",
                role.path("AssumeRolePolicyDocument").path("Statement").path(0).path("Principal").path("Service").asText());
    }

    @Test
    void theOrganizationsStackSetDeploysTheForwarderAsItIsWhereverAccountsJoin() throws Exception {
        JsonNode template = read("template.yaml");
        JsonNode stackSet = template.path("Resources").path("Forwarders");
        JsonNode properties = stackSet.path("Properties");

        assertEquals("AWS::CloudFormation::StackSet", stackSet.path("Type").asText());
        assertEquals("DeployForwarders", stackSet.path("Condition").asText());
        assertTrue(template.path("Conditions").path("DeployForwarders").toString().contains("{\"Condition\":\"HasOrganization\"}"),
                "only with OrganizationId");
        assertEquals(Files.readString(Path.of("forwarder.yaml"), StandardCharsets.UTF_8), properties.path("TemplateBody").asText(),
                "the StackSet's template is forwarder.yaml, byte for byte: after changing forwarder.yaml, paste it under"
                        + " template.yaml's Forwarders TemplateBody, indented by 10 spaces");
        assertEquals("SERVICE_MANAGED", properties.path("PermissionModel").asText());
        assertTrue(properties.path("AutoDeployment").path("Enabled").asBoolean(), "accounts that join get it");
        assertEquals(json("{\"OrganizationalUnitIds\": {\"Ref\": \"ForwarderOrganizationalUnitIds\"}}"),
                properties.path("StackInstancesGroup").path(0).path("DeploymentTargets"));
        assertEquals(json("{\"Ref\": \"ForwarderRegions\"}"), properties.path("StackInstancesGroup").path(0).path("Regions"));
        assertEquals(json("""
                [{"ParameterKey": "HomeRegion", "ParameterValue": {"Ref": "AWS::Region"}},
                 {"ParameterKey": "HomeAccountId", "ParameterValue": {"Ref": "AWS::AccountId"}},
                 {"ParameterKey": "ForwardReadOnlyEvents", "ParameterValue": {"Ref": "MonitorReadOnlyEvents"}}]"""),
                properties.path("Parameters"));
    }

    /** A forwarder on the notifier's own bus (its region, its account) would send every event back to it. */
    @Test
    void theForwarderRefusesTheHomeBusAndNothingElse() throws Exception {
        JsonNode rules = read("forwarder.yaml").path("Rules");
        assertEquals(1, rules.size(), rules.toString());
        JsonNode assertion = rules.path("NotTheHomeBus").path("Assertions").path(0);
        assertTrue(rules.path("NotTheHomeBus").path("RuleCondition").isMissingNode(), "it applies to every deployment");
        assertEquals(json("""
                {"Fn::Not": [{"Fn::And": [{"Fn::Equals": [{"Ref": "AWS::Region"}, {"Ref": "HomeRegion"}]},
                  {"Fn::Or": [{"Fn::Equals": [{"Ref": "HomeAccountId"}, ""]},
                              {"Fn::Equals": [{"Ref": "HomeAccountId"}, {"Ref": "AWS::AccountId"}]}]}]}]}"""),
                assertion.path("Assert"));
        assertTrue(assertion.path("AssertDescription").asText().contains("home bus"), assertion.toString());
    }

    @Test
    void everyForwardingRuleRetriesAndParksWhatItCannotDeliverInItsOwnQueue() throws Exception {
        JsonNode resources = read("forwarder.yaml").path("Resources");
        List<String> forwarding = new ArrayList<>();
        for (var r : resources.properties()) {
            if (r.getValue().path("Type").asText().equals("AWS::Events::Rule")) {
                forwarding.add(r.getKey());
                JsonNode targets = r.getValue().path("Properties").path("Targets");
                assertEquals(1, targets.size(), r.getKey());
                JsonNode target = targets.get(0);
                assertTrue(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt() > 0, target.toString());
                assertTrue(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt() >= 60, target.toString());
                assertEquals(json("{\"Fn::GetAtt\": [\"ForwardDeadLetterQueue\", \"Arn\"]}"), target.path("DeadLetterConfig").path("Arn"));
                assertEquals(json("{\"Fn::GetAtt\": [\"ForwardRole\", \"Arn\"]}"), target.path("RoleArn"), r.getKey());
            }
        }
        assertTrue(forwarding.size() >= 5, forwarding.toString());

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
        List<String> allowed = new ArrayList<>();
        statement.path("Condition").path("ArnEquals").path("aws:SourceArn").forEach(arn -> allowed.add(arn.path("Fn::GetAtt").path(0).asText()));
        assertEquals(forwarding, allowed, "only the forwarding rules may send, each listed");

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
