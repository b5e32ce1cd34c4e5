package cloudtrail.notifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.testing.SamTemplate;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Offline proof that the rules fire: the template after the SAM transform, each rule's pattern
 * matched by event-ruler (EventBridge's engine) against the sample events.
 */
class TemplateRulesIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** SAM names the resources it generates for the function (its role, alias, event source mapping) after it. */
    private static final String FUNCTION = "NotifierFunction";
    /** The secret the GetSecretValue sample reads, given as the WatchedSecretArns parameter. */
    private static final String WATCHED_SECRET = "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:sample/secret-wPvfcr";
    private static final int MAX_PATTERN_CHARS = 4_096;

    /** Which rules each sample must trigger; an empty set: no rule may fire. */
    private static final Map<String, Set<String>> EXPECTED = expected();

    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("aws-service-call", Set.of());
        m.put("cloudtrail-insights-api-call-rate", Set.of());
        m.put("cloudtrail-insights-api-error-rate", Set.of());
        m.put("cloudtrail-stop-logging", Set.of("CloudTrailChanges"));
        m.put("config-stop-configuration-recorder", Set.of("ConfigChanges"));
        m.put("ec2-attach-internet-gateway", Set.of("NetworkGatewayChanges"));
        m.put("ec2-authorize-security-group-ingress", Set.of("SecurityGroupChanges"));
        m.put("ec2-create-network-acl-entry", Set.of("NetworkAclChanges"));
        m.put("ec2-create-route", Set.of("RouteTableChanges"));
        m.put("ec2-create-vpc", Set.of("VpcChanges"));
        m.put("ec2-describe-instances", Set.of());
        m.put("ec2-run-instances", Set.of());
        m.put("ec2-terminate-instances-denied", Set.of("UnauthorizedApiCalls"));
        m.put("guardduty-finding", Set.of("GuardDutyHighSeverityFindings"));
        m.put("guardduty-instance-credential-exfiltration", Set.of("GuardDutyHighSeverityFindings"));
        // the template has no rule for AWS Health or Security Hub yet: the renderer reads them when a rule is added
        m.put("health-ec2-instance-retirement", Set.of());
        m.put("iam-attach-role-policy", Set.of("IamPolicyChanges"));
        m.put("iam-create-access-key", Set.of("AccessKeyCreated"));
        m.put("iam-user-console-login-success-no-mfa", Set.of("ConsoleSignInWithoutMfa"));
        m.put("identity-center-user-call", Set.of());
        m.put("kms-schedule-key-deletion", Set.of("KmsKeyDisabledOrDeleted"));
        m.put("organizations-attach-policy", Set.of("OrganizationsChanges"));
        m.put("organizations-create-account", Set.of("AccountCreation"));
        m.put("organizations-create-account-result", Set.of("AccountCreation"));
        m.put("organizations-create-account-root", Set.of("RootActivity"));
        m.put("root-api-call", Set.of("RootActivity"));
        m.put("s3-list-buckets", Set.of());
        m.put("s3-put-bucket-policy", Set.of("S3BucketPolicyChanges"));
        m.put("secretsmanager-get-secret-value", Set.of("SecretRead"));
        m.put("secretsmanager-get-secret-value-denied", Set.of("UnauthorizedApiCalls"));
        m.put("securityhub-control-failed", Set.of());
        m.put("signin-iam-user-console-login-failed", Set.of("ConsoleSignInFailures"));
        m.put("signin-root-console-login", Set.of("RootSignIn"));
        m.put("ssm-start-session", Set.of("SessionManagerSessions"));
        m.put("sts-get-caller-identity", Set.of());
        m.put("rds-snapshot-shared-with-another-account", Set.of("RiskyChanges2"));
        m.put("rds-snapshot-shared-with-own-account", Set.of("RiskyChanges2"));
        m.put("lambda-permission-to-everyone", Set.of("RiskyChanges1"));
        m.put("guardduty-detector-suspended", Set.of("RiskyChanges1"));
        m.put("secretsmanager-force-delete", Set.of("RiskyChanges3"));
        m.put("secretsmanager-delete-with-recovery-window", Set.of());
        m.put("iam-trust-policy-another-account", Set.of("RiskyChanges1"));
        m.put("iam-trust-policy-another-account-denied", Set.of("UnauthorizedApiCalls"));
        m.put("sts-federation-token-full-access", Set.of("RiskyChanges3"));
        m.put("cloudtrail-event-selectors-no-management-events", Set.of("CloudTrailChanges"));
        return m;
    }

    private static JsonNode transformed;
    private static List<Rule> deployed;
    private static RuleMatcher matcher;

    @BeforeAll
    static void transformTheTemplate() throws Exception {
        ExternalTool.Result sam = ExternalTool.run("python3", "src/test/python/sam_transform.py", "template.yaml");
        assertEquals(0, sam.exitCode(), sam.stderr());
        transformed = MAPPER.readTree(sam.stdout());
        deployed = TemplateRules.of(transformed, Map.of("WatchedSecretArns", WATCHED_SECRET));
        matcher = new RuleMatcher(deployed);
    }

    @Test
    void cfnLintFindsNothingInEitherTemplateInformationalChecksIncluded() throws Exception {
        // "--" ends --include-checks, which takes several values: without it the file names would be read
        // as check ids and cfn-lint would lint standard input instead.
        ExternalTool.Result lint = ExternalTool.run("cfn-lint", "--include-checks", "I", "--", "template.yaml", "forwarder.yaml");

        assertEquals("", lint.stdout().strip(), "cfn-lint findings");
        assertEquals(0, lint.exitCode(), lint.stdout() + lint.stderr());
    }

    /**
     * SECURITY.md: the function's role may publish to its topic, use its key, record the events it delivered,
     * read its queue and write its logs; nothing else. The queue's part is SAM's for an SQS event: the AWS
     * managed AWSLambdaSQSQueueExecutionRole (sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes
     * and the log actions, on every resource); no KMS grant, since the queue is encrypted with SSE-SQS.
     */
    @Test
    void theFunctionsRoleMayOnlyPublishUseTheTopicKeyRecordDeliveriesReadItsQueueAndLog() {
        JsonNode role = transformed.path("Resources").path(FUNCTION + "Role").path("Properties");
        assertEquals("[\"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\","
                + "\"arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole\"]", role.path("ManagedPolicyArns").toString());
        Map<String, String> grants = new java.util.TreeMap<>();
        for (JsonNode policy : role.path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                assertEquals("Allow", statement.path("Effect").asText());
                JsonNode resource = statement.path("Resource");
                String target = resource.has("Fn::GetAtt") ? resource.path("Fn::GetAtt").path(0).asText()
                        : resource.path("Fn::Sub").isTextual() ? resource.path("Fn::Sub").asText()
                        : resource.path("Fn::Sub").path(1).path("topicName").path("Fn::GetAtt").path(0).asText();
                JsonNode actions = statement.path("Action");
                (actions.isArray() ? actions : MAPPER.createArrayNode().add(actions))
                        .forEach(a -> grants.merge(a.asText(), target, (x, y) -> x + "," + y));
            }
        }
        assertEquals(Map.of("sns:Publish", "NotificationTopic", "kms:GenerateDataKey", "TopicKey", "kms:Decrypt", "TopicKey",
                "dynamodb:PutItem", "DeliveredEvents", "dynamodb:UpdateItem", "DeliveredEvents", "dynamodb:DeleteItem", "DeliveredEvents",
                "dynamodb:GetItem", "DeliveredEvents",
                "ssm:GetParameter", "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${SuppressionPatternsParameter},"
                        + "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AccountNamesParameter}",
                "organizations:DescribeAccount", "arn:${AWS::Partition}:organizations::*:account/o-*/*",
                "identitystore:DescribeUser", "arn:${AWS::Partition}:identitystore::*:identitystore/*,arn:${AWS::Partition}:identitystore:::user/*"),
                grants);
    }

    /**
     * The function's one event source is the queue, through the alias: EventBridge no longer invokes it (no
     * permission for events.amazonaws.com), and no asynchronous invocation settings remain.
     */
    @Test
    void theQueueIsTheFunctionsOnlyEventSourceAndItInvokesTheAlias() {
        Map<String, JsonNode> mappings = new LinkedHashMap<>();
        List<String> asynchronous = new ArrayList<>();
        transformed.path("Resources").properties().forEach(r -> {
            switch (r.getValue().path("Type").asText()) {
                case "AWS::Lambda::EventSourceMapping" -> mappings.put(r.getKey(), r.getValue().path("Properties"));
                case "AWS::Lambda::Permission", "AWS::Lambda::EventInvokeConfig" -> asynchronous.add(r.getKey());
                default -> { }
            }
        });
        assertEquals(List.of(), asynchronous);
        assertTrue(transformed.path("Resources").path(FUNCTION).path("Properties").path("DeadLetterConfig").isMissingNode());
        assertEquals(1, mappings.size(), mappings.toString());
        JsonNode mapping = mappings.values().iterator().next();
        assertEquals("{\"Fn::GetAtt\":[\"NotificationQueue\",\"Arn\"]}", mapping.path("EventSourceArn").toString());
        assertEquals("{\"Ref\":\"" + FUNCTION + "Aliaslive\"}", mapping.path("FunctionName").toString());
        assertEquals("{\"Ref\":\"DigestWindowSeconds\"}", mapping.path("MaximumBatchingWindowInSeconds").toString());
        assertEquals("{\"Fn::If\":[\"Grouping\",1000,10]}", mapping.path("BatchSize").toString());
        assertEquals("[\"ReportBatchItemFailures\"]", mapping.path("FunctionResponseTypes").toString());
        assertEquals(2, mapping.path("ScalingConfig").path("MaximumConcurrency").asInt());
    }

    /**
     * SAM names the version after the function's properties with their !Ref unresolved, so a new value
     * of a parameter the environment reads publishes nothing by itself (SAM issue #3820). The version's
     * Description, create-only in CloudFormation's schema, carries every such parameter: a new value
     * replaces the version resource, which publishes a version the alias then points at.
     */
    @Test
    void aNewParameterValueTheFunctionReadsPublishesAVersionForTheAlias() throws Exception {
        JsonNode function = transformed.path("Resources").path(FUNCTION).path("Properties");
        Set<String> parametersRead = new TreeSet<>();
        function.path("Environment").path("Variables").forEach(value -> {
            if (transformed.path("Parameters").has(value.path("Ref").asText())) {
                parametersRead.add(value.path("Ref").asText());
            }
        });
        assertEquals(Set.of("Language", "TimeZone", "DigestWindowSeconds", "DigestThreshold", "LookUpNames", "IdentityCenterRegion",
                "AccessPortalUrl", "PortalRoleName"), parametersRead);

        String version = transformed.path("Resources").path(FUNCTION + "Aliaslive").path("Properties")
                .path("FunctionVersion").path("Fn::GetAtt").path(0).asText();
        JsonNode description = transformed.path("Resources").path(version).path("Properties").path("Description");
        for (String parameter : parametersRead) {
            assertTrue(description.path("Fn::Sub").asText().contains("${" + parameter + "}"),
                    parameter + " is not in the version's description: " + description);
        }
        // the description with every parameter at its longest still fits in Lambda's 256 characters
        String longest = description.path("Fn::Sub").asText();
        for (String parameter : parametersRead) {
            longest = longest.replace("${" + parameter + "}", longestValue(parameter));
        }
        assertTrue(longest.length() <= 256, longest.length() + " characters: " + longest);
        // SuppressionPatterns reaches the function through an SSM parameter it reads while running, not its environment
        assertEquals(MAPPER.readTree("{\"Ref\": \"SuppressionPatterns\"}"),
                transformed.path("Resources").path("SuppressionPatternsParameter").path("Properties").path("Value"));
        assertEquals(MAPPER.readTree("{\"Ref\": \"SuppressionPatternsParameter\"}"),
                function.path("Environment").path("Variables").path("SUPPRESSION_PARAMETER"));

        ExternalTool.Result schema = ExternalTool.run("python3", "-c", """
                from cfnlint.schema import PROVIDER_SCHEMA_MANAGER as m
                print(m.get_resource_schema("us-east-1", "AWS::Lambda::Version").schema["createOnlyProperties"])""");
        assertEquals(0, schema.exitCode(), schema.stderr());
        assertTrue(schema.stdout().contains("/properties/Description"), schema.stdout());
    }

    /** A parameter's longest value: its longest allowed value, its MaxValue, or for TimeZone the longest zone ID. */
    private static String longestValue(String parameter) {
        JsonNode declared = transformed.path("Parameters").path(parameter);
        if (parameter.equals("TimeZone")) {
            return java.time.ZoneId.getAvailableZoneIds().stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        }
        if (declared.has("AllowedValues")) {
            String longest = "";
            for (JsonNode v : declared.path("AllowedValues")) {
                longest = v.asText().length() > longest.length() ? v.asText() : longest;
            }
            return longest;
        }
        if (declared.has("MaxValue")) {
            return declared.path("MaxValue").asText();
        }
        if (declared.has("MaxLength")) {
            return "x".repeat(declared.path("MaxLength").asInt());
        }
        throw new IllegalStateException(parameter + " has no bound on its length: " + declared);
    }

    /** The rules may send to the notification queue and park in the dead-letter queue; no one else may. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"NotificationQueuePolicy", "DeadLetterQueuePolicy"})
    void theQueuesAcceptExactlyTheRulesOfThisStack(String queuePolicy) {
        Set<String> rules = new TreeSet<>();
        transformed.path("Resources").fields().forEachRemaining(r -> {
            if ("AWS::Events::Rule".equals(r.getValue().path("Type").asText())) {
                rules.add(r.getKey());
            }
        });
        JsonNode statements = transformed.path("Resources").path(queuePolicy).path("Properties")
                .path("PolicyDocument").path("Statement");
        assertEquals(1, statements.size(), statements.toString());
        JsonNode sourceArns = statements.get(0).path("Condition").path("ArnEquals").path("aws:SourceArn");

        Set<String> allowed = new TreeSet<>();
        List<String> entries = new ArrayList<>();
        for (JsonNode arn : sourceArns) {
            JsonNode getAtt = arn.path("Fn::GetAtt");
            assertEquals("Arn", getAtt.path(1).asText(), "each entry is !GetAtt <rule>.Arn: " + arn);
            allowed.add(getAtt.path(0).asText());
            entries.add(getAtt.path(0).asText());
        }

        assertEquals(deployed.size(), rules.size(), "every AWS::Events::Rule has a pattern");
        assertEquals(rules, allowed, "the queue policy's aws:SourceArn list and the stack's rules");
        assertEquals(allowed.size(), entries.size(), "no rule listed twice");
        assertEquals("Allow", statements.get(0).path("Effect").asText());
        assertEquals("events.amazonaws.com", statements.get(0).path("Principal").path("Service").asText());
        assertEquals("sqs:SendMessage", statements.get(0).path("Action").asText());
        String queue = transformed.path("Resources").path(queuePolicy).path("Properties").path("Queues").path(0).path("Ref").asText();
        assertEquals("{\"Fn::GetAtt\":[\"" + queue + "\",\"Arn\"]}", statements.get(0).path("Resource").toString());
    }

    /** The 519 real records beside the checkout (see robustness.Corpus): their absence fails the test. */
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "records.jsonl");

    private static List<JsonNode> corpusEvents() throws Exception {
        if (!Files.exists(CORPUS)) {
            org.junit.jupiter.api.Assertions.fail(CORPUS.toAbsolutePath().normalize() + " is missing: the integration"
                    + " tests (-Pintegration) run in a checkout with shared/ beside it");
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(EventBridgeEnvelope.wrap(MAPPER.readTree(line)));
            }
        }
        return events;
    }

    /**
     * One event, one mail: no two rules may match the same event (README). Checked on every sample and
     * every corpus record, with every rule group enabled and every secret that is read in them watched,
     * so that SecretRead matches as much as it ever can.
     */
    @Test
    void noEventTriggersTwoRules() throws Exception {
        Map<String, JsonNode> events = samplesAndCorpus();
        List<Rule> rules = everyRuleAsBroadAsItGets(events);
        RuleMatcher all = new RuleMatcher(rules);

        List<String> overlaps = new ArrayList<>();
        int pairs = 0;
        for (Map.Entry<String, JsonNode> e : events.entrySet()) {
            List<Rule> fired = all.matching(e.getValue().toString());
            pairs += rules.size() * (rules.size() - 1) / 2;
            if (fired.size() > 1) {
                overlaps.add(e.getKey() + ": " + fired.stream().map(Rule::name).toList());
            }
        }

        assertEquals(List.of(), overlaps, "events that would send two mails (" + events.size() + " events, "
                + pairs + " event x rule-pair checks)");
    }

    @Test
    void everySampleEventHasAnExpectation() {
        Set<String> samples = Fixtures.events().stream().map(Fixtures::baseName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(samples, new TreeSet<>(EXPECTED.keySet()));
    }

    static Stream<Arguments> samples() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleTriggersExactlyItsOwnRules(String sample, Set<String> rules) throws Exception {
        String event = Files.readString(Fixtures.EVENTS.resolve(sample + ".json"), StandardCharsets.UTF_8);

        Set<String> fired = matcher.matching(event).stream().map(Rule::name).collect(Collectors.toSet());

        assertEquals(rules, fired);
    }

    @Test
    void everyRuleFiresOnAtLeastOneSampleOfItsOwn() {
        Set<String> covered = new HashSet<>();
        EXPECTED.values().forEach(covered::addAll);
        Set<String> uncovered = deployed.stream().map(Rule::name).filter(n -> !covered.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(uncovered.isEmpty(), "rules without a sample: " + uncovered);
    }

    @Test
    void aRuleThatMatchesReadOnlyCallsReceivesThem() throws Exception {
        for (Path file : Fixtures.events()) {
            JsonNode event = MAPPER.readTree(Fixtures.read(file));
            if (!EventBridgeEnvelope.isReadOnlyManagementCall(event)) {
                continue;
            }
            for (Rule rule : matcher.matching(event.toString())) {
                assertEquals(Rule.ALL_MANAGEMENT_EVENTS, rule.state(), rule.name() + " matches the read-only " + file);
            }
        }
    }

    @Test
    void everyPatternIsUnderTheEventBridgeLimit() {
        for (Rule rule : deployed) {
            int length = rule.pattern().toString().length();
            assertTrue(length < MAX_PATTERN_CHARS, rule.name() + " pattern has " + length + " characters");
        }
    }

    @Test
    void theCommandLineReadsTheSamePatternsAsTheSamTransformProduces() throws Exception {
        Map<String, JsonNode> fromTransform = deployed.stream().collect(Collectors.toMap(Rule::name, Rule::pattern));
        Map<String, String> states = deployed.stream().collect(Collectors.toMap(Rule::name, Rule::state));

        List<Rule> fromYaml = TemplateRules.load(SamTemplate.PATH, Map.of("WatchedSecretArns", WATCHED_SECRET));

        assertEquals(fromTransform.keySet(), fromYaml.stream().map(Rule::name).collect(Collectors.toSet()));
        for (Rule rule : fromYaml) {
            assertEquals(fromTransform.get(rule.name()), rule.pattern(), rule.name());
            assertEquals(states.get(rule.name()), rule.state(), rule.name());
        }
    }

    @Test
    void theHandlerNamedInTheTemplateExistsInTheBuiltCode() throws Exception {
        String handler = SamTemplate.load().functionHandler();
        String[] parts = handler.split("::");

        Class<?> type = Class.forName(parts[0]);

        assertTrue(RequestStreamHandler.class.isAssignableFrom(type), handler);
        type.getMethod(parts[1], java.io.InputStream.class, java.io.OutputStream.class,
                com.amazonaws.services.lambda.runtime.Context.class);
        type.getConstructor();
    }

    /** Every sample, by file name, and every corpus record, by line. */
    private static Map<String, JsonNode> samplesAndCorpus() throws Exception {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        for (Path file : Fixtures.events()) {
            events.put(file.getFileName().toString(), MAPPER.readTree(Fixtures.read(file)));
        }
        List<JsonNode> corpus = corpusEvents();
        assertEquals(519, corpus.size(), "corpus records");
        for (int i = 0; i < corpus.size(); i++) {
            events.put("records.jsonl:" + (i + 1), corpus.get(i));
        }
        return events;
    }

    /** The home rules with their defaults (every group enabled), watching every secret these events read. */
    private static List<Rule> everyRuleAsBroadAsItGets(Map<String, JsonNode> events) {
        Set<String> secrets = new TreeSet<>(List.of(WATCHED_SECRET));
        for (JsonNode event : events.values()) {
            JsonNode detail = event.path("detail");
            if ("GetSecretValue".equals(detail.path("eventName").asText()) && detail.path("requestParameters").path("secretId").isTextual()) {
                secrets.add(detail.path("requestParameters").path("secretId").asText());
            }
        }
        assertTrue(secrets.size() > 1, "secrets read in the corpus: " + secrets);
        List<Rule> rules = TemplateRules.of(transformed, Map.of("WatchedSecretArns", String.join(",", secrets)));
        rules.forEach(r -> assertTrue(!r.disabled(), r.name() + " is enabled by default"));
        return rules;
    }

    /**
     * Issue 14: an event in any other region or account reaches the home rules through forwarder.yaml. Every
     * sample and corpus record that a home rule matches, moved to another region and another account, matches
     * a forwarding rule, and a read-only call one whose state receives read-only calls (seed 001); and the
     * forwarder's rules are far from "everything": a read-only call no home rule matches is not forwarded.
     */
    @Test
    void everyEventAHomeRuleMatchesIsForwardedFromAnotherRegionAndAccount() throws Exception {
        Map<String, JsonNode> events = samplesAndCorpus();
        RuleMatcher home = new RuleMatcher(everyRuleAsBroadAsItGets(events));
        RuleMatcher forwarding = new RuleMatcher(TemplateRules.load(Path.of("forwarder.yaml"),
                Map.of("HomeRegion", "ap-northeast-1", "HomeAccountId", "111122223333")));
        List<String> missed = new ArrayList<>();
        int fired = 0;
        int quietReads = 0;
        for (Map.Entry<String, JsonNode> e : events.entrySet()) {
            ObjectNode elsewhere = e.getValue().deepCopy();
            elsewhere.put("region", "eu-west-3");
            elsewhere.put("account", "999988887777");
            if (elsewhere.path("detail").isObject()) {
                ObjectNode detail = (ObjectNode) elsewhere.get("detail");
                if (detail.has("awsRegion")) {
                    detail.put("awsRegion", "eu-west-3");
                }
                if (detail.has("recipientAccountId")) {
                    detail.put("recipientAccountId", "999988887777");
                }
            }
            boolean readOnly = EventBridgeEnvelope.isReadOnlyManagementCall(elsewhere);
            List<Rule> forwarded = forwarding.matching(elsewhere.toString());
            if (home.matching(elsewhere.toString()).isEmpty()) {
                if (readOnly && forwarded.stream().anyMatch(Rule::receivesReadOnlyEvents)) {
                    continue; // forwarded though nothing at home reports it: counted below only when quiet
                }
                quietReads += readOnly ? 1 : 0;
                continue;
            }
            fired++;
            if (forwarded.stream().noneMatch(r -> !readOnly || r.receivesReadOnlyEvents())) {
                missed.add(e.getKey() + " (" + elsewhere.path("detail").path("eventName").asText() + (readOnly ? ", read-only" : "")
                        + "): forwarding rules " + forwarded.stream().map(Rule::name).toList());
            }
        }
        assertTrue(fired > 100, fired + " events fire a home rule");
        assertEquals(List.of(), missed, "events a home rule reports that no forwarding rule would bring home");
        assertTrue(quietReads > 50, quietReads + " read-only calls no home rule reports are also not forwarded");
        System.out.printf("forwarder: %d events a home rule matches all forwarded; %d read-only calls no rule reports, not forwarded%n",
                fired, quietReads);
    }

    /** The forwarder carries the catalog's risky-call rules as they are in template.yaml: a catalog change updates both. */
    @Test
    void theForwarderCopiesTheRiskyCallRulesExactly() throws Exception {
        Map<String, Rule> forwarder = TemplateRules.byLogicalId(CfnYaml.read(Files.readString(Path.of("forwarder.yaml"),
                StandardCharsets.UTF_8)), Map.of("HomeRegion", "ap-northeast-1"));
        Map<String, Rule> home = TemplateRules.byLogicalId(transformed, Map.of());
        int copies = 0;
        for (Map.Entry<String, Rule> rule : home.entrySet()) {
            if (rule.getKey().startsWith(CatalogRoutes.PREFIX)) {
                Rule copy = forwarder.get("Forward" + rule.getKey());
                assertTrue(copy != null, "forwarder.yaml has no Forward" + rule.getKey());
                assertEquals(rule.getValue().pattern(), copy.pattern(), rule.getKey());
                assertEquals(Rule.ALL_MANAGEMENT_EVENTS, copy.state(), "with ForwardReadOnlyEvents' default");
                copies++;
            }
        }
        assertEquals(3, copies);
    }

    @Test
    void theReadmeTableListsExactlyTheTemplatesRules() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z0-9]+)` \\|").matcher(readme);
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        Set<String> rules = deployed.stream().map(Rule::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, documented);
    }
}
